package com.overdue.collections.local;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The 95 % confidence intervals of the run report, deterministic: the Wilson score interval of a proportion, the
 * normal-approximation interval of a mean, and a percentile bootstrap (fixed seed) of a ratio of sums.
 */
final class Stats {

    /** The two-sided 95 % normal quantile. */
    static final double Z = 1.959963984540054;
    /** Bootstrap resamples and their seed: fixed, so a re-run gives the same interval. */
    static final int RESAMPLES = 2000;
    static final long SEED = 20_260_901L;

    private Stats() {
    }

    /** An estimate and its 95 % interval; {@code null} bounds when there are no data. */
    record Interval(BigDecimal value, BigDecimal low, BigDecimal high) {
        boolean contains(BigDecimal v) {
            return low != null && low.compareTo(v) <= 0 && v.compareTo(high) <= 0;
        }
    }

    /** The Wilson score interval of {@code successes} out of {@code n}, at {@code scale} decimals. */
    static Interval wilson(long successes, long n, int scale) {
        if (n == 0) {
            return new Interval(null, null, null);
        }
        double p = (double) successes / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z / denominator * StrictMath.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        BigDecimal rate = BigDecimal.valueOf(successes).divide(BigDecimal.valueOf(n), scale, RoundingMode.HALF_EVEN);
        // Rounded outwards, so the printed interval always contains the printed rate.
        return new Interval(rate, min(rate, down(Math.max(0, centre - half), scale)),
                max(rate, up(Math.min(1, centre + half), scale)));
    }

    /**
     * The mean of {@code values} with mean ± z·s/√n (s the sample standard deviation), at {@code scale}; the lower
     * bound is truncated at 0 when no value is negative (amounts recovered).
     */
    static Interval meanNormal(List<BigDecimal> values, int scale) {
        int n = values.size();
        if (n == 0) {
            return new Interval(null, null, null);
        }
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(n), scale, RoundingMode.HALF_EVEN);
        if (n == 1) {
            return new Interval(mean, mean, mean);
        }
        double m = sum.doubleValue() / n;
        double ss = 0;
        for (BigDecimal v : values) {
            double d = v.doubleValue() - m;
            ss += d * d;
        }
        double half = Z * StrictMath.sqrt(ss / (n - 1)) / StrictMath.sqrt(n);
        boolean nonNegative = values.stream().allMatch(v -> v.signum() >= 0);
        double low = nonNegative ? Math.max(0, m - half) : m - half;
        return new Interval(mean, min(mean, down(low, scale)), max(mean, up(m + half, scale)));
    }

    /**
     * Σnumerators / Σdenominators with a percentile bootstrap interval: {@link #RESAMPLES} resamples of the units
     * with replacement ({@link #SEED}); resamples whose denominator is 0 are left out. {@code null} value when the
     * denominator is 0.
     */
    static Interval ratioBootstrap(long[] numerators, long[] denominators, int scale) {
        int n = numerators.length;
        long num = Arrays.stream(numerators).sum();
        long den = Arrays.stream(denominators).sum();
        if (den == 0) {
            return new Interval(null, null, null);
        }
        BigDecimal ratio = BigDecimal.valueOf(num).divide(BigDecimal.valueOf(den), scale, RoundingMode.HALF_EVEN);
        Random random = new Random(SEED);
        double[] estimates = new double[RESAMPLES];
        int kept = 0;
        for (int r = 0; r < RESAMPLES; r++) {
            long a = 0;
            long b = 0;
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                a += numerators[pick];
                b += denominators[pick];
            }
            if (b > 0) {
                estimates[kept++] = (double) a / b;
            }
        }
        double[] sorted = Arrays.copyOf(estimates, kept);
        Arrays.sort(sorted);
        double low = sorted[(int) Math.floor(0.025 * (kept - 1))];
        double high = sorted[(int) Math.ceil(0.975 * (kept - 1))];
        return new Interval(ratio, min(ratio, down(low, scale)), max(ratio, up(high, scale)));
    }

    private static BigDecimal down(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.FLOOR);
    }

    private static BigDecimal up(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.CEILING);
    }

    private static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

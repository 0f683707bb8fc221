package com.overdue.collections.core.product;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A product's penalty-interest (罚息) terms, RULES §3: the contractual annual rate, capped on each day by
 * {@code maxAnnualRate} (a fixed rate, or a multiple of a reference rate such as 4 × one-year LPR); grace days; the
 * cap on total penalty per installment as a percentage of its principal; and when accrual pauses.
 */
public record PenaltyTerms(BigDecimal annualRate, DayCountBasis basis, int graceDays, boolean backdateAfterGrace,
                           RateCap maxAnnualRate, BigDecimal maxPenaltyPercentOfPrincipal,
                           boolean penaltyOnOverdueInterest, boolean pauseWhileHardship, boolean pauseWhileDispute) {

    /** The highest annual rate the law or the product allows on a day. */
    public sealed interface RateCap {
        BigDecimal on(LocalDate date);
    }

    /** A fixed maximum annual rate. */
    public record FixedCap(BigDecimal rate) implements RateCap {
        @Override
        public BigDecimal on(LocalDate date) {
            return rate;
        }
    }

    /** A multiple of a reference rate in force on the day, e.g. 4 × LPR. */
    public record MultipleCap(RateSeries series, BigDecimal multiple) implements RateCap {
        @Override
        public BigDecimal on(LocalDate date) {
            return series.rateOn(date).multiply(multiple);
        }
    }

    /** The annual rate applied on a day: the contractual rate, or the cap when it is lower. */
    public BigDecimal effectiveAnnualRate(LocalDate date) {
        BigDecimal cap = maxAnnualRate.on(date);
        return annualRate.compareTo(cap) <= 0 ? annualRate : cap;
    }
}

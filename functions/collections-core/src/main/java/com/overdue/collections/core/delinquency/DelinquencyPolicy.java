package com.overdue.collections.core.delinquency;

import java.util.Arrays;
import java.util.List;

/**
 * The configured buckets and severity thresholds (RULES §1). Buckets must start at day 1, be contiguous and end
 * open-ended, so that every overdue day lands in exactly one of them.
 */
public record DelinquencyPolicy(List<DelinquencyBucket> buckets, int mildUpToDays, int moderateUpToDays) {

    public static final String CURRENT_BUCKET = "CURRENT";

    public static final DelinquencyPolicy DEFAULT = new DelinquencyPolicy(
            parseBuckets("1-3,4-30,31-60,61-90,91-180,181+"), 30, 60);

    public DelinquencyPolicy {
        buckets = List.copyOf(buckets);
        int expectedFrom = 1;
        for (int i = 0; i < buckets.size(); i++) {
            DelinquencyBucket b = buckets.get(i);
            if (b.fromDays() != expectedFrom) {
                throw new IllegalArgumentException("buckets must be contiguous from day 1; " + b.name()
                        + " starts at " + b.fromDays() + ", expected " + expectedFrom);
            }
            if (b.toDays() == null) {
                if (i != buckets.size() - 1) {
                    throw new IllegalArgumentException("only the last bucket may be open-ended: " + b.name());
                }
            } else {
                expectedFrom = b.toDays() + 1;
            }
        }
        if (buckets.isEmpty()) {
            throw new IllegalArgumentException("no buckets: the last bucket must be open-ended, e.g. 181+");
        }
        DelinquencyBucket last = buckets.get(buckets.size() - 1);
        if (last.toDays() != null) {
            throw new IllegalArgumentException("the last bucket must be open-ended, e.g. " + last.fromDays()
                    + "+; " + last.name() + " ends at day " + last.toDays());
        }
        if (mildUpToDays < 1 || moderateUpToDays <= mildUpToDays) {
            throw new IllegalArgumentException("severity thresholds must satisfy 1 <= mild < moderate");
        }
    }

    public static List<DelinquencyBucket> parseBuckets(String spec) {
        return Arrays.stream(spec.split(",")).map(DelinquencyBucket::parse).toList();
    }

    public String bucketOf(int daysPastDue) {
        if (daysPastDue <= 0) {
            return CURRENT_BUCKET;
        }
        return buckets.stream().filter(b -> b.contains(daysPastDue)).findFirst().orElseThrow().name();
    }

    public Severity severityOf(int daysPastDue) {
        if (daysPastDue <= 0) {
            return Severity.CURRENT;
        }
        if (daysPastDue <= mildUpToDays) {
            return Severity.MILD;
        }
        return daysPastDue <= moderateUpToDays ? Severity.MODERATE : Severity.SEVERE;
    }
}

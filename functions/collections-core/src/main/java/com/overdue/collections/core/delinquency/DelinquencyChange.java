package com.overdue.collections.core.delinquency;

import java.time.LocalDate;

/** A change of bucket or severity, kept as history: when, from, to, and what caused it (RULES §1). */
public record DelinquencyChange(LocalDate on, String fromBucket, String toBucket, Severity fromSeverity,
                                Severity toSeverity, int daysPastDue, String cause) {

    /** The change between two statuses, or {@code null} when bucket and severity are the same. */
    public static DelinquencyChange between(String fromBucket, Severity fromSeverity, DelinquencyStatus to,
                                            String cause) {
        if (to.bucket().equals(fromBucket) && to.severity() == fromSeverity) {
            return null;
        }
        return new DelinquencyChange(to.asOf(), fromBucket, to.bucket(), fromSeverity, to.severity(),
                to.daysPastDue(), cause);
    }
}

package com.overdue.collections.core.delinquency;

import com.overdue.collections.core.loan.Money;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How late a loan is on one business date: loan DPD, severity, bucket, and the overdue amount (principal, interest
 * and fees of unpaid installments) per bucket, each installment in its own bucket.
 */
public record DelinquencyStatus(LocalDate asOf, int daysPastDue, Severity severity, String bucket,
                                Money overdueAmount, Map<String, Money> overdueByBucket,
                                List<InstallmentDelinquency> installments) {

    /** Immutable, in the given order: a decoded status is shared by the readers of a unit of work. */
    public DelinquencyStatus {
        overdueByBucket = Collections.unmodifiableMap(new LinkedHashMap<>(overdueByBucket));
        installments = List.copyOf(installments);
    }

    /** One unpaid, overdue installment's lateness. */
    public record InstallmentDelinquency(int seq, LocalDate dueDate, int daysPastDue, String bucket, Money overdue) {
    }

    public boolean isOverdue() {
        return daysPastDue > 0;
    }
}

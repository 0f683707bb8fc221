package com.overdue.collections.core.metro2;

import java.util.Objects;
import java.util.Optional;

/**
 * What one cycle reports for an account: its Account Status, the Payment Rating when the status takes one, and the
 * code this month contributes to the Payment History Profile of the next cycle.
 */
public record ReportedStatus(AccountStatus status, Optional<PaymentRating> paymentRating,
                             PaymentHistoryCode historyCode) {

    public ReportedStatus {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(paymentRating, "paymentRating");
        Objects.requireNonNull(historyCode, "historyCode");
        if (status.requiresPaymentRating() != paymentRating.isPresent()) {
            throw new IllegalArgumentException("Status " + status.code()
                    + (status.requiresPaymentRating() ? " requires" : " takes no") + " payment rating");
        }
    }
}

package com.overdue.collections.core.loan;

import java.time.LocalDate;
import java.util.Objects;

/** One installment of the repayment schedule as booked: what falls due on which date. */
public record ScheduledInstallment(int seq, LocalDate dueDate, Money principal, Money interest, Money fees) {

    public ScheduledInstallment {
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(interest, "interest");
        Objects.requireNonNull(fees, "fees");
    }

    public Money total() {
        return principal.plus(interest).plus(fees);
    }
}

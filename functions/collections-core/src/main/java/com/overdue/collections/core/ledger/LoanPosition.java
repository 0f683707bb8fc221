package com.overdue.collections.core.ledger;

import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The loan's ledger at the end of one business date: every installment's amounts due and paid, unapplied credit,
 * the date of first delinquency of the open episode, and the closure if any. Immutable; {@link LoanLedger} derives
 * the next position.
 */
public record LoanPosition(
        LoanTerms terms,
        LocalDate asOf,
        List<InstallmentPosition> installments,
        Money credit,
        LocalDate dateOfFirstDelinquency,
        LocalDate lastPaymentOn,
        LoanClosure closure) {

    public LoanPosition {
        installments = List.copyOf(installments);
    }

    public boolean isClosed() {
        return closure != null;
    }

    public Optional<InstallmentPosition> oldestOverdue() {
        return installments.stream().filter(i -> i.isOverdueOn(asOf)).findFirst();
    }

    public boolean isOverdue() {
        return oldestOverdue().isPresent();
    }

    /** Loan days past due: those of its oldest unpaid installment, 0 when nothing is overdue (RULES §1). */
    public int daysPastDue() {
        return oldestOverdue().map(i -> (int) (asOf.toEpochDay() - i.dueDate().toEpochDay())).orElse(0);
    }

    public Money outstanding(Component component) {
        return installments.stream().map(i -> i.remaining(component)).reduce(terms.zero(), Money::plus);
    }

    /** The first installment not yet fully paid, whatever its due date. */
    public Optional<InstallmentPosition> nextUnpaid() {
        return installments.stream().filter(InstallmentPosition::isUnpaid).findFirst();
    }

    public boolean isFullyPaid() {
        return nextUnpaid().isEmpty();
    }

    LoanPosition with(LocalDate newAsOf, List<InstallmentPosition> newInstallments, Money newCredit,
                      LocalDate newDofd, LocalDate newLastPayment, LoanClosure newClosure) {
        return new LoanPosition(terms, newAsOf, newInstallments, newCredit, newDofd, newLastPayment, newClosure);
    }
}

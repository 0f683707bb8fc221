package com.overdue.collections.core.ledger;

import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The loan's ledger at the end of one business date: every installment's amounts due, paid and waived, unapplied
 * credit, the date of first delinquency of the open episode, the closure if any, and the conditions (disputes,
 * promises, hardship, legal flags, contact preferences). Immutable; {@link LoanLedger} derives the next position.
 */
public record LoanPosition(
        LoanTerms terms,
        LocalDate asOf,
        List<InstallmentPosition> installments,
        Money unappliedCredit,
        LocalDate dateOfFirstDelinquency,
        LocalDate lastPaymentOn,
        LoanClosure closure,
        LoanConditions conditions) {

    public LoanPosition {
        installments = List.copyOf(installments);
        conditions = conditions == null ? LoanConditions.NONE : conditions;
    }

    public boolean isClosed() {
        return closure != null;
    }

    public Optional<InstallmentPosition> oldestOverdue() {
        return installments.stream().filter(i -> i.isOverdueOn(asOf)).findFirst();
    }

    /** Something is unpaid after its due date (even while a hardship plan pauses its ageing). */
    public boolean isOverdue() {
        return oldestOverdue().isPresent();
    }

    /** Loan days past due: the most of any unpaid installment, paused days excluded; 0 when none (RULES §1). */
    public int daysPastDue() {
        return installments.stream().mapToInt(i -> i.daysPastDue(asOf)).max().orElse(0);
    }

    public Money outstanding(Component component) {
        return installments.stream().map(i -> i.remaining(component)).reduce(terms.zero(), Money::plus);
    }

    /** Penalty accrued so far on all installments (before payments and waivers). */
    public Money penaltyAccrued() {
        return installments.stream().map(i -> i.due().penalty()).reduce(terms.zero(), Money::plus);
    }

    public Money waived(Component component) {
        return installments.stream().map(i -> i.waived().get(component)).reduce(terms.zero(), Money::plus);
    }

    public Money paid(Component component) {
        return installments.stream().map(i -> i.paid().get(component)).reduce(terms.zero(), Money::plus);
    }

    /** Everything owed now on overdue installments, penalty included: what a reminder asks the borrower to pay. */
    public Money amountDueNow() {
        return installments.stream().filter(i -> i.isOverdueOn(asOf) || !i.dueDate().isAfter(asOf))
                .map(i -> i.remaining().total()).reduce(terms.zero(), Money::plus);
    }

    /** The first installment not yet fully paid, whatever its due date. */
    public Optional<InstallmentPosition> nextUnpaid() {
        return installments.stream().filter(InstallmentPosition::isUnpaid).findFirst();
    }

    public boolean isFullyPaid() {
        return nextUnpaid().isEmpty() && outstanding(Component.PENALTY).isZero();
    }

    LoanPosition with(LocalDate newAsOf, List<InstallmentPosition> newInstallments, Money newCredit,
                      LocalDate newDofd, LocalDate newLastPayment, LoanClosure newClosure) {
        return new LoanPosition(terms, newAsOf, newInstallments, newCredit, newDofd, newLastPayment, newClosure,
                conditions);
    }

    LoanPosition withInstallments(List<InstallmentPosition> newInstallments) {
        return new LoanPosition(terms, asOf, newInstallments, unappliedCredit, dateOfFirstDelinquency, lastPaymentOn, closure,
                conditions);
    }

    LoanPosition withConditions(LoanConditions newConditions) {
        return new LoanPosition(terms, asOf, installments, unappliedCredit, dateOfFirstDelinquency, lastPaymentOn, closure,
                newConditions);
    }
}

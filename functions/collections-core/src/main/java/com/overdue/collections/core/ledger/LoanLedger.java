package com.overdue.collections.core.ledger;

import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The pure rules that move a loan's position forward: days passing (credit paying installments as they fall due,
 * the delinquency episode opening and closing) and payments allocated by the product's {@link AllocationRule}.
 * The same code serves the daily scan (advance a stored snapshot by one day) and a replay from the event history,
 * so an incremental run and a recomputation cannot disagree.
 */
public final class LoanLedger {

    private final AllocationRule allocationRule;

    public LoanLedger(AllocationRule allocationRule) {
        this.allocationRule = allocationRule;
    }

    /** The position on the disbursement date: everything scheduled, nothing paid. */
    public LoanPosition open(LoanTerms terms) {
        List<InstallmentPosition> installments = terms.schedule().stream().map(InstallmentPosition::scheduled).toList();
        return new LoanPosition(terms, terms.disbursedOn(), installments, terms.zero(), null, null, null);
    }

    /** Moves the position day by day to {@code date}; a date on or before the current one changes nothing. */
    public LoanPosition advanceTo(LoanPosition position, LocalDate date) {
        LoanPosition p = position;
        for (LocalDate d = position.asOf().plusDays(1); !d.isAfter(date); d = d.plusDays(1)) {
            p = startOfDay(p, d);
        }
        return p;
    }

    /** Applies a payment received on the position's date: due installments first, the rest becomes credit. */
    public LoanPosition applyPayment(LoanPosition position, Money amount) {
        Allocation allocation = allocate(position.installments(), position.asOf(), amount);
        LoanPosition paid = position.with(position.asOf(), allocation.installments(),
                position.credit().plus(allocation.unallocated()), position.dateOfFirstDelinquency(),
                position.asOf(), position.closure());
        return withEpisode(paid);
    }

    public LoanPosition close(LoanPosition position, LoanClosure closure) {
        return position.with(position.asOf(), position.installments(), position.credit(),
                position.dateOfFirstDelinquency(), position.lastPaymentOn(), closure);
    }

    private LoanPosition startOfDay(LoanPosition p, LocalDate day) {
        List<InstallmentPosition> installments = p.installments();
        Money credit = p.credit();
        // An overpayment waits as credit and pays installments on the day they fall due (RULES §4).
        if (credit.isPositive()) {
            Allocation allocation = allocate(installments, day, credit);
            installments = allocation.installments();
            credit = allocation.unallocated();
        }
        return withEpisode(p.with(day, installments, credit, p.dateOfFirstDelinquency(), p.lastPaymentOn(),
                p.closure()));
    }

    /** Opens the delinquency episode at the oldest unpaid due date + 1, keeps it while overdue, ends it at cure. */
    private static LoanPosition withEpisode(LoanPosition p) {
        LocalDate dofd = p.oldestOverdue()
                .map(oldest -> p.dateOfFirstDelinquency() != null ? p.dateOfFirstDelinquency()
                        : oldest.dueDate().plusDays(1))
                .orElse(null);
        return p.with(p.asOf(), p.installments(), p.credit(), dofd, p.lastPaymentOn(), p.closure());
    }

    private Allocation allocate(List<InstallmentPosition> installments, LocalDate on, Money amount) {
        List<InstallmentPosition> result = new ArrayList<>(installments);
        Money left = amount;
        if (allocationRule.style() == AllocationRule.Style.PER_INSTALLMENT) {
            for (int i = 0; i < result.size() && left.isPositive(); i++) {
                if (result.get(i).dueDate().isAfter(on)) {
                    continue;
                }
                for (Component component : allocationRule.order()) {
                    left = payComponent(result, i, component, left);
                }
            }
        } else {
            for (Component component : allocationRule.order()) {
                for (int i = 0; i < result.size() && left.isPositive(); i++) {
                    if (!result.get(i).dueDate().isAfter(on)) {
                        left = payComponent(result, i, component, left);
                    }
                }
            }
        }
        return new Allocation(result, left);
    }

    private static Money payComponent(List<InstallmentPosition> installments, int index, Component component,
                                      Money available) {
        InstallmentPosition installment = installments.get(index);
        Money payable = installment.remaining(component).min(available);
        if (!payable.isPositive()) {
            return available;
        }
        installments.set(index, installment.pay(component, payable));
        return available.minus(payable);
    }

    private record Allocation(List<InstallmentPosition> installments, Money unallocated) {
    }
}

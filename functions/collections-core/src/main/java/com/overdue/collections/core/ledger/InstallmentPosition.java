package com.overdue.collections.core.ledger;

import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.loan.ScheduledInstallment;

import java.time.LocalDate;

/** An installment's amounts due and paid per component at the position's date. */
public record InstallmentPosition(int seq, LocalDate dueDate, ComponentAmounts due, ComponentAmounts paid) {

    public static InstallmentPosition scheduled(ScheduledInstallment s) {
        ComponentAmounts due = new ComponentAmounts(Money.zero(s.principal().currency()), s.fees(), s.interest(),
                s.principal());
        return new InstallmentPosition(s.seq(), s.dueDate(), due, ComponentAmounts.zero(s.principal().currency()));
    }

    public ComponentAmounts remaining() {
        return due.minus(paid);
    }

    public Money remaining(Component component) {
        return due.get(component).minus(paid.get(component));
    }

    /** RULES §1: unpaid while any of principal, interest or fees remains above zero. */
    public boolean isUnpaid() {
        return remaining().scheduledTotal().isPositive();
    }

    public boolean isOverdueOn(LocalDate date) {
        return isUnpaid() && dueDate.isBefore(date);
    }

    public InstallmentPosition pay(Component component, Money amount) {
        return new InstallmentPosition(seq, dueDate, due, paid.with(component, paid.get(component).plus(amount)));
    }
}

package com.overdue.collections.core.ledger;

import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.loan.ScheduledInstallment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An installment at the position's date: amounts due (penalty grows as it accrues), paid and waived per component,
 * and the days its ageing was paused (hardship plan in good standing), which do not count as days past due.
 */
public record InstallmentPosition(int seq, LocalDate dueDate, ComponentAmounts due, ComponentAmounts paid,
                                  ComponentAmounts waived, int pausedDays) {

    public static InstallmentPosition scheduled(ScheduledInstallment s) {
        ComponentAmounts zero = ComponentAmounts.zero(s.principal().currency());
        ComponentAmounts due = new ComponentAmounts(zero.penalty(), s.fees(), s.interest(), s.principal());
        return new InstallmentPosition(s.seq(), s.dueDate(), due, zero, zero, 0);
    }

    public ComponentAmounts remaining() {
        return due.minus(paid).minus(waived);
    }

    public Money remaining(Component component) {
        return due.get(component).minus(paid.get(component)).minus(waived.get(component));
    }

    /**
     * RULES §1: unpaid while any of principal, interest or fees remains above zero (what remains of the three
     * together, as {@code remaining().scheduledTotal()}, summed here without building the intermediate amounts: the
     * ledger asks this of every installment on every day it replays).
     */
    public boolean isUnpaid() {
        BigDecimal dueTotal = due.principal().amount().add(due.interest().amount()).add(due.fees().amount());
        BigDecimal settled = paid.principal().amount().add(paid.interest().amount()).add(paid.fees().amount())
                .add(waived.principal().amount()).add(waived.interest().amount()).add(waived.fees().amount());
        return dueTotal.compareTo(settled) > 0;
    }

    /** Unpaid and past its due date, whether or not its ageing is paused (the date, the cheaper test, first). */
    public boolean isOverdueOn(LocalDate date) {
        return dueDate.isBefore(date) && isUnpaid();
    }

    /** Days past due on {@code date}, paused days excluded; 0 when paid or not yet due. */
    public int daysPastDue(LocalDate date) {
        if (!isOverdueOn(date)) {
            return 0;
        }
        return Math.max(0, (int) (date.toEpochDay() - dueDate.toEpochDay()) - pausedDays);
    }

    public InstallmentPosition pay(Component component, Money amount) {
        return new InstallmentPosition(seq, dueDate, due, paid.with(component, paid.get(component).plus(amount)),
                waived, pausedDays);
    }

    public InstallmentPosition waive(Component component, Money amount) {
        return new InstallmentPosition(seq, dueDate, due, paid,
                waived.with(component, waived.get(component).plus(amount)), pausedDays);
    }

    public InstallmentPosition accrue(Money penalty) {
        return new InstallmentPosition(seq, dueDate, due.with(Component.PENALTY, due.penalty().plus(penalty)), paid,
                waived, pausedDays);
    }

    public InstallmentPosition pauseOneDay() {
        return new InstallmentPosition(seq, dueDate, due, paid, waived, pausedDays + 1);
    }

    public InstallmentPosition withDueDate(LocalDate newDueDate) {
        return new InstallmentPosition(seq, newDueDate, due, paid, waived, 0);
    }
}

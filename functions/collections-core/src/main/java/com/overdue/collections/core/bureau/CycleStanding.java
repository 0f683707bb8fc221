package com.overdue.collections.core.bureau;

import com.overdue.collections.core.ledger.InstallmentPosition;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.loan.ScheduledInstallment;
import com.overdue.collections.core.metro2.AccountStatusPolicy;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Where a loan stands on a cycle date, in the figures a bureau report needs, read off the ledger position.
 *
 * @param currentBalance    principal not yet repaid plus interest, fees and penalty of installments already due,
 *                          less unapplied credit (never below zero): future interest is not owed yet
 * @param daysPastDue       DPD of the oldest unpaid installment, days paused under a hardship plan excluded
 * @param amountPastDue     everything still unpaid (penalty included) on installments 30 or more days past due:
 *                          Metro 2 counts nothing younger as past due (an account 1–29 days late is current)
 * @param totalPaid         everything paid on the loan so far, credit included
 * @param scheduledPayment  the regular installment (principal + interest + fees of the first one)
 * @param daysPastDueAtClosure DPD on the closure date, for the Payment Rating of a closed account
 * @param paidInFull        every installment and its penalty paid, or charged off with nothing left owed (credit
 *                          covering the balance)
 * @param deferred          a hardship deferral is in effect: an installment moved to a later due date than the
 *                          contract's is still unpaid and not due yet
 */
public record CycleStanding(int daysPastDue, BigDecimal currentBalance, BigDecimal amountPastDue,
                            BigDecimal totalPaid, BigDecimal scheduledPayment, LocalDate dateFirstDelinquency,
                            LocalDate dateLastPayment, LocalDate closedOn, String closureReason, boolean paidInFull,
                            int daysPastDueAtClosure, LocalDate chargedOffOn,
                            boolean deferred) {

    /** Reads the position (already advanced to the cycle date). */
    public static CycleStanding of(LoanPosition position, ChargeOffPolicy chargeOff) {
        LocalDate asOf = position.asOf();
        Money zero = position.terms().zero();
        Money balance = position.outstanding(Component.PRINCIPAL);
        Money pastDue = zero;
        Money paid = position.unappliedCredit();
        for (InstallmentPosition i : position.installments()) {
            if (!i.dueDate().isAfter(asOf)) {
                balance = balance.plus(i.remaining(Component.INTEREST)).plus(i.remaining(Component.FEES))
                        .plus(i.remaining(Component.PENALTY));
            }
            // The same paused-days-excluded DPD as the Account Status, so status 11 never carries an amount past due.
            if (i.daysPastDue(asOf) >= AccountStatusPolicy.FIRST_DELINQUENT_DAYS) {
                pastDue = pastDue.plus(i.remaining().total());
            }
            paid = paid.plus(i.paid().total());
        }
        balance = balance.minus(position.unappliedCredit());
        if (balance.isNegative()) {
            balance = zero;
        }
        LocalDate closedOn = position.closure() == null ? null : position.closure().on();
        int dpdAtClosure = closedOn == null ? 0 : daysPastDueOn(position, closedOn);
        BigDecimal scheduled = position.terms().schedule().isEmpty() ? BigDecimal.ZERO
                : position.terms().schedule().get(0).total().amount();
        LocalDate chargedOffOn = chargeOff.chargedOffOn(position).orElse(null);
        // A charged-off balance is owed at once. The ledger keeps an overpayment as credit until each remaining
        // installment falls due (RULES §4), so a charged-off loan whose balance the credit covers is not "fully
        // paid" there for months; yet nothing is left to collect, and Metro 2 has no 97 with a zero balance: it is
        // paid after charge-off (64). The balance already leaves out interest of installments not yet due.
        boolean paidInFull = position.isFullyPaid()
                || chargedOffOn != null && !chargedOffOn.isAfter(asOf) && balance.isZero();
        return new CycleStanding(position.daysPastDue(), balance.amount(), pastDue.amount(), paid.amount(),
                scheduled, position.dateOfFirstDelinquency(), position.lastPaymentOn(), closedOn,
                position.closure() == null ? null : position.closure().reason(), paidInFull,
                dpdAtClosure, chargedOffOn, isDeferred(position));
    }

    /** An unpaid installment not due yet whose due date is later than the contract's: a deferral still running. */
    private static boolean isDeferred(LoanPosition position) {
        for (InstallmentPosition i : position.installments()) {
            LocalDate contractual = position.terms().schedule().stream().filter(s -> s.seq() == i.seq())
                    .map(ScheduledInstallment::dueDate).findFirst().orElse(i.dueDate());
            if (i.isUnpaid() && i.dueDate().isAfter(position.asOf()) && i.dueDate().isAfter(contractual)) {
                return true;
            }
        }
        return false;
    }

    /** DPD of the oldest installment still unpaid now whose due date was before {@code date}. */
    private static int daysPastDueOn(LoanPosition position, LocalDate date) {
        return position.installments().stream()
                .filter(i -> i.isUnpaid() && i.dueDate().isBefore(date))
                .findFirst()
                .map(i -> (int) (date.toEpochDay() - i.dueDate().toEpochDay()))
                .orElse(0);
    }
}

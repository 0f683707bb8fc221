package com.overdue.collections.core.reminder;

import com.overdue.collections.core.ledger.InstallmentPosition;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one reminder tells a borrower: every overdue loan it may speak about, with the amount due now (penalty
 * included), the oldest unpaid due date and the days past due, and the total per currency. Loans under an open
 * dispute are withheld: their ids are kept for the contact record, their figures are not shown. A listed loan with an
 * open settlement offer adds an offer line: what settles it under the offer and the offer's last day.
 */
public record ReminderDigest(String borrowerId, List<LoanLine> loans, List<String> withheldLoanIds,
                             List<OfferLine> offers) {

    public ReminderDigest {
        loans = List.copyOf(loans);
        withheldLoanIds = List.copyOf(withheldLoanIds);
        offers = List.copyOf(offers);
    }

    /** A digest without settlement offers. */
    public ReminderDigest(String borrowerId, List<LoanLine> loans, List<String> withheldLoanIds) {
        this(borrowerId, loans, withheldLoanIds, List.of());
    }

    /**
     * An open settlement offer on a listed loan: pay {@code amountToSettle} (the balance today less the offer's
     * waiver) by {@code lastDay}, inclusive, and the rest is waived. Figures and a date only, like the loan lines.
     */
    public record OfferLine(String loanId, Money amountToSettle, LocalDate lastDay) {
    }

    /** One overdue loan as the message lists it. */
    public record LoanLine(String loanId, String jurisdiction, Money amountDue, Money penaltyDue,
                           LocalDate oldestDueDate, int daysPastDue, int installmentsOverdue) {

        /**
         * The line of a courtesy reminder: the next unpaid installment's remaining amount and due date, not yet
         * overdue ({@code p} must have one).
         */
        public static LoanLine upcoming(LoanPosition p) {
            InstallmentPosition next = p.nextUnpaid().orElseThrow();
            return new LoanLine(p.terms().loanId(), p.terms().jurisdiction(), next.remaining().total(),
                    next.remaining(Component.PENALTY), next.dueDate(), 0, 0);
        }

        /** The line for a position aged to the reminder's date. */
        public static LoanLine of(LoanPosition p) {
            List<InstallmentPosition> overdue = p.installments().stream().filter(i -> i.isOverdueOn(p.asOf())).toList();
            Money penalty = overdue.stream().map(i -> i.remaining(Component.PENALTY))
                    .reduce(p.terms().zero(), Money::plus);
            LocalDate oldest = overdue.isEmpty() ? null : overdue.get(0).dueDate();
            return new LoanLine(p.terms().loanId(), p.terms().jurisdiction(), p.amountDueNow(), penalty, oldest,
                    p.daysPastDue(), overdue.size());
        }
    }

    /** The amount due per currency, in the order the currencies first appear. */
    public List<Money> totals() {
        Map<String, Money> byCurrency = new LinkedHashMap<>();
        for (LoanLine l : loans) {
            byCurrency.merge(l.amountDue().currency().getCurrencyCode(), l.amountDue(), Money::plus);
        }
        return new ArrayList<>(byCurrency.values());
    }
}

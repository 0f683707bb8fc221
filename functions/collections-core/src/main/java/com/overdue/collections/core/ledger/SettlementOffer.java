package com.overdue.collections.core.ledger;

import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * A settlement offer rule of a product's ladder: on entering {@code stage}, the borrower is offered a waiver of a share
 * (basis points) of the outstanding penalty and fees if the whole remaining balance is paid within
 * {@code payWithinDays}. The rule id is the waiver's approver.
 */
public record SettlementOffer(String rule, String stage, Map<Component, Integer> waiveBasisPoints, int payWithinDays) {

    /** Every waiver an offer derives has a source id with this prefix (no inbound event id may start with it). */
    public static final String WAIVER_PREFIX = "OFFER-";

    /** Whether a waiver was derived from an accepted settlement offer (approved by its rule, not by a person). */
    public static boolean isOfferWaiver(LoanConditions.Waiver waiver) {
        return waiver.sourceEventId() != null && waiver.sourceEventId().startsWith(WAIVER_PREFIX);
    }

    public SettlementOffer {
        waiveBasisPoints = Map.copyOf(waiveBasisPoints);
        waiveBasisPoints.forEach((c, bp) -> {
            if (bp < 0 || bp > 10_000) {
                throw new IllegalArgumentException(rule + ": " + c + " share " + bp + " is not 0..10000 basis points");
            }
        });
    }

    /**
     * The terms offered on {@code madeOn} for this position. Each waived amount is rounded down to the currency's
     * minor unit, so the waiver never exceeds the share the rule approves.
     */
    public Terms terms(LoanPosition position, LocalDate madeOn) {
        Map<Component, Money> waived = new EnumMap<>(Component.class);
        Money balance = position.terms().zero();
        for (Component c : Component.values()) {
            Money outstanding = position.outstanding(c);
            balance = balance.plus(outstanding);
            int bp = waiveBasisPoints.getOrDefault(c, 0);
            if (bp > 0 && outstanding.isPositive()) {
                BigDecimal share = outstanding.amount().multiply(BigDecimal.valueOf(bp))
                        .divide(BigDecimal.valueOf(10_000), outstanding.currency().getDefaultFractionDigits(),
                                RoundingMode.DOWN);
                waived.put(c, new Money(share, outstanding.currency()));
            }
        }
        return new Terms(rule, madeOn, madeOn.plusDays(payWithinDays), balance, waived);
    }

    /** What was offered: the balance on the offer date, the waiver per component, and the deadline (inclusive). */
    public record Terms(String rule, LocalDate madeOn, LocalDate deadline, Money balance,
                        Map<Component, Money> waivedBy) {

        public Terms {
            waivedBy = Map.copyOf(waivedBy);
        }

        public Money waived() {
            return waivedBy.values().stream().reduce(balance.minus(balance), Money::plus);
        }

        /** What the borrower pays to settle (as of the offer date; penalty accrued later is owed on top). */
        public Money amountToPay() {
            return balance.minus(waived());
        }

        /** Whether a payment on {@code on} of {@code amount} settles {@code before} (the position just before it). */
        public boolean qualifies(LoanPosition before, LocalDate on, Money amount) {
            if (on.isBefore(madeOn) || on.isAfter(deadline)) {
                return false;
            }
            Money remaining = before.terms().zero();
            for (Component c : Component.values()) {
                remaining = remaining.plus(before.outstanding(c));
            }
            return amount.compareTo(remaining.minus(waived())) >= 0;
        }

        /**
         * What the borrower pays on {@code position}'s date to settle under the offer: everything outstanding less
         * the waiver (penalty accrued since the offer date is owed on top of {@link #amountToPay()}).
         */
        public Money amountToSettle(LoanPosition position) {
            Money remaining = position.terms().zero();
            for (Component c : Component.values()) {
                remaining = remaining.plus(position.outstanding(c));
            }
            Money due = remaining.minus(waived());
            return due.isPositive() ? due : position.terms().zero();
        }

        /** Open on {@code today}: made on or before it, its deadline not passed, its waiver not applied. */
        public boolean openOn(LocalDate today, LoanPosition position) {
            return !today.isBefore(madeOn) && !today.isAfter(deadline) && !appliedIn(position);
        }

        /** The offer lapsed: its deadline passed before {@code today} and no waiver of this rule was applied. */
        public boolean expiredOn(LocalDate today, LoanPosition position) {
            return today.isAfter(deadline) && !appliedIn(position);
        }

        /** Whether this offer's waiver is among the position's waivers. */
        public boolean appliedIn(LoanPosition position) {
            return position.conditions().waivers().stream().anyMatch(w -> w.sourceEventId().startsWith(waiverPrefix()));
        }

        /** The id a derived waiver of this offer is recorded under: fixed by the offer, so a re-run repeats it. */
        public String waiverId(Component component) {
            return waiverPrefix() + component;
        }

        private String waiverPrefix() {
            return WAIVER_PREFIX + rule + "-" + madeOn + "-";
        }
    }
}

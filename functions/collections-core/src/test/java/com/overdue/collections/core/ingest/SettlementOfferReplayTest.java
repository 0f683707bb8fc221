package com.overdue.collections.core.ingest;

import com.overdue.collections.core.ledger.LoanConditions;
import com.overdue.collections.core.ledger.LoanLedger;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.ledger.SettlementOffer;
import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.product.AllocationRule;
import com.overdue.collections.core.testing.EventJson;
import com.overdue.collections.core.testing.TestProducts;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.overdue.collections.core.testing.EventJson.parsed;
import static com.overdue.collections.core.testing.LoanFixtures.cny;
import static com.overdue.collections.core.testing.LoanFixtures.installment;
import static com.overdue.collections.core.testing.LoanFixtures.shanghai;
import static com.overdue.collections.core.testing.LoanFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

/** A settlement offer's waiver is derived during replay: a qualifying payment gets it, a late or short one does not. */
class SettlementOfferReplayTest {

    private static final LocalDate JAN_15 = LocalDate.of(2026, 1, 15);
    private static final LocalDate MAR_20 = LocalDate.of(2026, 3, 20);
    private static final LocalDate APR_1 = LocalDate.of(2026, 4, 1);
    private static final LocalDate APR_3 = LocalDate.of(2026, 4, 3);
    private static final LocalDate APR_4 = LocalDate.of(2026, 4, 4);
    private static final LocalDate MAY_10 = LocalDate.of(2026, 5, 10);

    /** Three installments of 1000.00 + 30.00 + 5.00 fees; the first two are overdue on 20 March. */
    private final LoanTerms terms = terms("L-1", JAN_15,
            installment(1, LocalDate.of(2026, 2, 15), "1000.00", "30.00", "5.00"),
            installment(2, LocalDate.of(2026, 3, 15), "1000.00", "30.00", "5.00"),
            installment(3, LocalDate.of(2026, 4, 15), "1000.00", "30.00", "5.00"));
    private final LoanReplay replay = new LoanReplay(new LoanLedger(TestProducts.withoutPenalty(AllocationRule.DEFAULT)));
    private final CollectionsEvent booked = parsed(EventJson.loanBooked("E-1", shanghai(JAN_15, 10), terms));
    /** All fees and half the penalty (none accrues on this product) if paid in full within 14 days. */
    private final SettlementOffer rule = new SettlementOffer("OFFER-LETTER-SETTLE", "LETTER",
            Map.of(Component.FEES, 10_000, Component.PENALTY, 5_000), 14);
    private final SettlementOffer.Terms offer = rule.terms(replay.replay(terms, List.of(booked), MAR_20), MAR_20);

    @Test
    void the_offer_waives_the_configured_share_and_runs_for_its_days() {
        assertThat(offer.balance()).isEqualTo(cny("3105.00"));
        assertThat(offer.waivedBy()).containsExactly(Map.entry(Component.FEES, cny("15.00")));
        assertThat(offer.amountToPay()).isEqualTo(cny("3090.00"));
        assertThat(offer.deadline()).isEqualTo(APR_3);
    }

    @Test
    void a_payment_by_the_deadline_of_the_amount_to_pay_gets_the_waiver_approved_by_the_rule_and_pays_the_loan() {
        List<CollectionsEvent> history = List.of(booked, payment("E-2", "3090.00", APR_1));

        LoanPosition p = replay.replay(terms, history, MAY_10, a -> { }, List.of(offer));

        assertThat(p.isFullyPaid()).isTrue();
        assertThat(p.waived(Component.FEES)).isEqualTo(cny("15.00"));
        assertThat(p.conditions().waivers()).singleElement().satisfies(w -> {
            assertThat(w.approvedBy()).isEqualTo("OFFER-LETTER-SETTLE");
            assertThat(w.component()).isEqualTo("FEES");
            assertThat(w.applied()).isEqualTo("15.00");
            assertThat(w.sourceEventId()).isEqualTo("OFFER-OFFER-LETTER-SETTLE-2026-03-20-FEES");
            assertThat(w.on()).isEqualTo(APR_1);
        });
        assertThat(offer.appliedIn(p)).isTrue();
        assertThat(offer.expiredOn(MAY_10, p)).isFalse();
    }

    @Test
    void a_payment_on_the_last_day_still_qualifies() {
        LoanPosition p = replay.replay(terms, List.of(booked, payment("E-2", "3090.00", APR_3)), MAY_10, a -> { },
                List.of(offer));

        assertThat(p.isFullyPaid()).isTrue();
        assertThat(offer.appliedIn(p)).isTrue();
    }

    @Test
    void a_late_payment_gets_no_waiver_and_the_offer_is_expired() {
        LoanPosition p = replay.replay(terms, List.of(booked, payment("E-2", "3090.00", APR_4)), MAY_10, a -> { },
                List.of(offer));

        assertThat(p.conditions().waivers()).isEmpty();
        assertThat(p.isFullyPaid()).isFalse();
        assertThat(remaining(p)).isEqualTo(cny("15.00"));
        assertThat(offer.expiredOn(APR_4, p)).isTrue();
        assertThat(offer.expiredOn(APR_3, p)).isFalse();
    }

    @Test
    void a_short_payment_by_the_deadline_gets_no_waiver_and_the_offer_expires() {
        LoanPosition p = replay.replay(terms, List.of(booked, payment("E-2", "3089.99", APR_1)), MAY_10, a -> { },
                List.of(offer));

        assertThat(p.conditions().waivers()).isEmpty();
        assertThat(p.isFullyPaid()).isFalse();
        assertThat(offer.expiredOn(APR_4, p)).isTrue();
    }

    @Test
    void payments_that_together_settle_qualify_on_the_one_that_completes_the_amount() {
        List<CollectionsEvent> history = List.of(booked, payment("E-2", "2000.00", MAR_20.plusDays(2)),
                payment("E-3", "1090.00", APR_1));

        LoanPosition p = replay.replay(terms, history, MAY_10, a -> { }, List.of(offer));

        assertThat(p.isFullyPaid()).isTrue();
        // The first payment paid two installments' fees: the 15.00 offered is waived as 5.00 fees and 10.00 interest.
        assertThat(p.conditions().waivers()).extracting(LoanConditions.Waiver::component, LoanConditions.Waiver::applied,
                LoanConditions.Waiver::approvedBy, LoanConditions.Waiver::on).containsExactly(
                org.assertj.core.groups.Tuple.tuple("FEES", "5.00", "OFFER-LETTER-SETTLE", APR_1),
                org.assertj.core.groups.Tuple.tuple("INTEREST", "10.00", "OFFER-LETTER-SETTLE", APR_1));
    }

    @Test
    void a_re_run_derives_the_same_waiver_whatever_the_order_of_the_history() {
        List<CollectionsEvent> history = List.of(booked, payment("E-2", "3090.00", APR_1));

        LoanPosition first = replay.replay(terms, history, MAY_10, a -> { }, List.of(offer));
        LoanPosition again = replay.replay(terms, List.of(history.get(1), history.get(0)), MAY_10, a -> { },
                List.of(offer));

        assertThat(again).isEqualTo(first);
        assertThat(again.conditions().waivers()).hasSize(1);
    }

    private static com.overdue.collections.core.loan.Money remaining(LoanPosition p) {
        com.overdue.collections.core.loan.Money total = cny("0.00");
        for (Component c : Component.values()) {
            total = total.plus(p.outstanding(c));
        }
        return total;
    }

    private static CollectionsEvent payment(String eventId, String amount, LocalDate receivedOn) {
        return parsed(EventJson.paymentReceived(eventId, shanghai(receivedOn, 10), "L-1", "P-" + eventId, amount,
                receivedOn));
    }
}

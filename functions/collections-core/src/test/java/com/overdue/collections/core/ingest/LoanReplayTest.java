package com.overdue.collections.core.ingest;

import com.overdue.collections.core.testing.TestProducts;
import static com.overdue.collections.core.testing.EventJson.parsed;
import static com.overdue.collections.core.testing.LoanFixtures.cny;
import static com.overdue.collections.core.testing.LoanFixtures.installment;
import static com.overdue.collections.core.testing.LoanFixtures.shanghai;
import static com.overdue.collections.core.testing.LoanFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

import com.overdue.collections.core.product.AllocationRule;
import com.overdue.collections.core.ledger.InstallmentPosition;
import com.overdue.collections.core.ledger.LoanClosure;
import com.overdue.collections.core.ledger.LoanLedger;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.testing.EventJson;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LoanReplayTest {

    private static final LocalDate JAN_15 = LocalDate.of(2026, 1, 15);
    private static final LocalDate FEB_14 = LocalDate.of(2026, 2, 14);
    private static final LocalDate FEB_20 = LocalDate.of(2026, 2, 20);
    private static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MAR_16 = LocalDate.of(2026, 3, 16);
    private static final LocalDate MAR_25 = LocalDate.of(2026, 3, 25);
    private static final LocalDate APR_30 = LocalDate.of(2026, 4, 30);
    private static final LocalDate MAY_10 = LocalDate.of(2026, 5, 10);

    /** Three installments of 1000.00 + 30.00 + 5.00 = 1035.00, due 15 February, March and April 2026. */
    private final LoanTerms terms = terms("L-1", JAN_15,
            installment(1, LocalDate.of(2026, 2, 15), "1000.00", "30.00", "5.00"),
            installment(2, LocalDate.of(2026, 3, 15), "1000.00", "30.00", "5.00"),
            installment(3, LocalDate.of(2026, 4, 15), "1000.00", "30.00", "5.00"));

    private final LoanLedger ledger = new LoanLedger(TestProducts.withoutPenalty(AllocationRule.DEFAULT));
    private final LoanReplay replay = new LoanReplay(ledger);

    private final CollectionsEvent booked = parsed(EventJson.loanBooked("E-1", shanghai(JAN_15, 10), terms));
    private final CollectionsEvent p1 = payment("E-2", "P-1", "500.00", FEB_20, shanghai(FEB_20, 14));
    private final CollectionsEvent p2 = payment("E-3", "P-2", "1200.00", MAR_16, shanghai(MAR_16, 9));
    private final CollectionsEvent backDated = payment("E-4", "P-3", "300.00", MAR_1, shanghai(MAR_25, 11));
    private final CollectionsEvent reverseP1 =
            parsed(EventJson.paymentReversed("E-5", shanghai(FEB_20.plusDays(3), 9), "L-1", "P-1"));
    private final CollectionsEvent dispute =
            parsed(EventJson.disputeOpened("E-6", shanghai(MAR_1.plusDays(1), 15), "L-1", "D-1"));
    private final CollectionsEvent closed =
            parsed(EventJson.loanClosed("E-7", shanghai(APR_30, 18), "L-1", "SETTLED", APR_30));

    @Test
    void events_given_in_any_order_produce_the_same_position() {
        List<CollectionsEvent> history = List.of(booked, p1, p2, backDated, reverseP1, dispute, closed);
        LoanPosition inOrder = replay.replay(terms, history, MAY_10);

        for (long seed = 0; seed < 25; seed++) {
            List<CollectionsEvent> shuffled = new ArrayList<>(history);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(replay.replay(terms, shuffled, MAY_10)).as("shuffle seed %d", seed).isEqualTo(inOrder);
        }
        // P-1 is reversed: 1200.00 + 300.00 = 1500.00 was paid in all.
        assertThat(totalPaid(inOrder).plus(inOrder.unappliedCredit())).isEqualTo(cny("1500.00"));
    }

    @Test
    void a_reversed_payment_is_as_if_it_had_never_been_received() {
        LoanPosition withReversal = replay.replay(terms, List.of(booked, p1, p2, reverseP1), MAY_10);
        LoanPosition withoutP1 = replay.replay(terms, List.of(booked, p2), MAY_10);
        LoanPosition withP1 = replay.replay(terms, List.of(booked, p1, p2), MAY_10);

        assertThat(withReversal).isEqualTo(withoutP1);
        assertThat(withReversal).isNotEqualTo(withP1);
        // Without P-1 the 1200.00 of 16 March pays installment 1 (1035.00) and 165.00 of installment 2.
        assertThat(withReversal.installments().get(0).isUnpaid()).isFalse();
        assertThat(withReversal.installments().get(1).remaining().scheduledTotal()).isEqualTo(cny("870.00"));
    }

    @Test
    void a_reversal_that_arrives_before_its_payment_still_cancels_it() {
        assertThat(replay.replay(terms, List.of(reverseP1, p2, booked, p1), MAY_10))
                .isEqualTo(replay.replay(terms, List.of(booked, p2), MAY_10));
    }

    @Test
    void a_back_dated_payment_is_applied_on_the_date_it_was_received() {
        // P-4 arrives on 25 March but was received on 14 February, before P-2's 1 March value date.
        CollectionsEvent early = payment("E-8", "P-4", "1035.00", FEB_14, shanghai(MAR_25, 11));
        CollectionsEvent march = payment("E-9", "P-5", "300.00", MAR_1, shanghai(MAR_1, 10));

        LoanPosition replayed = replay.replay(terms, List.of(booked, march, early), MAR_25);

        LoanPosition p = ledger.open(terms);
        p = ledger.applyPayment(ledger.advanceTo(p, FEB_14), cny("1035.00"));
        p = ledger.applyPayment(ledger.advanceTo(p, MAR_1), cny("300.00"));
        assertThat(replayed).isEqualTo(ledger.advanceTo(p, MAR_25));
        // The credit paid installment 1 on its due date, so it never went overdue: the episode opens with
        // installment 2 (1035.00 - 300.00 = 735.00 left) on 16 March, not with installment 1 on 16 February.
        assertThat(replayed.dateOfFirstDelinquency()).isEqualTo(MAR_16);
        assertThat(replayed.installments().get(1).remaining().scheduledTotal()).isEqualTo(cny("735.00"));
        assertThat(replayed.lastPaymentOn()).isEqualTo(MAR_1);
    }

    @Test
    void loan_closed_sets_the_closure_with_its_reason_and_date() {
        LoanPosition position = replay.replay(terms, List.of(booked, p2, closed), MAY_10);

        assertThat(position.isClosed()).isTrue();
        assertThat(position.closure()).isEqualTo(new LoanClosure("SETTLED", APR_30));
        assertThat(position.asOf()).isEqualTo(MAY_10);
    }

    @Test
    void events_that_do_not_move_money_leave_the_position_as_the_payments_alone_make_it() {
        LoanPosition withDispute = replay.replay(terms, List.of(booked, dispute, p2), MAY_10);
        LoanPosition paymentsOnly = replay.replay(terms, List.of(booked, p2), MAY_10);

        // The dispute is recorded in the conditions (and is still open); the amounts are those of the payments.
        assertThat(withDispute).usingRecursiveComparison().ignoringFields("conditions").isEqualTo(paymentsOnly);
        assertThat(withDispute.conditions().hasOpenDispute()).isTrue();
        assertThat(paymentsOnly.conditions().hasOpenDispute()).isFalse();
    }

    @Test
    void a_history_without_payments_ages_the_loan_to_the_requested_date() {
        LoanPosition position = replay.replay(terms, List.of(booked), MAR_25);

        assertThat(position.asOf()).isEqualTo(MAR_25);
        assertThat(position).isEqualTo(ledger.advanceTo(ledger.open(terms), MAR_25));
    }

    @Test
    void an_event_without_a_business_date_takes_effect_on_the_loan_local_date_of_occurred_at() {
        // 17:00 UTC on 14 March is 01:00 on 15 March in Shanghai.
        CollectionsEvent lateEvening =
                parsed(EventJson.disputeOpened("E-10", Instant.parse("2026-03-14T17:00:00Z"), "L-1", "D-2"));

        assertThat(LoanReplay.effectiveDate(terms, lateEvening)).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(LoanReplay.effectiveDate(terms, p2)).isEqualTo(MAR_16);
        assertThat(LoanReplay.effectiveDate(terms, closed)).isEqualTo(APR_30);
    }

    @Test
    void nothing_takes_effect_before_the_disbursement_date() {
        CollectionsEvent beforeDisbursement = payment("E-11", "P-6", "50.00", JAN_15.minusDays(5),
                shanghai(JAN_15, 9));

        assertThat(LoanReplay.effectiveDate(terms, beforeDisbursement)).isEqualTo(JAN_15);
        assertThat(replay.replay(terms, List.of(booked, beforeDisbursement), JAN_15).unappliedCredit())
                .isEqualTo(cny("50.00"));
    }

    private static CollectionsEvent payment(String eventId, String paymentId, String amount, LocalDate receivedOn,
                                            Instant occurredAt) {
        return parsed(EventJson.paymentReceived(eventId, occurredAt, "L-1", paymentId, amount, receivedOn));
    }

    private static Money totalPaid(LoanPosition p) {
        return p.installments().stream().map(InstallmentPosition::paid).map(a -> a.total())
                .reduce(Money.zero(p.terms().currency()), Money::plus);
    }
}

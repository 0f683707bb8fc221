package com.overdue.collections.core.ingest;

import static com.overdue.collections.core.testing.EventJson.parsed;
import static com.overdue.collections.core.testing.LoanFixtures.cny;
import static com.overdue.collections.core.testing.LoanFixtures.installment;
import static com.overdue.collections.core.testing.LoanFixtures.shanghai;
import static com.overdue.collections.core.testing.LoanFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

import com.overdue.collections.core.product.AllocationRule;
import com.overdue.collections.core.ledger.LoanConditions;
import com.overdue.collections.core.ledger.LoanConditions.Hardship;
import com.overdue.collections.core.ledger.LoanConditions.HardshipStatus;
import com.overdue.collections.core.ledger.LoanConditions.PromiseStatus;
import com.overdue.collections.core.ledger.LoanConditions.PromiseToPay;
import com.overdue.collections.core.ledger.LoanLedger;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.ledger.PenaltyAccrual;
import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.product.DayCountBasis;
import com.overdue.collections.core.testing.EventJson;
import com.overdue.collections.core.testing.TestProducts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Waivers, disputes, hardship plans and promises to pay replayed from events, and what they do to penalty (RULES §3,
 * §6). One installment of 1,000.00 + 30.00 + 5.00 due 15 Feb 2026; 18.25 % ACT/365 = 0.50 a day from DPD 4 (19 Feb).
 * An event takes effect on its business date after that day's accrual.
 */
class PenaltyConditionsReplayTest {

    private static final LocalDate JAN_15 = LocalDate.of(2026, 1, 15);
    private static final LocalDate FEB_15 = LocalDate.of(2026, 2, 15);

    private final LoanTerms terms = terms("L-C", JAN_15, installment(1, FEB_15, "1000.00", "30.00", "5.00"));
    private final CollectionsEvent booked = parsed(EventJson.loanBooked("E-0", shanghai(JAN_15, 10), terms));

    private static LoanReplay replay(boolean pauseWhileHardship, boolean pauseWhileDispute) {
        return new LoanReplay(new LoanLedger(TestProducts.catalog(TestProducts.penalty("0.1825",
                DayCountBasis.ACT_365, 3, false, "1", "50", false, pauseWhileHardship, pauseWhileDispute),
                AllocationRule.DEFAULT)));
    }

    private final LoanReplay replay = replay(true, true);

    private static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    private List<CollectionsEvent> history(String... json) {
        List<CollectionsEvent> events = new ArrayList<>();
        events.add(booked);
        for (String j : json) {
            events.add(parsed(j));
        }
        return events;
    }

    // ---- waivers ----

    @Test
    void a_penalty_waiver_reduces_outstanding_penalty_and_leaves_an_audit_record() {
        // 19 Feb .. 1 Mar = 11 days x 0.50 = 5.50 accrued when the waiver of 2.00 applies on 1 Mar;
        // 2..5 Mar add 4 x 0.50 = 2.00 (the base is principal, untouched): 7.50 accrued, 5.50 outstanding.
        LoanPosition p = replay.replay(terms, history(EventJson.waiverGranted("E-W", shanghai(d(3, 1), 15), "L-C",
                "PENALTY", "2.00", "U-3")), d(3, 5));

        assertThat(p.penaltyAccrued()).isEqualTo(cny("7.50"));
        assertThat(p.waived(Component.PENALTY)).isEqualTo(cny("2.00"));
        assertThat(p.outstanding(Component.PENALTY)).isEqualTo(cny("5.50"));
        assertThat(p.conditions().waivers()).containsExactly(
                new LoanConditions.Waiver("E-W", "PENALTY", "2.00", "2.00", "U-3", d(3, 1)));
    }

    @Test
    void a_waiver_larger_than_what_is_outstanding_applies_only_what_is_owed_and_never_goes_negative() {
        // 5.50 outstanding on 1 Mar; 100.00 asked, 5.50 applied. Penalty then accrues again: 2..5 Mar = 2.00.
        LoanPosition p = replay.replay(terms, history(EventJson.waiverGranted("E-W", shanghai(d(3, 1), 15), "L-C",
                "PENALTY", "100.00", "U-3")), d(3, 5));

        assertThat(p.conditions().waivers()).containsExactly(
                new LoanConditions.Waiver("E-W", "PENALTY", "100.00", "5.50", "U-3", d(3, 1)));
        assertThat(p.waived(Component.PENALTY)).isEqualTo(cny("5.50"));
        assertThat(p.outstanding(Component.PENALTY)).isEqualTo(cny("2.00"));
        for (Component c : Component.values()) {
            assertThat(p.outstanding(c).isNegative()).as(c.name()).isFalse();
        }
    }

    @Test
    void a_fees_or_interest_waiver_reduces_that_component_only() {
        // Fees 5.00: 3.00 waived, 2.00 left. Interest 30.00: 50.00 asked, 30.00 applied, 0.00 left.
        LoanPosition p = replay.replay(terms, history(
                EventJson.waiverGranted("E-W1", shanghai(d(2, 20), 15), "L-C", "FEES", "3.00", "U-3"),
                EventJson.waiverGranted("E-W2", shanghai(d(2, 20), 16), "L-C", "INTEREST", "50.00", "U-4")), d(2, 21));

        assertThat(p.outstanding(Component.FEES)).isEqualTo(cny("2.00"));
        assertThat(p.outstanding(Component.INTEREST)).isEqualTo(cny("0.00"));
        assertThat(p.outstanding(Component.PRINCIPAL)).isEqualTo(cny("1000.00"));
        assertThat(p.conditions().waivers()).extracting(LoanConditions.Waiver::applied).containsExactly("3.00",
                "30.00");
        // Still unpaid (principal), still accruing on 1,000.00: 19, 20, 21 Feb = 1.50
        assertThat(p.daysPastDue()).isEqualTo(6);
        assertThat(p.penaltyAccrued()).isEqualTo(cny("1.50"));
    }

    // ---- pauses ----

    @Test
    void accrual_pauses_while_a_dispute_is_open_when_the_product_says_so() {
        // Opened 25 Feb (after that day's accrual), resolved 3 Mar (after that day's start): no accrual on
        // 26 Feb .. 3 Mar. 19..25 Feb = 7 days, 4..6 Mar = 3 days: 10 x 0.50 = 5.00.
        List<CollectionsEvent> events = history(
                EventJson.disputeOpened("E-D1", shanghai(d(2, 25), 11), "L-C", "D-1"),
                EventJson.disputeResolved("E-D2", shanghai(d(3, 3), 11), "L-C", "D-1"));
        List<PenaltyAccrual> journal = new ArrayList<>();

        LoanPosition p = replay.replay(terms, events, d(3, 6), journal::add);

        assertThat(p.penaltyAccrued()).isEqualTo(cny("5.00"));
        assertThat(journal).extracting(PenaltyAccrual::day).containsExactly(d(2, 19), d(2, 20), d(2, 21), d(2, 22),
                d(2, 23), d(2, 24), d(2, 25), d(3, 4), d(3, 5), d(3, 6));
        // Without the pause the same 16 days (19 Feb .. 6 Mar) give 8.00.
        assertThat(replay(true, false).replay(terms, events, d(3, 6)).penaltyAccrued()).isEqualTo(cny("8.00"));
    }

    @Test
    void accrual_pauses_while_a_hardship_plan_is_active_when_the_product_says_so() {
        // Approved 22 Feb: 19..22 Feb = 4 x 0.50 = 2.00, then nothing while the plan runs (to 10 Mar).
        List<CollectionsEvent> events = planEvents();

        assertThat(replay.replay(terms, events, d(3, 10)).penaltyAccrued()).isEqualTo(cny("2.00"));
        // Configured not to pause: 19 Feb .. 10 Mar = 20 days x 0.50 = 10.00
        assertThat(replay(false, true).replay(terms, events, d(3, 10)).penaltyAccrued()).isEqualTo(cny("10.00"));
    }

    @Test
    void a_request_under_review_does_not_pause_anything() {
        LoanPosition p = replay.replay(terms, history(EventJson.hardshipRequested("E-H1", shanghai(d(2, 20), 9),
                "L-C", "H-1", "INSTALMENT_PLAN")), d(2, 25));

        // 19..25 Feb = 7 x 0.50 = 3.50, DPD 10
        assertThat(p.penaltyAccrued()).isEqualTo(cny("3.50"));
        assertThat(p.daysPastDue()).isEqualTo(10);
        assertThat(p.conditions().hardships()).extracting(Hardship::status).containsExactly(
                HardshipStatus.UNDER_REVIEW);
    }

    @Test
    void backdating_happens_once_even_when_a_plan_freezes_dpd_at_grace_plus_one() {
        // Back-dating on, grace 3, penalty NOT paused by hardship. The plan is approved on 19 Feb (DPD 4), after
        // that day's accrual of 4 days (1,000.00 x 0.1825 x 4 / 365 = 2.00). Ageing then stays at DPD 4, but the
        // grace days are back-dated once only: 20..22 Feb accrue one day each, 3 x 0.50: 3.50 in all.
        LoanReplay backdating = new LoanReplay(new LoanLedger(TestProducts.catalog(TestProducts.penalty("0.1825",
                DayCountBasis.ACT_365, 3, true, "1", "50", false, false, true), AllocationRule.DEFAULT)));
        List<CollectionsEvent> events = history(
                EventJson.hardshipRequested("E-H1", shanghai(d(2, 18), 9), "L-C", "H-1", "INSTALMENT_PLAN"),
                EventJson.instalmentPlanApproved("E-H2", shanghai(d(2, 19), 9), "L-C", "H-1",
                        "2026-03-15", "500.00", "2026-04-15", "537.00"));
        List<PenaltyAccrual> journal = new ArrayList<>();

        LoanPosition p = backdating.replay(terms, events, d(2, 22), journal::add);

        assertThat(p.daysPastDue()).isEqualTo(4);
        assertThat(journal).extracting(PenaltyAccrual::day, PenaltyAccrual::days, PenaltyAccrual::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(d(2, 19), 4, cny("2.00")),
                        org.assertj.core.groups.Tuple.tuple(d(2, 20), 1, cny("0.50")),
                        org.assertj.core.groups.Tuple.tuple(d(2, 21), 1, cny("0.50")),
                        org.assertj.core.groups.Tuple.tuple(d(2, 22), 1, cny("0.50")));
        assertThat(p.penaltyAccrued()).isEqualTo(cny("3.50"));
    }

    // ---- hardship plans ----

    /** Request 20 Feb, plan approved 22 Feb: 500.00 by 15 Mar, 537.00 by 15 Apr (1,035.00 + 2.00 penalty). */
    private List<CollectionsEvent> planEvents(String... more) {
        List<String> json = new ArrayList<>(List.of(
                EventJson.hardshipRequested("E-H1", shanghai(d(2, 20), 9), "L-C", "H-1", "INSTALMENT_PLAN"),
                EventJson.instalmentPlanApproved("E-H2", shanghai(d(2, 22), 9), "L-C", "H-1",
                        "2026-03-15", "500.00", "2026-04-15", "537.00")));
        json.addAll(List.of(more));
        return history(json.toArray(String[]::new));
    }

    @Test
    void a_kept_plan_freezes_ageing_and_completes_on_the_last_payment() {
        List<CollectionsEvent> events = planEvents(
                EventJson.paymentReceived("E-P1", shanghai(d(3, 14), 9), "L-C", "P-1", "500.00", d(3, 14)),
                EventJson.paymentReceived("E-P2", shanghai(d(4, 14), 9), "L-C", "P-2", "537.00", d(4, 14)));

        // DPD 7 on 22 Feb; paused from 23 Feb: on 13 Apr, 57 days after the due date, 50 of them paused -> DPD 7.
        LoanPosition apr13 = replay.replay(terms, events, d(4, 13));
        assertThat(apr13.daysPastDue()).isEqualTo(7);
        assertThat(apr13.conditions().activeHardship()).get().extracting(Hardship::paidSoFar).isEqualTo("500.00");
        assertThat(apr13.conditions().holds()).contains("HARDSHIP_PLAN");

        // 500.00 + 537.00 = 1,037.00 = the plan's total: COMPLETED on 14 Apr; everything is paid (2.00 penalty
        // accrued before the plan, none during it).
        LoanPosition apr20 = replay.replay(terms, events, d(4, 20));
        Hardship plan = apr20.conditions().hardships().get(0);
        assertThat(plan.status()).isEqualTo(HardshipStatus.COMPLETED);
        assertThat(plan.endedOn()).isEqualTo(d(4, 14));
        assertThat(plan.decidedOn()).isEqualTo(d(2, 22));
        assertThat(plan.reviewer()).isEqualTo("U-3");
        assertThat(apr20.isFullyPaid()).isTrue();
        assertThat(apr20.daysPastDue()).isZero();
        assertThat(apr20.penaltyAccrued()).isEqualTo(cny("2.00"));
        assertThat(apr20.conditions().holds()).doesNotContain("HARDSHIP_PLAN");
    }

    @Test
    void a_missed_plan_payment_breaks_the_plan_and_the_loan_returns_to_normal_ageing() {
        // Only 500.00 paid on 14 Mar (2.00 penalty, 5.00 fees, 30.00 interest, 463.00 principal: 537.00 left).
        // 15 Apr's 537.00 is missed: BROKEN on 16 Apr. Paused 23 Feb .. 15 Apr = 6 + 31 + 15 = 52 days.
        List<CollectionsEvent> events = planEvents(
                EventJson.paymentReceived("E-P1", shanghai(d(3, 14), 9), "L-C", "P-1", "500.00", d(3, 14)));

        LoanPosition apr15 = replay.replay(terms, events, d(4, 15));
        assertThat(apr15.conditions().activeHardship()).isPresent();

        LoanPosition apr20 = replay.replay(terms, events, d(4, 20));
        Hardship plan = apr20.conditions().hardships().get(0);
        assertThat(plan.status()).isEqualTo(HardshipStatus.BROKEN);
        assertThat(plan.endedOn()).isEqualTo(d(4, 16));
        assertThat(plan.paidSoFar()).isEqualTo("500.00");
        assertThat(apr20.conditions().holds()).doesNotContain("HARDSHIP_PLAN");
        // Ageing resumes: 20 Apr - 15 Feb = 64 days, 52 paused -> DPD 12 (DPD 8 on 16 Apr, +1 a day).
        assertThat(apr20.daysPastDue()).isEqualTo(12);
        assertThat(replay.replay(terms, events, d(4, 21)).daysPastDue()).isEqualTo(13);
        // Penalty resumes on 16 Apr on 537.00: 537.00 x 0.1825 / 365 = 0.2685 -> 0.27; 16..20 Apr = 1.35;
        // with the 2.00 from before the plan: 3.35.
        assertThat(apr20.installments().get(0).remaining(Component.PRINCIPAL)).isEqualTo(cny("537.00"));
        assertThat(apr20.penaltyAccrued()).isEqualTo(cny("3.35"));
    }

    // ---- promises to pay ----

    /** Promise made 3 Mar to pay 1,040.00 by 10 Mar: the hold lasts until 12 Mar (promised date + 2 days). */
    private List<CollectionsEvent> promise(String... payments) {
        List<String> json = new ArrayList<>();
        json.add(EventJson.promiseToPayMade("E-T", shanghai(d(3, 3), 10), "L-C", "PTP-1", "1040.00", d(3, 10)));
        json.addAll(List.of(payments));
        return history(json.toArray(String[]::new));
    }

    @Test
    void a_promise_holds_until_the_promised_date_plus_two_days() {
        LoanPosition mar12 = replay.replay(terms, promise(), d(3, 12));

        PromiseToPay ptp = mar12.conditions().promises().get(0);
        assertThat(ptp).isEqualTo(new PromiseToPay("PTP-1", d(3, 3), "1040.00", d(3, 10), d(3, 12), "0",
                PromiseStatus.ACTIVE, null));
        assertThat(mar12.conditions().holds()).containsExactly("PROMISE_TO_PAY");
    }

    @Test
    void a_promise_is_kept_on_the_day_payments_since_it_was_made_reach_the_amount() {
        // 600.00 on 8 Mar, 440.00 on 12 Mar (the last day of the hold): 1,040.00 -> KEPT on 12 Mar.
        LoanPosition p = replay.replay(terms, promise(
                EventJson.paymentReceived("E-P1", shanghai(d(3, 8), 9), "L-C", "P-1", "600.00", d(3, 8)),
                EventJson.paymentReceived("E-P2", shanghai(d(3, 12), 9), "L-C", "P-2", "440.00", d(3, 12))),
                d(3, 20));

        PromiseToPay ptp = p.conditions().promises().get(0);
        assertThat(ptp.status()).isEqualTo(PromiseStatus.KEPT);
        assertThat(ptp.resolvedOn()).isEqualTo(d(3, 12));
        assertThat(ptp.paidSoFar()).isEqualTo("1040.00");
        assertThat(p.conditions().holds()).isEmpty();
    }

    @Test
    void a_promise_short_of_the_amount_is_broken_the_day_after_the_hold() {
        LoanPosition p = replay.replay(terms, promise(
                EventJson.paymentReceived("E-P1", shanghai(d(3, 9), 9), "L-C", "P-1", "500.00", d(3, 9))), d(3, 13));

        PromiseToPay ptp = p.conditions().promises().get(0);
        assertThat(ptp.status()).isEqualTo(PromiseStatus.BROKEN);
        assertThat(ptp.resolvedOn()).isEqualTo(d(3, 13));
        assertThat(ptp.paidSoFar()).isEqualTo("500.00");
        assertThat(ptp.holdUntil()).isEqualTo(d(3, 12));
        assertThat(p.conditions().holds()).doesNotContain("PROMISE_TO_PAY");
    }

    @Test
    void a_new_promise_replaces_an_active_one() {
        LoanPosition p = replay.replay(terms, promise(EventJson.promiseToPayMade("E-T2", shanghai(d(3, 5), 10),
                "L-C", "PTP-2", "300.00", d(3, 20))), d(3, 6));

        assertThat(p.conditions().promises()).extracting(PromiseToPay::promiseId, PromiseToPay::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PTP-1", PromiseStatus.REPLACED),
                        org.assertj.core.groups.Tuple.tuple("PTP-2", PromiseStatus.ACTIVE));
        assertThat(p.conditions().promises().get(1).holdUntil()).isEqualTo(d(3, 22));
    }
}

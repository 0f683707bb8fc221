package com.overdue.collections.core.application;

import static com.overdue.collections.core.testing.LoanFixtures.cny;
import static com.overdue.collections.core.testing.LoanFixtures.installment;
import static com.overdue.collections.core.testing.LoanFixtures.shanghai;
import static com.overdue.collections.core.testing.LoanFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.overdue.collections.core.application.PenaltyAccrualUseCase.Result;
import com.overdue.collections.core.delinquency.DelinquencyPolicy;
import com.overdue.collections.core.product.AllocationRule;
import com.overdue.collections.core.ledger.PenaltyAccrual;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.penalty.PenaltyAdjustment;
import com.overdue.collections.core.penalty.PostedPenalty;
import com.overdue.collections.core.product.DayCountBasis;
import com.overdue.collections.core.testing.EventJson;
import com.overdue.collections.core.testing.TestProducts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The penaltyAccrual worker on an in-memory loan repository and penalty ledger (RULES §3): once per installment-day,
 * catch-up of missed days (each its own record), adjustments dated on the business date when the past changed, and
 * records never edited. One installment of 1,000.00 + 30.00 + 5.00 due 15 Feb 2026; 18.25 % ACT/365 = 0.50 a day
 * from DPD 4 (19 Feb).
 */
class PenaltyAccrualUseCaseTest {

    private static final LocalDate JAN_15 = LocalDate.of(2026, 1, 15);

    private final LoanTerms terms = terms("L-1", JAN_15, installment(1, d(2, 15), "1000.00", "30.00", "5.00"));

    private final CollectionsSettings settings = CollectionsSettings.of(TestProducts.catalog(TestProducts.penalty(
            "0.1825", DayCountBasis.ACT_365, 3, false, "1", "50", false, true, true), AllocationRule.DEFAULT),
            DelinquencyPolicy.DEFAULT, 4);
    private final InMemoryLoanRepository loans = new InMemoryLoanRepository(4);
    private final InMemoryPenaltyLedger penalties = new InMemoryPenaltyLedger();
    private final PenaltyAccrualUseCase worker = new PenaltyAccrualUseCase(loans, penalties, settings);

    private static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    private void ingestOn(LocalDate today, String json) {
        IngestOutcome outcome = new IngestEventUseCase(loans, settings,
                Clock.fixed(shanghai(today, 12), ZoneOffset.UTC)).ingest(json);
        assertThat(outcome).isInstanceOf(IngestOutcome.Applied.class);
    }

    private void book() {
        ingestOn(JAN_15, EventJson.loanBooked("E-0", shanghai(JAN_15, 10), terms));
    }

    private void runEachDay(LocalDate from, LocalDate to) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            worker.accrue("L-1", day);
        }
    }

    private Map<Integer, Money> postedSoFar() {
        return penalties.latest("L-1").orElseThrow().cumulative();
    }

    /** What every posting adds up to: day accruals plus adjustments. */
    private Money sumOfPostings() {
        Money sum = cny("0.00");
        for (PostedPenalty p : penalties.all("L-1")) {
            for (PenaltyAccrual a : p.accruals()) {
                sum = sum.plus(a.amount());
            }
            for (PenaltyAdjustment a : p.adjustments()) {
                sum = sum.plus(a.amount());
            }
        }
        return sum;
    }

    @Test
    void nothing_is_posted_during_grace_and_the_first_record_is_dpd_4() {
        book();
        runEachDay(d(2, 16), d(2, 18));
        assertThat(penalties.all("L-1")).isEmpty();

        Result result = worker.accrue("L-1", d(2, 19));

        assertThat(result).isEqualTo(new Result("L-1", d(2, 19), 1, 0, cny("0.50"), cny("0.00")));
        PostedPenalty posted = penalties.latest("L-1").orElseThrow();
        assertThat(posted.key()).isEqualTo("DPI#2026-02-19");
        assertThat(posted.postedOn()).isEqualTo(d(2, 19));
        assertThat(posted.accruals()).containsExactly(new PenaltyAccrual(d(2, 19), 1, 4, cny("1000.00"),
                new java.math.BigDecimal("0.1825"), 1, 365, cny("0.50"), false));
        assertThat(posted.cumulative()).isEqualTo(Map.of(1, cny("0.50")));
    }

    @Test
    void missed_days_are_caught_up_by_the_next_run_each_day_with_its_own_record() {
        book();
        worker.accrue("L-1", d(2, 19));
        // The scheduler misses 20 and 21 Feb.

        Result result = worker.accrue("L-1", d(2, 22));

        // 20, 21, 22 Feb: 3 records of 0.50 = 1.50, posted on 22 Feb; 2.00 posted in all.
        assertThat(result).isEqualTo(new Result("L-1", d(2, 22), 3, 0, cny("1.50"), cny("0.00")));
        List<PostedPenalty> all = penalties.all("L-1");
        assertThat(all).extracting(PostedPenalty::key).containsExactly("DPI#2026-02-19", "DPI#2026-02-20",
                "DPI#2026-02-21", "DPI#2026-02-22");
        assertThat(all.subList(1, 4)).allSatisfy(p -> {
            assertThat(p.postedOn()).isEqualTo(d(2, 22));
            assertThat(p.accruals()).singleElement().satisfies(a -> {
                assertThat(a.day()).isEqualTo(p.day());
                assertThat(a.amount()).isEqualTo(cny("0.50"));
            });
        });
        assertThat(all).extracting(p -> p.cumulative().get(1)).containsExactly(cny("0.50"), cny("1.00"),
                cny("1.50"), cny("2.00"));
    }

    @Test
    void running_the_same_day_twice_posts_nothing_the_second_time() {
        book();
        runEachDay(d(2, 16), d(2, 22));
        List<PostedPenalty> before = penalties.all("L-1");
        int writes = penalties.writes();

        Result again = worker.accrue("L-1", d(2, 22));

        assertThat(again).isEqualTo(new Result("L-1", d(2, 22), 0, 0, cny("0.00"), cny("0.00")));
        assertThat(penalties.writes()).isEqualTo(writes);
        assertThat(penalties.all("L-1")).isEqualTo(before);
        // 19..22 Feb = 4 x 0.50
        assertThat(postedSoFar()).isEqualTo(Map.of(1, cny("2.00")));
    }

    @Test
    void a_reversed_payment_posts_the_difference_as_an_adjustment_on_the_business_date() {
        book();
        // 535.00 received 20 Feb pays 1.00 penalty + 5.00 + 30.00 + 499.00 principal: 501.00 left, 0.25 a day.
        ingestOn(d(2, 20), EventJson.paymentReceived("E-P", shanghai(d(2, 20), 9), "L-1", "P-1", "535.00",
                d(2, 20)));
        runEachDay(d(2, 19), d(2, 23));
        // 0.50 + 0.50 + 0.25 + 0.25 + 0.25 = 1.75
        assertThat(postedSoFar()).isEqualTo(Map.of(1, cny("1.75")));
        List<PostedPenalty> before = penalties.all("L-1");

        ingestOn(d(2, 24), EventJson.paymentReversed("E-R", shanghai(d(2, 24), 9), "L-1", "P-1"));
        Result result = worker.accrue("L-1", d(2, 24));

        // Without the payment 19..23 Feb should have been 5 x 0.50 = 2.50: +0.75 adjusts 1.75; 24 Feb adds 0.50.
        assertThat(result).isEqualTo(new Result("L-1", d(2, 24), 1, 1, cny("0.50"), cny("0.75")));
        List<PostedPenalty> after = penalties.all("L-1");
        assertThat(after.subList(0, before.size())).isEqualTo(before);
        PostedPenalty adjustment = after.get(after.size() - 1);
        assertThat(adjustment.key()).isEqualTo("DPI#2026-02-24#ADJ#0001");
        assertThat(adjustment.postedOn()).isEqualTo(d(2, 24));
        assertThat(adjustment.accruals()).isEmpty();
        assertThat(adjustment.adjustments()).extracting(PenaltyAdjustment::seq, PenaltyAdjustment::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, cny("0.75")));
        // 6 days x 0.50 = 3.00, in the latest record and in the sum of all postings
        assertThat(postedSoFar()).isEqualTo(Map.of(1, cny("3.00")));
        assertThat(sumOfPostings()).isEqualTo(cny("3.00"));

        // The same day again: nothing; the next day: one more 0.50 and no adjustment.
        assertThat(worker.accrue("L-1", d(2, 24))).isEqualTo(new Result("L-1", d(2, 24), 0, 0, cny("0.00"),
                cny("0.00")));
        assertThat(worker.accrue("L-1", d(2, 25))).isEqualTo(new Result("L-1", d(2, 25), 1, 0, cny("0.50"),
                cny("0.00")));
        assertThat(postedSoFar()).isEqualTo(Map.of(1, cny("3.50")));
    }

    @Test
    void a_back_dated_payment_posts_a_negative_adjustment_and_a_second_one_the_same_day_is_adj_2() {
        book();
        runEachDay(d(2, 19), d(2, 23));
        // 5 x 0.50 = 2.50 posted
        assertThat(postedSoFar()).isEqualTo(Map.of(1, cny("2.50")));

        // Arrives 24 Feb, received 20 Feb: 19 and 20 Feb stay 0.50; 21..23 Feb become 0.25 (501.00 left):
        // 1.75 should have been posted -> -0.75; 24 Feb accrues 0.25.
        ingestOn(d(2, 24), EventJson.paymentReceived("E-P", shanghai(d(2, 24), 9), "L-1", "P-1", "535.00",
                d(2, 20)));
        Result first = worker.accrue("L-1", d(2, 24));

        assertThat(first).isEqualTo(new Result("L-1", d(2, 24), 1, 1, cny("0.25"), cny("-0.75")));
        assertThat(postedSoFar()).isEqualTo(Map.of(1, cny("2.00")));

        // A second back-dated payment the same day, received 22 Feb: 301.00 pays the 0.50 penalty outstanding
        // (1.50 accrued - 1.00 paid) and 300.50 principal: 200.50 left, 200.50 x 0.0005 = 0.10025 -> 0.10 on
        // 23 and 24 Feb. Should be 0.50 + 0.50 + 0.25 + 0.25 + 0.10 + 0.10 = 1.70 -> -0.30 as ADJ#2.
        ingestOn(d(2, 24), EventJson.paymentReceived("E-P2", shanghai(d(2, 24), 11), "L-1", "P-2", "301.00",
                d(2, 22)));
        Result second = worker.accrue("L-1", d(2, 24));

        assertThat(second).isEqualTo(new Result("L-1", d(2, 24), 0, 1, cny("0.00"), cny("-0.30")));
        assertThat(penalties.all("L-1")).extracting(PostedPenalty::key).endsWith("DPI#2026-02-24",
                "DPI#2026-02-24#ADJ#0001", "DPI#2026-02-24#ADJ#0002");
        assertThat(postedSoFar()).isEqualTo(Map.of(1, cny("1.70")));
        assertThat(sumOfPostings()).isEqualTo(cny("1.70"));
    }

    @Test
    void posted_penalty_equals_the_penalty_of_the_loan_recomputed_from_its_history() {
        book();
        ingestOn(d(2, 20), EventJson.paymentReceived("E-P", shanghai(d(2, 20), 9), "L-1", "P-1", "535.00",
                d(2, 20)));
        runEachDay(d(2, 16), d(3, 10));

        Money recomputed = settings.replay().replay(terms, loans.findEvents("L-1").stream()
                .map(e -> EventJson.stored(e.json())).toList(), d(3, 10)).penaltyAccrued();
        // 19, 20 Feb: 1.00; 21 Feb .. 10 Mar = 18 days x 0.25 = 4.50: 5.50
        assertThat(recomputed).isEqualTo(cny("5.50"));
        assertThat(postedSoFar()).isEqualTo(Map.of(1, recomputed));
        assertThat(sumOfPostings()).isEqualTo(recomputed);
    }

    @Test
    void the_worker_reads_the_configured_product() {
        CollectionsSettings configured = CollectionsSettings.defaults(4);
        InMemoryLoanRepository repository = new InMemoryLoanRepository(4);
        new IngestEventUseCase(repository, configured, Clock.fixed(shanghai(JAN_15, 12), ZoneOffset.UTC))
                .ingest(EventJson.loanBooked("E-0", shanghai(JAN_15, 10), terms));
        InMemoryPenaltyLedger ledger = new InMemoryPenaltyLedger();

        Result result = new PenaltyAccrualUseCase(repository, ledger, configured).accrue("L-1", d(2, 19));

        // CONSUMER-INSTALMENT in 2026: 18.25 % capped at 4 x LPR 3.00 % = 12 %; 1,000.00 x 0.12 / 365 = 0.3287..
        // -> 0.33 on DPD 4.
        assertThat(result.accrued()).isEqualTo(cny("0.33"));
        assertThat(ledger.latest("L-1").orElseThrow().accruals().get(0).annualRate()).isEqualByComparingTo("0.12");
    }

    @Test
    void a_work_item_for_an_earlier_business_date_arriving_late_posts_nothing() {
        book();
        runEachDay(d(2, 16), d(2, 22));
        List<PostedPenalty> before = penalties.all("L-1");

        // The 20 Feb work item is redelivered after 22 Feb was processed (SQS retry, DLQ redrive).
        Result stale = worker.accrue("L-1", d(2, 20));

        // 19..22 Feb = 2.00 is posted and still right: nothing to correct, nothing to add.
        assertThat(stale).isEqualTo(new Result("L-1", d(2, 20), 0, 0, cny("0.00"), cny("0.00")));
        assertThat(penalties.all("L-1")).isEqualTo(before);
        assertThat(sumOfPostings()).isEqualTo(cny("2.00"));
        worker.accrue("L-1", d(2, 23));
        assertThat(postedSoFar()).isEqualTo(Map.of(1, cny("2.50")));
        assertThat(sumOfPostings()).isEqualTo(cny("2.50"));
    }

    @Test
    void more_than_nine_adjustments_on_one_business_date_stay_in_posting_order() {
        book();
        // 19 Feb .. 1 Mar = 11 days x 0.50 = 5.50 posted
        runEachDay(d(2, 16), d(3, 1));
        assertThat(postedSoFar()).isEqualTo(Map.of(1, cny("5.50")));

        // Eleven payments of 100.00 received 20 Feb arrive on 1 Mar, each followed by a run: each changes what
        // 21 Feb .. 1 Mar should have accrued, so each posts an adjustment dated 1 Mar (ADJ#1 .. ADJ#11).
        for (int n = 1; n <= 11; n++) {
            ingestOn(d(3, 1), EventJson.paymentReceived("E-P" + n, shanghai(d(3, 1), 9).plusSeconds(n), "L-1",
                    "P-" + n, "100.00", d(2, 20)));
            Result result = worker.accrue("L-1", d(3, 1));
            assertThat(result.adjustmentsPosted()).as("adjustment %d", n).isEqualTo(1);
        }

        // 1,100.00 on 20 Feb pays 1.00 penalty (19, 20 Feb), 5.00 + 30.00 + 1,000.00: settled that day, so
        // exactly 1.00 should be posted in all.
        assertThat(postedSoFar()).isEqualTo(Map.of(1, cny("1.00")));
        assertThat(sumOfPostings()).isEqualTo(cny("1.00"));
        assertThat(penalties.latest("L-1").orElseThrow().key()).isEqualTo("DPI#2026-03-01#ADJ#0011");
        // The next day finds nothing to add or correct.
        assertThat(worker.accrue("L-1", d(3, 2))).isEqualTo(new Result("L-1", d(3, 2), 0, 0, cny("0.00"),
                cny("0.00")));
        assertThat(sumOfPostings()).isEqualTo(cny("1.00"));
    }

    @Test
    void days_posted_after_an_adjustment_of_the_same_business_date_count_in_the_next_run() {
        book();
        // 1,036.00 received 20 Feb: 19 and 20 Feb accrued 0.50 each, paid with 1,035.00: settled, nothing after.
        ingestOn(d(2, 20), EventJson.paymentReceived("E-P1", shanghai(d(2, 20), 9), "L-1", "P-1", "1036.00",
                d(2, 20)));
        runEachDay(d(2, 19), d(2, 23));
        assertThat(sumOfPostings()).isEqualTo(cny("1.00"));

        // 24 Feb: 500.00 received 19 Feb arrives. 19 Feb: 0.50, then 500.00 pays 0.50 + 5.00 + 30.00 + 464.50
        // principal: 535.50 left, 535.50 x 0.0005 = 0.26775 -> 0.27 on 20 Feb; 1,036.00 settles the rest.
        // 0.77 should have been posted, not 1.00: ADJ#1 of -0.23, no new day.
        ingestOn(d(2, 24), EventJson.paymentReceived("E-P0", shanghai(d(2, 24), 9), "L-1", "P-0", "500.00",
                d(2, 19)));
        assertThat(worker.accrue("L-1", d(2, 24))).isEqualTo(new Result("L-1", d(2, 24), 0, 1, cny("0.00"),
                cny("-0.23")));

        // Same day: the 1,036.00 is reversed. 19 and 20 Feb are unchanged (0.77); 21..24 Feb now accrue 0.27 each,
        // posted as day records (their keys sort before ADJ#1 of 24 Feb): 0.77 + 4 x 0.27 = 1.85.
        ingestOn(d(2, 24), EventJson.paymentReversed("E-R1", shanghai(d(2, 24), 11), "L-1", "P-1"));
        assertThat(worker.accrue("L-1", d(2, 24))).isEqualTo(new Result("L-1", d(2, 24), 4, 0, cny("1.08"),
                cny("0.00")));
        assertThat(sumOfPostings()).isEqualTo(cny("1.85"));
        // A closing record without lines keeps the latest record's cumulative equal to what is posted.
        PostedPenalty closing = penalties.latest("L-1").orElseThrow();
        assertThat(closing.key()).isEqualTo("DPI#2026-02-24#ADJ#0002");
        assertThat(closing.adjustments()).isEmpty();
        assertThat(closing.accruals()).isEmpty();
        assertThat(postedSoFar()).isEqualTo(Map.of(1, cny("1.85")));

        // 25 Feb: one more day of 0.27 and nothing to correct: 2.12.
        assertThat(worker.accrue("L-1", d(2, 25))).isEqualTo(new Result("L-1", d(2, 25), 1, 0, cny("0.27"),
                cny("0.00")));
        assertThat(sumOfPostings()).isEqualTo(cny("2.12"));
        assertThat(postedSoFar()).isEqualTo(Map.of(1, cny("2.12")));
    }

    @Test
    void a_work_item_for_an_unknown_loan_is_an_error() {
        assertThatThrownBy(() -> worker.accrue("L-404", d(2, 19))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("L-404");
    }
}

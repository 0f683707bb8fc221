package com.overdue.collections.lambda;

import com.overdue.collections.core.application.IngestEventUseCase;
import com.overdue.collections.core.application.IngestOutcome;
import com.overdue.collections.core.penalty.PostedPenalty;
import com.overdue.collections.core.port.LoanHistory;
import com.overdue.collections.core.port.PenaltyLedger;
import com.overdue.collections.core.port.WorkItem;
import com.overdue.collections.lambda.dynamodb.DynamoDbLoanRepository;
import com.overdue.collections.lambda.sqs.WorkItemMessage;
import com.overdue.collections.lambda.engine.CollectionsEngine;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * penaltyAccrual driven through the Funqy mock event server as Lambda's SQS poller would call it with the work
 * items of the daily scan, on DynamoDB Local. Product CONSUMER-INSTALMENT: 18.25 % a year capped at 4 x LPR 3.00 %
 * = 12 %, ACT/365, grace 3 days (first accrual on DPD 4), rounding per day to 0.01 HALF_EVEN.
 */
@QuarkusTest
@TestProfile(PenaltyAccrualFunctionTest.PenaltyProfile.class)
@QuarkusTestResource(value = EmulatorsResource.class, restrictToAnnotatedClass = true)
class PenaltyAccrualFunctionTest {

    /** Exports the penalty function instead of the default one. */
    public static class PenaltyProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "penaltyAccrual");
        }
    }

    @Inject
    IngestEventUseCase ingest;

    @Inject
    CollectionsEngine engine;

    @Test
    void each_installment_day_is_posted_once_missed_days_are_caught_up_and_a_back_dated_payment_is_adjusted() {
        TestClock.set("2026-01-01T01:00:00Z");
        apply(Events.loanBooked("p1", "L-PEN", "2026-01-01T00:00:00Z", "2026-02-01"));

        // Business date 02-07 = DPD 6 of the installment due 02-01: days 02-05 (DPD 4), 02-06, 02-07 accrue
        // 250.00 x 0.12 / 365 = 0.0822 -> 0.08 each.
        TestClock.set("2026-02-06T22:00:00Z");
        assertThat(failures(work("2026-02-07"))).isEmpty();
        assertThat(ledger().all("L-PEN")).extracting(PostedPenalty::key)
                .containsExactly("DPI#2026-02-05", "DPI#2026-02-06", "DPI#2026-02-07");
        assertThat(ledger().all("L-PEN")).allSatisfy(p -> {
            assertThat(p.accruals()).hasSize(1);
            assertThat(p.accruals().get(0).amount().toPlainString()).isEqualTo("0.08");
            assertThat(p.accruals().get(0).annualRate()).isEqualByComparingTo("0.12");
        });
        assertThat(cumulative()).isEqualTo("0.24");

        // The same work item again (SQS redelivery, a re-run of the day) posts nothing.
        assertThat(failures(work("2026-02-07"))).isEmpty();
        assertThat(ledger().all("L-PEN")).hasSize(3);

        // A payment of 100.00 received on 02-04 arrives late: interest 10.00 then principal 90.00, so from 02-05 the
        // base is 160.00 -> 160.00 x 0.12 / 365 = 0.0526 -> 0.05 a day. Days 02-05..02-07 should have been 0.15,
        // 0.24 is posted: one adjustment of -0.09 dated on the business date 02-08, plus the new day 02-08 (0.05).
        TestClock.set("2026-02-07T23:00:00Z");
        apply(Events.payment("p2", "L-PEN", "P-LATE", "100.00", "2026-02-04", "2026-02-07T23:00:00Z"));
        assertThat(failures(work("2026-02-08"))).isEmpty();
        List<PostedPenalty> postings = ledger().all("L-PEN");
        assertThat(postings).extracting(PostedPenalty::key).containsExactly("DPI#2026-02-05", "DPI#2026-02-06",
                "DPI#2026-02-07", "DPI#2026-02-08", "DPI#2026-02-08#ADJ#0001");
        PostedPenalty adjustment = postings.get(4);
        assertThat(adjustment.postedOn()).isEqualTo(LocalDate.parse("2026-02-08"));
        assertThat(adjustment.adjustments()).singleElement()
                .satisfies(a -> assertThat(a.amount().toPlainString()).isEqualTo("-0.09"));
        // Posted records are never edited: the first three still say 0.08.
        assertThat(postings.subList(0, 3)).allSatisfy(p ->
                assertThat(p.accruals().get(0).amount().toPlainString()).isEqualTo("0.08"));
        assertThat(postings.get(3).accruals().get(0).amount().toPlainString()).isEqualTo("0.05");
        assertThat(cumulative()).isEqualTo("0.20"); // 0.24 + 0.05 - 0.09 = 3 x 0.05 + 0.05

        // The scheduler missed 02-09 and 02-10: the run of 02-11 posts each day with its own record.
        assertThat(failures(work("2026-02-11"))).isEmpty();
        assertThat(ledger().all("L-PEN")).extracting(PostedPenalty::key).endsWith("DPI#2026-02-09",
                "DPI#2026-02-10", "DPI#2026-02-11");
        assertThat(cumulative()).isEqualTo("0.35");
    }

    @Test
    void a_broken_work_item_fails_alone_and_the_rest_of_the_batch_is_posted() {
        TestClock.set("2026-01-01T01:00:00Z");
        apply(Events.loanBooked("q1", "L-PEN2", "2026-01-01T00:00:00Z", "2026-02-01"));
        TestClock.set("2026-02-05T22:00:00Z");
        List<String> failures = failures(RestAssured.given().contentType("application/json").body(Events.sqsBatch(
                List.of("{\"loanId\":\"L-PEN2\"}", item("L-NOT-BOOKED", "2026-02-06"), item("L-PEN2", "2026-02-06"))))
                .post("/"));
        assertThat(failures).containsExactly("m1", "m2");
        // 02-05 (DPD 4) and 02-06.
        assertThat(ledger().all("L-PEN2")).extracting(PostedPenalty::key)
                .containsExactly("DPI#2026-02-05", "DPI#2026-02-06");
    }

    @Test
    void the_loan_and_its_events_are_read_in_one_query_that_skips_the_other_items_of_the_partition() {
        TestClock.set("2026-01-01T01:00:00Z");
        apply(Events.loanBooked("r1", "L-ONEREAD", "2026-01-01T00:00:00Z", "2026-02-01", "2026-03-01"));
        TestClock.set("2026-03-05T01:00:00Z");
        apply(Events.payment("r2", "L-ONEREAD", "P-R", "50.00", "2026-03-04", "2026-03-04T02:00:00Z"));
        assertThat(failures(RestAssured.given().contentType("application/json").body(Events.sqsBatch(
                List.of(item("L-ONEREAD", "2026-03-05")))).post("/"))).isEmpty();
        assertThat(ledger().all("L-ONEREAD")).isNotEmpty(); // DPI# items sort after META; BUCKET# items before EVT#

        LoanHistory history = repository().findLoanWithEvents("L-ONEREAD").orElseThrow();
        assertThat(history.loan()).isEqualTo(repository().findLoan("L-ONEREAD").orElseThrow());
        assertThat(history.events()).isEqualTo(repository().findEvents("L-ONEREAD"));
        assertThat(history.events()).extracting(e -> e.eventId()).containsExactlyInAnyOrder("r1", "r2");
        assertThat(repository().findLoanWithEvents("L-NEVER-BOOKED")).isEmpty();
    }

    @Test
    void a_catch_up_that_overlaps_postings_already_made_writes_only_the_new_days() {
        TestClock.set("2026-01-01T01:00:00Z");
        apply(Events.loanBooked("s1", "L-OVERLAP", "2026-01-01T00:00:00Z", "2026-02-01"));
        TestClock.set("2026-02-05T22:00:00Z");
        assertThat(failures(RestAssured.given().contentType("application/json").body(Events.sqsBatch(
                List.of(item("L-OVERLAP", "2026-02-06")))).post("/"))).isEmpty();
        List<PostedPenalty> first = ledger().all("L-OVERLAP");
        assertThat(first).extracting(PostedPenalty::key).containsExactly("DPI#2026-02-05", "DPI#2026-02-06");

        // As a concurrent delivery would: one transaction with an existing key is cancelled as a whole, and the
        // chunk is posted one by one, skipping what exists.
        PostedPenalty next = new PostedPenalty("L-OVERLAP", LocalDate.parse("2026-02-07"), 0,
                LocalDate.parse("2026-02-07"), first.get(1).accruals(), List.of(), first.get(1).cumulative());
        assertThat(ledger().postAll(List.of(first.get(0), first.get(1), next))).isEqualTo(1);
        assertThat(ledger().postAll(List.of(first.get(0), first.get(1), next))).isZero();
        assertThat(ledger().all("L-OVERLAP")).extracting(PostedPenalty::key)
                .containsExactly("DPI#2026-02-05", "DPI#2026-02-06", "DPI#2026-02-07");
        assertThat(ledger().all("L-OVERLAP").get(0)).isEqualTo(first.get(0));
    }

    private String cumulative() {
        return ledger().latest("L-PEN").orElseThrow().cumulative().get(1).toPlainString();
    }

    private void apply(String json) {
        assertThat(ingest.ingest(json)).isInstanceOf(IngestOutcome.Applied.class);
    }

    private static io.restassured.response.Response work(String businessDate) {
        return RestAssured.given().contentType("application/json")
                .body(Events.sqsBatch(List.of(item("L-PEN", businessDate)))).post("/");
    }

    private static String item(String loanId, String businessDate) {
        return WorkItemMessage.write(new WorkItem(loanId, "B-" + loanId, LocalDate.parse(businessDate), "Asia/Shanghai",
                7, "MILD", "4-30", "260.00", "CNY"));
    }

    private static List<String> failures(io.restassured.response.Response response) {
        return response.then().statusCode(200).extract().jsonPath().getList("batchItemFailures.itemIdentifier");
    }

    private PenaltyLedger ledger() {
        return engine.penaltyLedger();
    }

    private DynamoDbLoanRepository repository() {
        return engine.repository();
    }
}

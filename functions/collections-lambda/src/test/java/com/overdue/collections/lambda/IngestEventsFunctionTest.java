package com.overdue.collections.lambda;

import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.lambda.dynamodb.DynamoDbLoanRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ingestEvents driven through the Funqy mock event server exactly as Lambda's SQS poller would call it. */
@QuarkusTest
@QuarkusTestResource(value = EmulatorsResource.class, restrictToAnnotatedClass = true)
class IngestEventsFunctionTest {

    private static List<String> failures(Response response) {
        return response.then().statusCode(200).extract().jsonPath().getList("batchItemFailures.itemIdentifier");
    }

    private static Response post(List<String> bodies) {
        return RestAssured.given().contentType("application/json").body(Events.sqsBatch(bodies)).post("/");
    }

    private static DynamoDbLoanRepository repository() {
        return new DynamoDbLoanRepository(DynamoDbEnhancedClient.builder().dynamoDbClient(EmulatorsResource.dynamoDb())
                .build(), EmulatorsResource.TABLE, EmulatorsResource.SHARDS);
    }

    @Test
    void a_malformed_amount_and_an_unknown_loan_fail_alone_while_the_rest_of_the_batch_applies() {
        TestClock.set("2026-03-05T01:00:00Z");
        Response response = post(List.of(
                Events.loanBooked("e-a1", "L-A", "2026-01-01T00:00:00Z", "2026-02-01", "2026-03-01"),
                Events.payment("e-a2", "L-A", "P-1", "100.00", "2026-03-04", "2026-03-04T02:00:00Z"),
                Events.payment("e-a3", "L-A", "P-2", "12.345", "2026-03-04", "2026-03-04T03:00:00Z"),
                Events.payment("e-a4", "L-UNKNOWN", "P-3", "10.00", "2026-03-04", "2026-03-04T03:00:00Z")));

        assertThat(failures(response)).containsExactly("m3", "m4");
        LoanRecord loan = repository().findLoan("L-A").orElseThrow();
        // Penalty on installment 1 (250.00 principal, due 02-01): 12 % a year (18.25 % capped at 4 x LPR 3.00 %),
        // ACT/365, grace 3 -> 250.00 x 0.12 / 365 = 0.08 a day from 02-05 to 03-04, 28 days = 2.24.
        // 100.00 on 03-04 pays penalty 2.24 first, then interest 10.00, then 87.76 of principal.
        assertThat(loan.position().installments().get(0).paid().penalty().toPlainString()).isEqualTo("2.24");
        assertThat(loan.position().installments().get(0).paid().interest().toPlainString()).isEqualTo("10.00");
        assertThat(loan.position().installments().get(0).paid().principal().toPlainString()).isEqualTo("87.76");
        assertThat(loan.position().outstanding(Component.PRINCIPAL).toPlainString()).isEqualTo("412.24");
        // On 2026-03-05 installment 1 is 32 days late, installment 2 four days late.
        assertThat(loan.status().daysPastDue()).isEqualTo(32);
        assertThat(loan.status().overdueByBucket().get("31-60").toPlainString()).isEqualTo("162.24");
        assertThat(loan.status().overdueByBucket().get("4-30").toPlainString()).isEqualTo("260.00");
        assertThat(repository().findEvents("L-A")).extracting(e -> e.eventId()).containsExactlyInAnyOrder("e-a1",
                "e-a2");
    }

    @Test
    void a_repeated_event_id_changes_nothing() {
        TestClock.set("2026-03-05T01:00:00Z");
        List<String> batch = List.of(
                Events.loanBooked("e-b1", "L-B", "2026-01-01T00:00:00Z", "2026-02-01"),
                Events.payment("e-b2", "L-B", "P-B1", "50.00", "2026-02-10", "2026-02-10T02:00:00Z"));
        assertThat(failures(post(batch))).isEmpty();
        LoanRecord first = repository().findLoan("L-B").orElseThrow();

        assertThat(failures(post(batch))).isEmpty();
        assertThat(failures(post(List.of(batch.get(1))))).isEmpty();

        LoanRecord again = repository().findLoan("L-B").orElseThrow();
        assertThat(again.version()).isEqualTo(first.version());
        assertThat(again.position()).isEqualTo(first.position());
        assertThat(repository().findEvents("L-B")).hasSize(2);
    }

    @Test
    void a_payment_then_its_reversal_restores_the_buckets() {
        // 262.24 = installment 1 in full on 03-04: penalty 2.24 (28 days x 0.08) + interest 10.00 + principal 250.00.
        TestClock.set("2026-03-05T01:00:00Z");
        assertThat(failures(post(List.of(
                Events.loanBooked("e-c1", "L-C", "2026-01-01T00:00:00Z", "2026-02-01", "2026-03-01"))))).isEmpty();
        LoanRecord before = repository().findLoan("L-C").orElseThrow();

        assertThat(failures(post(List.of(
                Events.payment("e-c2", "L-C", "P-C1", "262.24", "2026-03-04", "2026-03-04T02:00:00Z"))))).isEmpty();
        assertThat(repository().findLoan("L-C").orElseThrow().status().daysPastDue()).isEqualTo(4);

        assertThat(failures(post(List.of(Events.reversal("e-c3", "L-C", "P-C1", "2026-03-05T00:30:00Z")))))
                .isEmpty();
        LoanRecord after = repository().findLoan("L-C").orElseThrow();
        assertThat(after.status().daysPastDue()).isEqualTo(32);
        assertThat(after.status().overdueByBucket()).isEqualTo(before.status().overdueByBucket());
        assertThat(after.position().installments()).isEqualTo(before.position().installments());
    }
}

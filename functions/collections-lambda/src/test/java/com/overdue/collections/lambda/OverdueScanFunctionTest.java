package com.overdue.collections.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.overdue.collections.core.application.IngestEventUseCase;
import com.overdue.collections.core.application.IngestOutcome;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** overdueScan invoked as EventBridge Scheduler would, against DynamoDB Local and the moto SQS work queue. */
@QuarkusTest
@TestProfile(OverdueScanFunctionTest.ScanProfile.class)
@QuarkusTestResource(value = EmulatorsResource.class, restrictToAnnotatedClass = true)
class OverdueScanFunctionTest {

    /** Exports the scan function instead of the default one. */
    public static class ScanProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "overdueScan");
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    IngestEventUseCase ingest;

    @Test
    void the_scan_reads_only_loans_due_for_review_and_sends_one_work_item_per_overdue_loan() throws Exception {
        TestClock.set("2026-01-01T01:00:00Z");
        apply(Events.loanBooked("s1", "L-LATE", "2026-01-01T00:00:00Z", "2026-02-01", "2026-04-01"));
        apply(Events.loanBooked("s2", "L-HEALTHY", "2026-01-01T00:00:00Z", "2026-04-01"));
        apply(Events.loanBooked("s3", "L-PAID", "2026-01-01T00:00:00Z", "2026-01-15"));
        TestClock.set("2026-01-20T01:00:00Z");
        apply(Events.payment("s4", "L-PAID", "P-9", "260.00", "2026-01-15", "2026-01-15T00:30:00Z"));

        JsonPath result = scan("2026-03-02");

        assertThat(result.getInt("loansScanned")).isEqualTo(1);
        assertThat(result.getInt("workItemsSent")).isEqualTo(1);
        assertThat(result.getMap("loansByBucket")).containsEntry("4-30", 1);
        List<JsonNode> work = receiveWork();
        assertThat(work).hasSize(1);
        assertThat(work.get(0).get("loanId").asText()).isEqualTo("L-LATE");
        assertThat(work.get(0).get("daysPastDue").asInt()).isEqualTo(29);
        assertThat(work.get(0).get("severity").asText()).isEqualTo("MILD");
        assertThat(work.get(0).get("overdueAmount").asText()).isEqualTo("260.00");
        assertThat(work.get(0).get("key").asText()).isEqualTo("L-LATE#2026-03-02");

        // A re-run of the same day is safe: the same work item again (workers are idempotent on its key), no new
        // bucket change, nothing rewritten.
        JsonPath rerun = scan("2026-03-02");
        assertThat(rerun.getInt("delinquencyChanges")).isZero();
        assertThat(receiveWork()).extracting(w -> w.get("key").asText()).containsExactly("L-LATE#2026-03-02");

        // DPD 30 is still bucket 4-30 and MILD; DPD 31 moves to 31-60 and MODERATE: one recorded change.
        JsonPath dpd30 = scan("2026-03-03");
        assertThat(dpd30.getInt("loansScanned")).isEqualTo(1);
        assertThat(dpd30.getInt("delinquencyChanges")).isZero();
        JsonPath dpd31 = scan("2026-03-04");
        assertThat(dpd31.getInt("delinquencyChanges")).isEqualTo(1);
        assertThat(dpd31.getMap("loansBySeverity")).containsEntry("MODERATE", 1);
        assertThat(receiveWork()).extracting(w -> w.get("key").asText())
                .containsExactlyInAnyOrder("L-LATE#2026-03-03", "L-LATE#2026-03-04");
    }

    @Test
    void a_missing_time_zone_is_an_error_naming_the_field() {
        String body = RestAssured.given().contentType("application/json").body("{\"businessDate\":\"2026-03-02\"}")
                .post("/").then().statusCode(500).extract().asString();
        assertThat(body).contains("timeZone is required");
    }

    private void apply(String json) {
        assertThat(ingest.ingest(json)).isInstanceOf(IngestOutcome.Applied.class);
    }

    private static JsonPath scan(String businessDate) {
        return RestAssured.given().contentType("application/json")
                .body("{\"timeZone\":\"Asia/Shanghai\",\"businessDate\":\"" + businessDate + "\"}")
                .post("/").then().statusCode(200).extract().jsonPath();
    }

    private static List<JsonNode> receiveWork() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (SqsClient sqs = EmulatorsResource.sqs()) {
            while (true) {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(EmulatorsResource.workQueueUrl())
                        .maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
                if (messages.isEmpty()) {
                    return out;
                }
                for (Message m : messages) {
                    out.add(MAPPER.readTree(m.body()));
                    sqs.deleteMessage(b -> b.queueUrl(EmulatorsResource.workQueueUrl())
                            .receiptHandle(m.receiptHandle()));
                }
            }
        }
    }
}

package com.overdue.collections.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.overdue.collections.core.application.IngestEventUseCase;
import com.overdue.collections.core.application.IngestOutcome;
import com.overdue.collections.emulators.Metro2Validator;
import com.overdue.collections.emulators.UsLoanEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * creditReportExport invoked as EventBridge Scheduler would (and on demand), against DynamoDB Local and moto S3/SNS:
 * the Metro 2 file and manifest are read back from the bucket, the file passes moov-io/metro2, the notice reaches
 * the actions topic once, and a re-run reproduces the same object.
 */
@QuarkusTest
@TestProfile(CreditReportExportFunctionTest.ExportProfile.class)
@QuarkusTestResource(value = EmulatorsResource.class, restrictToAnnotatedClass = true)
class CreditReportExportFunctionTest {

    static final String BUCKET = "collections-reports-test";
    /** moto's account is 123456789012; the topic is created with this name before the first invocation. */
    static final String ACTIONS_TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:collections-actions";

    /** Exports the export function, with the bucket and topic it writes to. */
    public static class ExportProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "creditReportExport",
                    "collections.report-bucket", BUCKET,
                    "collections.actions-topic-arn", ACTIONS_TOPIC_ARN);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static String actionsQueueUrl;

    @Inject
    IngestEventUseCase ingest;

    @BeforeAll
    static void bucketAndTopic() {
        try (S3Client s3 = s3(); SnsClient sns = EmulatorsResource.sns(); SqsClient sqs = EmulatorsResource.sqs()) {
            s3.createBucket(b -> b.bucket(BUCKET));
            s3.putBucketVersioning(b -> b.bucket(BUCKET)
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            String topicArn = sns.createTopic(b -> b.name("collections-actions")).topicArn();
            assertThat(topicArn).isEqualTo(ACTIONS_TOPIC_ARN);
            actionsQueueUrl = sqs.createQueue(b -> b.queueName("collections-actions-test")).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(actionsQueueUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                    .attributes(Map.of("RawMessageDelivery", "true")));
        }
    }

    @Test
    void the_monthly_run_writes_a_valid_metro2_file_and_manifest_to_s3_notifies_once_and_re_runs_identically()
            throws Exception {
        TestClock.set("2026-01-01T17:00:00Z");
        apply(UsLoanEvents.booked("u1", "L-US-LATE"));
        apply(UsLoanEvents.booked("u2", "L-US-GOOD"));
        apply(Events.loanBooked("c1", "L-CN-NOT-REPORTED", "2026-01-01T00:00:00Z", "2026-02-01"));
        TestClock.set("2026-01-15T17:00:00Z");
        apply(Events.payment("u3", "L-US-GOOD", "P-1", "100.00", "2026-01-15", "2026-01-15T16:00:00Z"));
        TestClock.set("2026-02-15T17:00:00Z");
        apply(Events.payment("u4", "L-US-GOOD", "P-2", "100.00", "2026-02-15", "2026-02-15T16:00:00Z"));

        // The schedule fires on 1 March in New York with an empty input: the cycle that ended on 28 February.
        TestClock.set("2026-03-01T11:00:00Z");
        JsonPath result = export("{}");

        String key = "metro2/2026/02/metro2-2026-02-28.txt";
        assertThat(result.getString("cycleDate")).isEqualTo("2026-02-28");
        assertThat(result.getString("fileLocation")).isEqualTo("s3://" + BUCKET + "/" + key);
        assertThat(result.getString("manifestLocation"))
                .isEqualTo("s3://" + BUCKET + "/metro2/2026/02/metro2-2026-02-28.manifest.json");
        assertThat(result.getInt("reported")).isEqualTo(2);
        assertThat(result.getInt("notReportable")).isEqualTo(1);
        assertThat(result.getInt("noticesPublished")).isEqualTo(1);
        assertThat(result.getMap("statusCounts")).containsEntry("71", 1).containsEntry("11", 1);

        byte[] file = read(key);
        String text = new String(file, StandardCharsets.US_ASCII);
        List<String> records = text.lines().toList();
        assertThat(records).hasSize(4).allSatisfy(r -> assertThat(r).hasSize(426).startsWith("0426"));
        assertThat(records.get(0)).startsWith("0426HEADER");
        assertThat(records.get(3)).startsWith("0426TRAILER");
        // Base segments in loan id order; account number at positions 43-72, status at 124-125 (1-based).
        assertThat(records.get(1).substring(42, 72).strip()).isEqualTo("L-US-GOOD");
        assertThat(records.get(1).substring(123, 125)).isEqualTo("11");
        assertThat(records.get(2).substring(42, 72).strip()).isEqualTo("L-US-LATE");
        assertThat(records.get(2).substring(123, 125)).isEqualTo("71");

        Path local = Paths.get(System.getProperty("basedir", "."), "target", "metro2", "lambda-2026-02-28.txt");
        Files.createDirectories(local.getParent());
        Files.write(local, file);
        Metro2Validator.Run validation = Metro2Validator.locate().validate(local);
        assertThat(validation.valid()).as("moov-io/metro2 on %s: %s", local, validation.stderr()).isTrue();

        JsonNode manifest = MAPPER.readTree(read("metro2/2026/02/metro2-2026-02-28.manifest.json"));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        assertThat(manifest.toString()).contains(sha256);
        assertThat(result.getString("sha256")).isEqualTo(sha256);
        assertThat(manifest.toString()).doesNotContain("Public").doesNotContain("123456789");

        List<Message> notices = receiveActions();
        assertThat(notices).singleElement().satisfies(m -> {
            assertThat(m.messageAttributes().get("action").stringValue()).isEqualTo("NEGATIVE_REPORT_NOTICE");
            JsonNode body = MAPPER.readTree(m.body());
            assertThat(body.get("loanId").asText()).isEqualTo("L-US-LATE");
            assertThat(body.get("businessDate").asText()).isEqualTo("2026-03-01");
        });
        assertThat(bureauItems("L-US-LATE")).containsExactly("BUREAU#2026-02-28");

        // On demand, the same cycle again: same bytes under the same key (a new S3 version), nothing recorded or
        // published twice.
        TestClock.set("2026-03-03T11:00:00Z");
        // (The input is the sample on-demand payload, infra/events/schedule-credit-report-export.json.)
        JsonPath rerun = export(Files.readString(Paths.get(System.getProperty("basedir", "."), "..", "..", "infra",
                "events", "schedule-credit-report-export.json")));
        assertThat(rerun.getString("sha256")).isEqualTo(sha256);
        assertThat(rerun.getInt("reRunRecords")).isEqualTo(2);
        assertThat(rerun.getInt("noticesPublished")).isZero();
        assertThat(read(key)).isEqualTo(file);
        assertThat(versions(key)).hasSize(2);
        assertThat(receiveActions()).isEmpty();
        assertThat(bureauItems("L-US-LATE")).containsExactly("BUREAU#2026-02-28");
    }

    @Test
    void a_cycle_date_that_is_not_a_date_is_an_error_naming_the_field() {
        String body = RestAssured.given().contentType("application/json").body("{\"cycleDate\":\"February\"}")
                .post("/").then().statusCode(500).extract().asString();
        assertThat(body).contains("cycleDate");
    }

    private void apply(String json) {
        assertThat(ingest.ingest(json)).isInstanceOf(IngestOutcome.Applied.class);
    }

    private static JsonPath export(String input) {
        return RestAssured.given().contentType("application/json").body(input)
                .post("/").then().statusCode(200).extract().jsonPath();
    }

    private static S3Client s3() {
        return S3Client.builder().endpointOverride(EmulatorsResource.motoEndpoint).region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    private static byte[] read(String key) {
        try (S3Client s3 = s3()) {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key));
            return object.asByteArray();
        }
    }

    private static List<ObjectVersion> versions(String key) {
        try (S3Client s3 = s3()) {
            return s3.listObjectVersions(b -> b.bucket(BUCKET).prefix(key)).versions().stream()
                    .filter(v -> v.key().equals(key)).toList();
        }
    }

    private static List<Message> receiveActions() {
        try (SqsClient sqs = EmulatorsResource.sqs()) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(actionsQueueUrl).maxNumberOfMessages(10)
                    .messageAttributeNames("All").waitTimeSeconds(1)).messages();
            for (Message m : messages) {
                sqs.deleteMessage(b -> b.queueUrl(actionsQueueUrl).receiptHandle(m.receiptHandle()));
            }
            return messages;
        }
    }

    private static List<String> bureauItems(String loanId) {
        try (DynamoDbClient dynamo = EmulatorsResource.dynamoDb()) {
            return dynamo.query(b -> b.tableName(EmulatorsResource.TABLE)
                            .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("LOAN#" + loanId),
                                    ":sk", AttributeValue.fromS("BUREAU#"))))
                    .items().stream().map(i -> i.get("SK").s()).toList();
        }
    }
}

package com.overdue.collections.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.overdue.collections.core.escalation.EscalationLadder;
import com.overdue.collections.core.escalation.StrategyAssignment;
import com.overdue.collections.emulators.LocalStack;
import com.overdue.collections.emulators.UsLoanEvents;
import com.overdue.collections.lambda.dynamodb.DynamoDbLoanRepository;
import com.overdue.collections.lambda.function.CreditReportExportFunction;
import com.overdue.collections.lambda.function.CreditReportRequest;
import com.overdue.collections.lambda.function.CreditReportResult;
import com.overdue.collections.lambda.function.EscalationDecisionFunction;
import com.overdue.collections.lambda.function.IngestEventsFunction;
import com.overdue.collections.lambda.function.OverdueScanFunction;
import com.overdue.collections.lambda.function.PenaltyAccrualFunction;
import com.overdue.collections.lambda.function.ReminderFanOutFunction;
import com.overdue.collections.lambda.function.ScanRequest;
import com.overdue.collections.lambda.function.ScanResult;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LocalStack lane: template.yaml deployed into LocalStack's CloudFormation (LocalStack runs the SAM transform),
 * and the Quarkus functions driven in-process against what was deployed: the table with its GSI, the queues with
 * their redrive policies, the topics with their subscriptions and filter policy, the bucket. The deployed functions
 * are created but never run (a noop runtime executor) and their event source mappings are disabled, so this test
 * consumes the queues itself, as Lambda's pollers would, and hands each message to the function bean.
 *
 * <p>Runs in {@code mvn verify} (surefire execution {@code localstack-lane}); excluded from the fast suite. Skipped,
 * with a message, only when the LocalStack venv is not provisioned and the run does not require it
 * ({@code COLLECTIONS_REQUIRE_LOCALSTACK=1}, which {@code ./collections test} sets, makes it fail instead).
 */
@Tag("localstack")
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = true)
@EnabledIf(value = "runnable", disabledReason = "LocalStack lane skipped: the LocalStack venv is not provisioned "
        + "(scripts/tools.sh localstack needs Python >= 3.12); set COLLECTIONS_REQUIRE_LOCALSTACK=1 to fail instead")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackLaneTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The CN loan's one installment falls due on this day, so DPD n is this day + n. */
    private static final LocalDate DUE = LocalDate.parse("2026-01-01");
    private static final String CN_LOAN = champion("L-LANE-CN");
    private static final String US_LOAN = "L-LANE-US";
    private static final Instant STARTED = Instant.now();

    static boolean runnable() {
        return LocalStack.provisioned() || "1".equals(System.getenv("COLLECTIONS_REQUIRE_LOCALSTACK"));
    }

    @Inject
    IngestEventsFunction ingestEvents;
    @Inject
    OverdueScanFunction overdueScan;
    @Inject
    PenaltyAccrualFunction penaltyAccrual;
    @Inject
    ReminderFanOutFunction reminderFanOut;
    @Inject
    EscalationDecisionFunction escalationDecision;
    @Inject
    CreditReportExportFunction creditReportExport;

    @Test
    @Order(1)
    void the_whole_template_deployed_alarms_schedules_and_dashboard_included() throws Exception {
        assertThat(LocalStackResource.stack.path("status").asText()).isEqualTo("CREATE_COMPLETE");
        String template = Files.readString(LocalStackResource.repoRoot().resolve("template.yaml"));
        Map<String, Integer> deployed = new HashMap<>();
        LocalStackResource.stack.path("resources").forEach(r -> {
            assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("CREATE_COMPLETE");
            deployed.merge(r.path("type").asText(), 1, Integer::sum);
        });
        // Every resource of the template deployed under its own logical id: CloudFormation types as they are, a SAM
        // function as a Lambda function with its version and "live" alias. Only a resource whose Condition is false
        // with the default parameters (the alarm e-mail subscription without AlarmEmail) is left out.
        JsonNode resources = LocalStackResource.stack.path("resources");
        List<String> conditional = new ArrayList<>();
        LocalStackResource.stack.path("templateResources").fields().forEachRemaining(e -> {
            String type = e.getValue().path("type").asText();
            if (!e.getValue().path("condition").isNull() && !e.getValue().path("condition").isMissingNode()) {
                conditional.add(e.getKey());
                return;
            }
            String expected = type.equals("AWS::Serverless::Function") ? "AWS::Lambda::Function" : type;
            assertThat(resources.path(e.getKey()).path("type").asText()).as(e.getKey()).isEqualTo(expected);
        });
        assertThat(conditional).allSatisfy(name -> assertThat(resources.has(name)).as(name).isFalse());
        for (String type : List.of("AWS::CloudWatch::Alarm", "AWS::CloudWatch::Dashboard", "AWS::SQS::Queue",
                "AWS::SNS::Topic", "AWS::DynamoDB::Table", "AWS::S3::Bucket")) {
            assertThat(deployed.get(type)).as(type).isEqualTo(count(template, "Type: " + type + "\n"));
        }
        assertThat(deployed.get("AWS::Scheduler::Schedule")).isEqualTo(count(template, "Type: ScheduleV2\n"));
        int functions = count(template, "Type: AWS::Serverless::Function\n");
        assertThat(deployed.get("AWS::Lambda::Function")).isEqualTo(functions);
        assertThat(deployed.get("AWS::Lambda::Alias")).isEqualTo(functions);
        assertThat(LocalStackResource.stack.path("eventSourceMappingsDisabled").asInt())
                .isEqualTo(count(template, "Type: SQS\n          Properties:\n            Queue:"));
        assertThat(LocalStackResource.stack.path("keptSettings").path("CollectionsTable")
                .path("GlobalSecondaryIndexes").toString()).contains("review");
        System.out.printf("LocalStack lane: LocalStack ready in %.1f s, %d resources deployed in %.1f s "
                        + "(CloudFormation %.1f s)%n", LocalStackResource.startup.toMillis() / 1000.0,
                LocalStackResource.stack.path("resources").size(), LocalStackResource.deploy.toMillis() / 1000.0,
                LocalStackResource.stack.path("deploySeconds").asDouble());
    }

    @Test
    @Order(2)
    void events_posted_to_the_deployed_events_queue_are_applied_to_the_deployed_table() {
        String eventsQueue = LocalStackResource.output("EventsQueueUrl");
        TestClock.set("2026-01-01T17:00:00Z");
        try (SqsClient sqs = LocalStackResource.sqs()) {
            for (String body : List.of(booked(CN_LOAN), UsLoanEvents.booked("lane-u1", US_LOAN))) {
                sqs.sendMessage(b -> b.queueUrl(eventsQueue).messageBody(body));
            }
        }
        List<Message> events = consume(eventsQueue, 2, m -> ingestEvents.ingestEvents(m));

        assertThat(events).hasSize(2);
        DynamoDbLoanRepository loans = new DynamoDbLoanRepository(DynamoDbEnhancedClient.builder()
                .dynamoDbClient(LocalStackResource.dynamoDb()).build(), LocalStackResource.output(
                "CollectionsTableName"), Integer.parseInt(LocalStackResource.stack.path("parameters")
                .path("ReviewShards").asText()));
        assertThat(loans.findLoan(CN_LOAN)).isPresent();
        assertThat(loans.findLoan(US_LOAN)).isPresent();
        assertThat(receive(LocalStackResource.output("EventsDeadLetterQueueUrl"), 0)).isEmpty();
    }

    @Test
    @Order(3)
    void the_monthly_export_writes_its_metro2_file_to_the_deployed_bucket() {
        // The schedule fires on 1 March in New York with an empty input: the cycle that ended on 28 February.
        TestClock.set("2026-03-01T11:00:00Z");
        CreditReportResult result = creditReportExport.creditReportExport(new CreditReportRequest());

        String bucket = LocalStackResource.output("ReportsBucketName");
        String key = "metro2/2026/02/metro2-2026-02-28.txt";
        assertThat(result.fileLocation()).isEqualTo("s3://" + bucket + "/" + key);
        assertThat(result.reported()).isEqualTo(1);
        try (S3Client s3 = LocalStackResource.s3()) {
            String file = new String(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray(),
                    StandardCharsets.US_ASCII);
            List<String> records = file.lines().toList();
            assertThat(records).hasSize(3).allSatisfy(r -> assertThat(r).hasSize(426).startsWith("0426"));
            assertThat(records.get(1).substring(42, 72).strip()).isEqualTo(US_LOAN);
            assertThat(s3.headObject(b -> b.bucket(bucket).key("metro2/2026/02/metro2-2026-02-28.manifest.json"))
                    .contentLength()).isPositive();
        }
    }

    @Test
    @Order(4)
    void the_scans_work_reaches_the_three_worker_queues_through_the_deployed_subscriptions() {
        ScanResult result = scan(95);

        assertThat(result.workItemsSent()).isEqualTo(1);
        // Each worker's queue is subscribed to the work topic with raw delivery: the body is the work item.
        for (String queue : List.of("PenaltyQueue", "ReminderQueue", "EscalationQueue")) {
            String url = LocalStackResource.physicalId(queue);
            List<Message> received = receive(url, 1);
            assertThat(bodies(received)).as(queue).singleElement().satisfies(w -> {
                assertThat(w.get("loanId").asText()).isEqualTo(CN_LOAN);
                assertThat(w.get("daysPastDue").asInt()).isEqualTo(95);
            });
            // Back to visible: the workers consume it in the next test.
            try (SqsClient sqs = LocalStackResource.sqs()) {
                sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(received.get(0).receiptHandle())
                        .visibilityTimeout(0));
            }
        }
    }

    @Test
    @Order(5)
    void the_workers_consume_their_queues_and_only_the_legal_notice_reaches_the_filtered_legal_subscriber() {
        // DPD 95 (the work the test above left in the queues) → AGENCY_NOTICE, then
        // AGENCY_PLACEMENT a week later, the offer's expiry, and LEGAL_NOTICE at DPD 120.
        List<String> decided = new ArrayList<>();
        for (int dpd : new int[]{95, 102, 110, 120}) {
            if (dpd != 95) {
                scan(dpd);
            }
            at(dpd);
            consume(LocalStackResource.physicalId("PenaltyQueue"), 1, m -> penaltyAccrual.penaltyAccrual(m));
            consume(LocalStackResource.physicalId("ReminderQueue"), 1, m -> reminderFanOut.reminderFanOut(m));
            decided.addAll(bodies(consume(LocalStackResource.physicalId("EscalationQueue"), 1,
                    m -> escalationDecision.escalationDecision(m))).stream().map(w -> w.get("key").asText()).toList());
        }
        assertThat(decided).hasSize(4);

        // The actions topic carried AGENCY_NOTICE, AGENCY_PLACEMENT, OFFER_* and the Metro 2 export's
        // NEGATIVE_REPORT_NOTICE too; the legal subscription's filter policy lets only the legal actions through.
        List<Message> legal = receive(LocalStackResource.physicalId("LegalActionsQueue"), 1);
        assertThat(legal).singleElement().satisfies(m -> {
            JsonNode body = json(m.body());
            assertThat(body.get("action").asText()).isEqualTo("LEGAL_NOTICE");
            assertThat(body.get("loanId").asText()).isEqualTo(CN_LOAN);
            assertThat(m.messageAttributes().get("action").stringValue()).isEqualTo("LEGAL_NOTICE");
        });
        for (String dlq : List.of("PenaltyDeadLetterQueue", "ReminderDeadLetterQueue", "EscalationDeadLetterQueue")) {
            assertThat(receive(LocalStackResource.physicalId(dlq), 0)).as(dlq).isEmpty();
        }
    }

    @AfterAll
    static void took() {
        System.out.printf("LocalStack lane: %.1f s in all (LocalStack start and deploy included)%n",
                Duration.between(STARTED, Instant.now()).toMillis() / 1000.0);
    }

    // ------------------------------------------------------------------ helpers

    private ScanResult scan(int dpd) {
        at(dpd);
        ScanRequest request = new ScanRequest();
        request.setTimeZone("Asia/Shanghai");
        request.setBusinessDate(DUE.plusDays(dpd).toString());
        return overdueScan.overdueScan(request);
    }

    private static void at(int dpd) {
        TestClock.set(DUE.plusDays(dpd).atTime(6, 0).atZone(SHANGHAI).toInstant().toString());
    }

    /**
     * Receives {@code expected} messages from a deployed queue as Lambda's poller would, hands each to the function
     * and deletes it once the function succeeded; returns them.
     */
    private static List<Message> consume(String queueUrl, int expected,
                                         Function<SQSEvent.SQSMessage, Uni<Void>> function) {
        List<Message> messages = receive(queueUrl, expected);
        try (SqsClient sqs = LocalStackResource.sqs()) {
            for (Message m : messages) {
                SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
                record.setMessageId(m.messageId());
                record.setReceiptHandle(m.receiptHandle());
                record.setBody(m.body());
                record.setEventSource("aws:sqs");
                record.setAwsRegion("us-east-1");
                Map<String, String> attributes = new HashMap<>();
                m.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
                record.setAttributes(attributes);
                function.apply(record).await().atMost(Duration.ofSeconds(60));
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return messages;
    }

    /**
     * Receives until {@code expected} messages arrived (SNS → SQS delivery is asynchronous in LocalStack, as in
     * AWS), then once more briefly to catch any extra; visibility timeout 30 s, so nothing is received twice here.
     */
    private static List<Message> receive(String queueUrl, int expected) {
        List<Message> out = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(20);
        try (SqsClient sqs = LocalStackResource.sqs()) {
            while (out.size() < expected && Instant.now().isBefore(deadline)) {
                out.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                        .visibilityTimeout(30).messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages());
            }
            out.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(30).messageAttributeNames("All")).messages());
        }
        return out;
    }

    private static List<JsonNode> bodies(List<Message> messages) {
        return messages.stream().map(m -> json(m.body())).toList();
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(text, e);
        }
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** A loan id that the champion/challenger hash puts on the champion arm (the walk below assumes its ladder). */
    private static String champion(String prefix) {
        EscalationLadder ladder = com.overdue.collections.core.config.EngineConfiguration.fromClasspath().ladders()
                .ladderFor("CONSUMER-INSTALMENT");
        for (int i = 1; ; i++) {
            String id = prefix + "-" + i;
            if (new StrategyAssignment().strategyOf(ladder, id).equals(EscalationLadder.CHAMPION)) {
                return id;
            }
        }
    }

    /** A CN consumer loan booked 2025-12-01: one installment of CNY 6,000 due 2026-01-01. */
    private static String booked(String loanId) {
        return "{\"eventId\":\"book-" + loanId + "\",\"type\":\"LoanBooked\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"2025-12-01T02:00:00Z\",\"loanId\":\"" + loanId + "\",\"payload\":{\"borrowerId\":"
                + "\"B-" + loanId + "\",\"productCode\":\"CONSUMER-INSTALMENT\",\"currency\":\"CNY\","
                + "\"jurisdiction\":\"CN\",\"timeZone\":\"Asia/Shanghai\",\"principal\":\"6000.00\","
                + "\"disbursedOn\":\"2025-12-01\",\"installments\":[{\"seq\":1,\"dueDate\":\"2026-01-01\","
                + "\"principal\":\"6000.00\",\"interest\":\"0.00\",\"fees\":\"0.00\"}],\"borrower\":{\"name\":"
                + "{\"first\":\"Wei\",\"middle\":\"\",\"last\":\"Zhang\"},\"locale\":\"zh-CN\",\"timeZone\":"
                + "\"Asia/Shanghai\",\"email\":\"wei@example.com\",\"phone\":\"+8613800000000\"}}}";
    }
}

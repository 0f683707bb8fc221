package com.overdue.collections.lambda;

import com.overdue.collections.core.application.ContactSweepUseCase;
import com.overdue.collections.core.contact.Channel;
import com.overdue.collections.core.contact.ContactDecision;
import com.overdue.collections.core.contact.ContactRecord;
import com.overdue.collections.core.contact.ContactState;
import com.overdue.collections.core.application.CreditReportExportUseCase;
import com.overdue.collections.core.application.EscalationDecisionUseCase;
import com.overdue.collections.core.application.InboxUseCase;
import com.overdue.collections.core.application.IngestEventUseCase;
import com.overdue.collections.core.application.IngestOutcome;
import com.overdue.collections.core.application.OutboxRecoveryUseCase;
import com.overdue.collections.core.application.OverdueScanUseCase;
import com.overdue.collections.core.application.PenaltyAccrualUseCase;
import com.overdue.collections.core.application.ReminderFanOutUseCase;
import com.overdue.collections.core.port.Inbox;
import com.overdue.collections.emulators.UsLoanEvents;
import com.overdue.collections.emulators.crash.CrashInjector;
import com.overdue.collections.emulators.crash.InjectedCrash;
import com.overdue.collections.emulators.crash.SharedCrashInjector;
import com.overdue.collections.lambda.engine.CollectionsEngine;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every function of the engine killed before and after each of its I/O calls in turn (the seeded
 * {@link CrashInjector} on every AWS client: DynamoDB, SNS, SES, S3), then redelivered the way SQS or Scheduler
 * would (6 minutes later, the visibility timeout) and followed by the contact sweep with its outbox recovery (16
 * minutes after the crash, past the sending lease and the delivery deadline). Each crashed run must end where a
 * clean run of the same scenario ends: the same items in the table in the same states (nothing lost, nothing done
 * twice), every outward effect (SNS, SES, S3) at least as often as in the clean run, and at most once more per
 * effect the dead attempt had already made (the documented at-least-once duplicates; receivers dedupe on the id).
 */
@QuarkusTest
@TestProfile(CrashRecoveryFunctionTest.CrashProfile.class)
@QuarkusTestResource(value = EmulatorsResource.class, restrictToAnnotatedClass = true)
class CrashRecoveryFunctionTest {

    static final String BUCKET = "collections-reports-crash";

    /** Every AWS client of the engine with the shared crash injector; a bucket for the export. */
    public static class CrashProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String injector = SharedCrashInjector.class.getName();
            return Map.of("quarkus.funqy.export", "contactSweep",
                    "collections.report-bucket", BUCKET,
                    // The interceptor is looked up in the index: index the emulators module it lives in.
                    "quarkus.index-dependency.emulators.group-id", "com.overdue.collections",
                    "quarkus.index-dependency.emulators.artifact-id", "collections-emulators",
                    "quarkus.dynamodb.interceptors", injector,
                    "quarkus.sns.interceptors", injector,
                    "quarkus.ses.interceptors", injector,
                    "quarkus.s3.interceptors", injector);
        }
    }

    /** The effects that leave the engine: an extra one is a duplicate delivery, a missing one is lost. */
    private static final List<String> EFFECTS = List.of("Sns.Publish", "Sns.PublishBatch", "Ses.SendRawEmail",
            "S3.PutObject");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration REDELIVERY = Duration.ofMinutes(6);
    private static final Duration RECOVERY = Duration.ofMinutes(16);

    @Inject
    IngestEventUseCase ingest;
    @Inject
    OverdueScanUseCase scan;
    @Inject
    PenaltyAccrualUseCase penalty;
    @Inject
    ReminderFanOutUseCase fanOut;
    @Inject
    ContactSweepUseCase sweep;
    @Inject
    OutboxRecoveryUseCase outbox;
    @Inject
    InboxUseCase inbox;
    @Inject
    EscalationDecisionUseCase escalation;
    @Inject
    CreditReportExportUseCase export;
    @Inject
    CollectionsEngine engine;

    private static int crashPointsCovered;

    @BeforeAll
    static void senderAndBucket() {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("test", "test"));
        try (SesClient ses = SesClient.builder().endpointOverride(EmulatorsResource.motoEndpoint)
                .region(Region.US_EAST_1).credentialsProvider(credentials).build();
             S3Client s3 = S3Client.builder().endpointOverride(EmulatorsResource.motoEndpoint)
                     .region(Region.US_EAST_1).credentialsProvider(credentials).forcePathStyle(true).build()) {
            ses.verifyDomainIdentity(b -> b.domain("example.com"));
            s3.createBucket(b -> b.bucket(BUCKET));
        }
    }

    @AfterEach
    void noInjector() {
        SharedCrashInjector.reset();
    }

    @Test
    void ingest_events_crashed_at_every_call_applies_the_payment_once() {
        crashEverywhere("ingestEvents", () -> {
            book("L-CR-IN", "2026-02-02");
            at("2026-02-10T02:00:00Z");
        }, () -> assertThat(ingest.ingest(Events.payment("p-L-CR-IN", "L-CR-IN", "P-1", "100.00", "2026-02-10",
                "2026-02-10T02:00:00Z"))).isNotNull());
    }

    @Test
    void overdue_scan_crashed_at_every_call_sends_every_work_item_and_stores_the_clean_state() {
        crashEverywhere("overdueScan", () -> {
            book("L-CR-S1", "2026-02-02");
            book("L-CR-S2", "2026-02-02");
            book("L-CR-S3", "2026-02-20");
            at("2026-02-05T22:00:00Z");
        }, () -> scan.scan(SHANGHAI, LocalDate.parse("2026-02-06")));
    }

    @Test
    void penalty_accrual_crashed_at_every_call_posts_each_day_once() {
        crashEverywhere("penaltyAccrual", () -> {
            book("L-CR-P", "2026-02-02");
            at("2026-02-09T22:00:00Z");
        }, () -> penalty.accrue("L-CR-P", LocalDate.parse("2026-02-10")));
    }

    @Test
    void reminder_fan_out_crashed_at_every_call_sends_every_channel_and_opens_each_round_once() {
        crashEverywhere("reminderFanOut", () -> {
            book("L-CR-R", "2026-02-02");
            at("2026-02-06T02:00:00Z"); // 10:00 in Shanghai, DPD 4: R1 and R2 (SMS, e-mail, in-app)
        }, () -> fanOut.fanOut("L-CR-R", "B-L-CR-R", LocalDate.parse("2026-02-06")));
    }

    @Test
    void contact_sweep_crashed_at_every_call_sends_the_deferred_contacts() {
        crashEverywhere("contactSweep", () -> {
            book("L-CR-W", "2026-02-02");
            at("2026-02-09T15:00:00Z"); // 23:00 in Shanghai: deferred to 08:00
            fanOut.fanOut("L-CR-W", "B-L-CR-W", LocalDate.parse("2026-02-09"));
            at("2026-02-10T00:00:00Z");
        }, () -> {
            sweep.sweep();
            outbox.recover();
        });
    }

    @Test
    void reminder_inbox_crashed_at_every_call_marks_the_message_read() {
        crashEverywhere("reminderInbox", () -> {
            at("2026-03-05T01:00:00Z");
            engine.tableInbox().deliver(new Inbox.InboxMessage("B-CR-IN", "M-1", Instant.parse(
                    "2026-03-04T01:00:00Z"), "t", "b", false));
            engine.tableInbox().deliver(new Inbox.InboxMessage("B-CR-IN", "M-2", Instant.parse(
                    "2026-03-05T01:00:00Z"), "t", "b", false));
        }, () -> inbox.handle("B-CR-IN", List.of("M-1"), 20));
    }

    @Test
    void escalation_decision_crashed_at_every_call_publishes_each_action() {
        crashEverywhere("escalationDecision", () -> {
            book("L-CR-E", "2026-02-02");
            for (String date : List.of("2026-02-03", "2026-02-18")) {
                at(LocalDate.parse(date).atTime(6, 0).atZone(SHANGHAI).toInstant().toString());
                escalation.decide("L-CR-E", LocalDate.parse(date));
            }
            at("2026-03-04T22:00:00Z");
        }, () -> escalation.decide("L-CR-E", LocalDate.parse("2026-03-05")));
    }

    @Test
    void credit_report_export_crashed_at_every_call_writes_the_file_and_sends_the_notice() {
        crashEverywhere("creditReportExport", () -> {
            at("2026-01-01T17:00:00Z");
            assertThat(ingest.ingest(UsLoanEvents.booked("u-CR-X", "L-CR-X")))
                    .isInstanceOf(IngestOutcome.Applied.class);
            at("2026-03-01T11:00:00Z");
        }, () -> export.export(null));
    }

    @Test
    void an_sms_whose_sender_died_counts_as_sent_so_another_sms_that_day_waits_for_tomorrow() {
        wipe();
        book("L-CR-CAP", "2026-02-02");
        at("2026-02-06T02:00:00Z"); // 10:00 in Shanghai: the day's message on SMS, e-mail and in-app
        CrashInjector learn = SharedCrashInjector.use(CrashInjector.recording());
        fanOut.fanOut("L-CR-CAP", "B-L-CR-CAP", LocalDate.parse("2026-02-06"));
        int smsPublish = learn.points().indexOf("Sns.Publish AFTER");
        assertThat(smsPublish).as("the fan-out sends an SMS").isNotNegative();
        SharedCrashInjector.reset();

        // The same day again from scratch, killed just after SNS accepted the SMS: its outcome is unknown.
        wipe();
        book("L-CR-CAP", "2026-02-02");
        at("2026-02-06T02:00:00Z");
        SharedCrashInjector.use(CrashInjector.atPoint(smsPublish));
        try {
            fanOut.fanOut("L-CR-CAP", "B-L-CR-CAP", LocalDate.parse("2026-02-06"));
        } catch (InjectedCrash died) {
            assertThat(died.point()).isEqualTo("Sns.Publish AFTER");
        }
        SharedCrashInjector.reset();
        var ledger = engine.contactLedger();
        var sms = ledger.message("B-L-CR-CAP", LocalDate.parse("2026-02-06")).stream()
                .filter(r -> r.channel() == Channel.SMS).findFirst()
                .orElseThrow();
        assertThat(sms.state()).isEqualTo(ContactState.SENDING);

        // Another SMS of the borrower comes due within the dead sender's lease (yesterday's, deferred to now).
        at("2026-02-06T02:05:00Z");
        var other = ContactRecord.planned("B-L-CR-CAP",
                LocalDate.parse("2026-02-05"), Channel.SMS, "M-CR-OTHER",
                Instant.parse("2026-02-06T02:05:00Z"), List.of("L-CR-CAP#2026-02-03#OTHER"), List.of("L-CR-CAP"),
                List.of("CN"), "zh-CN", "Asia/Shanghai");
        assertThat(ledger.open("B-L-CR-CAP", List.of("L-CR-CAP#2026-02-03#OTHER"), List.of(other))).isTrue();
        sweep.sweep();
        var deferred = ledger.message("B-L-CR-CAP", LocalDate.parse("2026-02-05")).get(0);
        assertThat(deferred.state()).as("the unknown SMS counts against the cap of 1 SMS a day")
                .isEqualTo(ContactState.DEFERRED);
        assertThat(((ContactDecision.Defer) deferred.lastEvaluation()
                .decision()).rule()).isEqualTo("dailyCap");
        assertThat(deferred.dueAt()).as("not before tomorrow in Shanghai")
                .isAfterOrEqualTo(Instant.parse("2026-02-06T16:00:00Z"));

        // After the lease the sweep sends the unknown SMS again (at least once), under the same message id.
        at("2026-02-06T02:16:00Z");
        CrashInjector recovery = SharedCrashInjector.use(CrashInjector.recording());
        sweep.sweep();
        SharedCrashInjector.reset();
        var recovered = ledger.message("B-L-CR-CAP", LocalDate.parse("2026-02-06")).stream()
                .filter(r -> r.channel() == Channel.SMS).findFirst()
                .orElseThrow();
        assertThat(recovered.state()).isEqualTo(ContactState.SENT);
        assertThat(recovered.messageId()).isEqualTo(sms.messageId());
        assertThat(recovered.unconfirmedAt()).isEqualTo(Instant.parse("2026-02-06T02:00:00Z"));
        assertThat(recovery.points()).filteredOn("Sns.Publish AFTER"::equals).hasSize(1);
        assertThat(ledger.message("B-L-CR-CAP", LocalDate.parse("2026-02-05")).get(0).state())
                .isEqualTo(ContactState.DEFERRED);
    }

    /**
     * Runs the scenario clean once, learns its crash points, then once per point: a fresh table, the setup, the
     * invocation dying at that point, the redelivery and the recovery; and compares each with the clean run.
     */
    private void crashEverywhere(String function, Runnable setup, Runnable invocation) {
        Run clean = run(setup, invocation, CrashInjector.recording());
        assertThat(clean.crashed).as("the clean run of " + function).isNull();
        List<String> points = clean.points;
        assertThat(points).as(function + " makes I/O calls").isNotEmpty();
        for (int i = 0; i < points.size(); i++) {
            Run crashed = run(setup, invocation, CrashInjector.atPoint(i));
            String where = function + " killed at " + points.get(i) + " (point " + i + ")";
            assertThat(crashed.crashed).as(where).isNotNull();
            assertThat(crashed.state).as(where + ": the table ends as the clean run's")
                    .isEqualTo(clean.state);
            for (String effect : EFFECTS) {
                int done = clean.count(effect);
                int delivered = crashed.count(effect);
                assertThat(delivered).as(where + ": " + effect + " not lost").isGreaterThanOrEqualTo(done);
                assertThat(delivered - done).as(where + ": " + effect + " repeated only where the dead attempt"
                        + " had done it").isLessThanOrEqualTo(crashed.deadAttemptCount(effect));
            }
            crashPointsCovered++;
        }
        Map<String, Long> calls = new TreeMap<>();
        points.stream().filter(p -> p.endsWith(" BEFORE")).forEach(p -> calls.merge(p.substring(0,
                p.length() - " BEFORE".length()), 1L, Long::sum));
        System.out.printf("CrashRecoveryFunctionTest: %s survived a crash at each of its %d points (%d so far);"
                + " clean run's calls %s%n", function, points.size(), crashPointsCovered, calls);
    }

    /** One run of a scenario: setup, invocation, redelivery when it died, recovery; what was done and stored. */
    private Run run(Runnable setup, Runnable invocation, CrashInjector injector) {
        wipe();
        setup.run();
        Instant start = TestClock.now();
        SharedCrashInjector.use(injector);
        Run run = new Run();
        try {
            invocation.run();
        } catch (InjectedCrash died) {
            run.crashed = died.point();
        }
        run.deadAttempt = injector.points();
        CrashInjector after = SharedCrashInjector.use(CrashInjector.recording());
        if (run.crashed != null) {
            at(start.plus(REDELIVERY).toString());
            invocation.run();
        }
        at(start.plus(RECOVERY).toString());
        sweep.sweep();
        outbox.recover();
        run.points = run.crashed == null ? run.deadAttempt : injector.points();
        run.all.addAll(run.deadAttempt);
        run.all.addAll(after.points());
        SharedCrashInjector.reset();
        run.state = state();
        return run;
    }

    /** What one run did: the points of the first attempt, every point of the run, where it died. */
    private static final class Run {
        String crashed;
        List<String> deadAttempt = List.of();
        List<String> points = List.of();
        final List<String> all = new ArrayList<>();
        Map<String, String> state;

        int count(String effect) {
            return (int) all.stream().filter((effect + " AFTER")::equals).count();
        }

        int deadAttemptCount(String effect) {
            return (int) deadAttempt.stream().filter((effect + " AFTER")::equals).count();
        }
    }

    /** The table's items by key, with the attributes that say what state each is in (not timestamps, not locks). */
    private static Map<String, String> state() {
        Map<String, String> out = new TreeMap<>();
        Set<String> kept = Set.of("status", "state", "daysPastDue", "reviewShard", "reviewAt", "adjustmentNo",
                "sha256", "stage", "snapshot", "read");
        try (DynamoDbClient client = EmulatorsResource.dynamoDb()) {
            client.scanPaginator(b -> b.tableName(EmulatorsResource.TABLE)).items().forEach(item -> {
                Map<String, String> attributes = new TreeMap<>();
                item.forEach((name, value) -> {
                    if (kept.contains(name)) {
                        attributes.put(name, value.toString());
                    }
                });
                // An in-app message is keyed by when it was delivered; a redelivery delivers it later, once.
                String sk = item.get("SK").s().replaceFirst("^INBOX#[^#]+#", "INBOX#<deliveredAt>#");
                out.merge(item.get("PK").s() + " | " + sk, attributes.toString(), (a, b) -> a + " and again " + b);
            });
        }
        return out;
    }

    private static void wipe() {
        try (DynamoDbClient client = EmulatorsResource.dynamoDb()) {
            client.scanPaginator(b -> b.tableName(EmulatorsResource.TABLE).projectionExpression("PK, SK")).items()
                    .forEach(key -> client.deleteItem(b -> b.tableName(EmulatorsResource.TABLE)
                            .key(Map.<String, AttributeValue>of("PK", key.get("PK"), "SK", key.get("SK")))));
        }
        try (SqsClient sqs = EmulatorsResource.sqs()) {
            for (String url : List.of(EmulatorsResource.workQueueUrl(), EmulatorsResource.allActionsQueueUrl(),
                    EmulatorsResource.legalNoticeQueueUrl())) {
                List<Message> got;
                do {
                    got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
                    got.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
                } while (!got.isEmpty());
            }
        }
    }

    private void book(String loanId, String due) {
        at("2026-01-01T01:00:00Z");
        assertThat(ingest.ingest(Events.loanBooked("b-" + loanId, loanId, "2026-01-01T01:00:00Z", due)))
                .isInstanceOf(IngestOutcome.Applied.class);
    }

    private static void at(String instant) {
        TestClock.set(instant);
    }
}

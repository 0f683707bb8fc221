package com.overdue.collections.local;

import com.overdue.collections.core.application.CollectionsSettings;
import com.overdue.collections.core.application.IngestEventUseCase;
import com.overdue.collections.core.application.IngestOutcome;
import com.overdue.collections.core.application.OverdueScanUseCase;
import com.overdue.collections.core.application.ReminderFanOutUseCase;
import com.overdue.collections.core.contact.Channel;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.port.WorkItem;
import com.overdue.collections.core.reminder.ReminderContent;
import com.overdue.collections.core.reminder.ReminderDigest;
import com.overdue.collections.core.reminder.SenderProfiles;
import com.overdue.collections.emulators.EmbeddedDynamoDb;
import com.overdue.collections.lambda.dynamodb.DynamoDbLoanRepository;
import com.overdue.collections.lambda.dynamodb.LoanTable;
import com.overdue.collections.lambda.reminder.QuteReminderRenderer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reminder throughput through the local adapters: N overdue borrowers (one loan each, half CN, half US) are booked
 * on embedded DynamoDB Local, the daily scan ages them to DPD 3 (R1 and R2 due: SMS, in-app and e-mail), and the
 * fan-out renders and sends every message to the file outbox. Prints messages and contacts per second and the
 * DynamoDB requests per message by operation, counted by an SDK interceptor. A render-only pass measures the Qute
 * templates alone.
 *
 * <pre>java -cp … com.overdue.collections.local.ReminderBenchmark [borrowers=50000] [seedThreads=4] [out=DIR]</pre>
 */
public final class ReminderBenchmark {

    private static final String TABLE = "collections";
    private static final int SHARDS = 16;
    private static final LocalDate DUE = LocalDate.parse("2026-03-02");
    private static final LocalDate DAY = DUE.plusDays(3);

    private ReminderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int borrowers = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path out = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("reminder-bench");
        System.out.printf("Reminder benchmark: %d overdue borrowers, outbox in %s%n", borrowers, out);
        renderOnly(Math.min(borrowers, 20_000));

        Map<String, LongAdder> requests = new ConcurrentHashMap<>();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                requests.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                        k -> new LongAdder()).increment();
            }
        };
        try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start();
             DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint())
                     .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                     .overrideConfiguration(c -> c.addExecutionInterceptor(counter))
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local",
                             "local"))).build()) {
            LoanTable.create(client, TABLE);
            DynamoDbLoanRepository repository = new DynamoDbLoanRepository(
                    DynamoDbEnhancedClient.builder().dynamoDbClient(client).build(), TABLE, SHARDS);
            CollectionsSettings settings = CollectionsSettings.defaults(SHARDS);
            SimulatedClock clock = new SimulatedClock(Instant.parse("2026-01-01T16:00:00Z"));

            long t0 = System.nanoTime();
            IngestEventUseCase ingest = new IngestEventUseCase(repository, settings, clock);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<IngestOutcome>> booked = new ArrayList<>();
            for (int i = 0; i < borrowers; i++) {
                String json = loanBooked(i);
                booked.add(pool.submit(() -> ingest.ingest(json)));
            }
            for (Future<IngestOutcome> f : booked) {
                if (!(f.get() instanceof IngestOutcome.Applied)) {
                    throw new IllegalStateException("seed event not applied: " + f.get());
                }
            }
            pool.shutdown();
            System.out.printf("Seeded %d loans in %.1f s%n", borrowers, (System.nanoTime() - t0) / 1e9);

            List<WorkItem> work = new ArrayList<>();
            OverdueScanUseCase scan = new OverdueScanUseCase(repository, work::addAll, settings, clock);
            for (String zone : List.of("Asia/Shanghai", "America/New_York")) {
                clock.set(DAY.atTime(6, 0).atZone(ZoneId.of(zone)).toInstant());
                scan.scan(ZoneId.of(zone), DAY);
            }
            System.out.printf("Scan: %d work items for %s%n", work.size(), DAY);

            try (LocalReminders reminders = new LocalReminders(client, TABLE, repository, repository, settings, clock,
                    out)) {
                requests.clear();
                long messages = 0;
                long start = System.nanoTime();
                for (String zone : List.of("Asia/Shanghai", "America/New_York")) {
                    clock.set(DAY.atTime(10, 0).atZone(ZoneId.of(zone)).toInstant());
                    for (WorkItem item : work) {
                        if (item.timeZone().equals(zone)) {
                            ReminderFanOutUseCase.Result r = reminders.fanOut.fanOut(item.loanId(), item.borrowerId(),
                                    item.businessDate());
                            messages += r.opened() ? 1 : 0;
                        }
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long contacts = reminders.decisions.values().stream().mapToLong(Long::longValue).sum();
                long total = requests.values().stream().mapToLong(LongAdder::sum).sum();
                System.out.printf("Fan-out (one thread): %d messages, %d contacts in %.1f s = %.0f messages/s, "
                        + "%.0f contacts/s%n", messages, contacts, seconds, messages / seconds, contacts / seconds);
                System.out.printf("Outcomes: %s; e-mails written: %d%n", reminders.decisions, reminders.emails);
                System.out.printf("DynamoDB requests: %d = %.2f per message, %.2f per contact%n", total,
                        (double) total / messages, (double) total / contacts);
                Map<String, Long> byOp = new TreeMap<>();
                requests.forEach((op, n) -> byOp.put(op, n.sum()));
                long sent = messages;
                byOp.forEach((op, n) -> System.out.printf("  %-20s %8d  %.2f per message%n", op, n,
                        (double) n / sent));
            }
        }
    }

    /** Renders SMS, e-mail and in-app for synthetic digests: the template engine alone. */
    private static void renderOnly(int n) {
        QuteReminderRenderer renderer = new QuteReminderRenderer();
        SenderProfiles senders = com.overdue.collections.core.config.EngineConfiguration.fromClasspath().senders();
        long start = System.nanoTime();
        long chars = 0;
        for (int i = 0; i < n; i++) {
            boolean cn = i % 2 == 0;
            Money due = Money.of((100 + i % 900) + ".25", cn ? "CNY" : "USD");
            ReminderDigest digest = new ReminderDigest("B-" + i, List.of(new ReminderDigest.LoanLine("L-" + i,
                    cn ? "CN" : "US", due, Money.of("1.25", cn ? "CNY" : "USD"), DUE, 3, 1)), List.of());
            for (Channel ch : List.of(Channel.SMS, Channel.EMAIL, Channel.IN_APP)) {
                chars += renderer.render(new ReminderContent("M" + i, ch, cn ? "zh-CN" : "en-US", cn ? "CN" : "US",
                        "Name", DAY, List.of("R1", "R2"), digest, senders.forJurisdiction(cn ? "CN" : "US")))
                        .text().length();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Render only: %d messages x 3 channels in %.2f s = %.0f renders/s (%d chars)%n", n,
                seconds, 3 * n / seconds, chars);
    }

    private static String loanBooked(int i) {
        boolean us = i % 2 == 1;
        String zone = us ? "America/New_York" : "Asia/Shanghai";
        String id = String.format("%06d", i);
        return "{\"eventId\":\"BK-" + id + "\",\"type\":\"LoanBooked\",\"schemaVersion\":1,\"occurredAt\":"
                + "\"2026-01-01T16:00:00Z\",\"loanId\":\"L-" + id + "\",\"payload\":{\"borrowerId\":\"B-" + id
                + "\",\"productCode\":\"" + (us ? "US-CONSUMER-INSTALMENT" : "CONSUMER-INSTALMENT")
                + "\",\"currency\":\"" + (us ? "USD" : "CNY") + "\",\"jurisdiction\":\"" + (us ? "US" : "CN")
                + "\",\"timeZone\":\"" + zone + "\",\"principal\":\"500.00\",\"disbursedOn\":\"2026-01-01\","
                + "\"installments\":[{\"seq\":1,\"dueDate\":\"" + DUE + "\",\"principal\":\"250.00\",\"interest\":"
                + "\"10.00\",\"fees\":\"0.00\"},{\"seq\":2,\"dueDate\":\"" + DUE.plusMonths(1) + "\",\"principal\":"
                + "\"250.00\",\"interest\":\"10.00\",\"fees\":\"0.00\"}],\"borrower\":{\"name\":{\"first\":\"Bench\","
                + "\"middle\":\"\",\"last\":\"User\"},\"locale\":\"" + (us ? "en-US" : "zh-CN") + "\",\"timeZone\":\""
                + zone + "\",\"email\":\"b" + id + "@example.com\",\"phone\":\"" + (us ? "+1202555" : "+86138000")
                + id.substring(2) + "\"}}}";
    }

}

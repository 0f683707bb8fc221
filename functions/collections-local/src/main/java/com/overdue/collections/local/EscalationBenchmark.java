package com.overdue.collections.local;

import com.overdue.collections.core.application.CollectionsSettings;
import com.overdue.collections.core.application.EscalationDecisionUseCase;
import com.overdue.collections.core.application.IngestEventUseCase;
import com.overdue.collections.core.application.IngestOutcome;
import com.overdue.collections.core.escalation.CallLimitRules;
import com.overdue.collections.core.escalation.EscalationLadders;
import com.overdue.collections.core.port.ActionPublisher;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.emulators.EmbeddedDynamoDb;
import com.overdue.collections.lambda.dynamodb.DynamoDbEscalationStore;
import com.overdue.collections.lambda.dynamodb.DynamoDbLoanRepository;
import com.overdue.collections.lambda.dynamodb.LoanTable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

/**
 * Benchmark of the escalation step: N overdue loans on DynamoDB Local, the escalationDecision use case run for every
 * loan on a day where each one changes stage (CURRENT → LETTER at DPD 31: a decision, one action) and on the next
 * day where none does (DPD 32: reads only), on a pool of threads like concurrent Lambda invocations. Prints
 * decisions per second, DynamoDB requests per work item by operation, and write capacity units per decision computed
 * from the items' sizes (transactional writes cost 2 WCU per KB). Actions go to an in-memory publisher: SNS is not
 * measured.
 *
 * <pre>java -cp … com.overdue.collections.local.EscalationBenchmark [--loans 50000] [--threads 8]</pre>
 */
public final class EscalationBenchmark {

    private static final String TABLE = "collections";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DUE = LocalDate.parse("2026-01-01");

    private EscalationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int loans = intArg(args, "--loans", 50_000);
        int threads = intArg(args, "--threads", 8);
        Counter counter = new Counter();
        try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start();
             DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint())
                     .region(Region.US_EAST_1).httpClient(ApacheHttpClient.builder().maxConnections(threads * 2)
                             .build())
                     .overrideConfiguration(c -> c.addExecutionInterceptor(counter))
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local",
                             "local"))).build()) {
            LoanTable.create(client, TABLE);
            DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
            LoanRepository repository = new DynamoDbLoanRepository(enhanced, TABLE, 16);
            SimulatedClock clock = new SimulatedClock(DUE.minusDays(31).atTime(10, 0).atZone(SHANGHAI).toInstant());
            CollectionsSettings settings = CollectionsSettings.defaults(16);
            IngestEventUseCase ingest = new IngestEventUseCase(repository, settings, clock);
            LongAdder published = new LongAdder();
            ActionPublisher publisher = action -> {
                published.increment();
                return ActionPublisher.Outcome.PUBLISHED;
            };
            EscalationDecisionUseCase escalation = new EscalationDecisionUseCase(repository,
                    new DynamoDbEscalationStore(enhanced, TABLE, clock), publisher, com.overdue.collections.core.config.EngineConfiguration.fromClasspath().callLimits(),
                    com.overdue.collections.core.config.EngineConfiguration.fromClasspath().ladders(), settings, clock);

            System.out.printf("Booking %,d loans (one CNY 6,000 installment due %s) on DynamoDB Local ...%n", loans,
                    DUE);
            long t0 = System.nanoTime();
            parallel(loans, threads, i -> {
                if (!(ingest.ingest(loanBooked("B-" + i)) instanceof IngestOutcome.Applied)) {
                    throw new IllegalStateException("loan " + i + " was not booked");
                }
            });
            System.out.printf("  booked in %.1f s%n", (System.nanoTime() - t0) / 1e9);

            for (int dpd : new int[]{31, 32}) {
                LocalDate date = DUE.plusDays(dpd);
                clock.set(date.atTime(6, 0).atZone(SHANGHAI).toInstant());
                counter.reset();
                AtomicLong decisions = new AtomicLong();
                long start = System.nanoTime();
                parallel(loans, threads, i -> {
                    if (escalation.decide("B-" + i, date).decision() != null) {
                        decisions.incrementAndGet();
                    }
                });
                double seconds = (System.nanoTime() - start) / 1e9;
                long requests = counter.total();
                System.out.printf("%nDPD %d (%s): %,d work items, %,d decisions in %.1f s on %d threads%n", dpd, date,
                        loans, decisions.get(), seconds, threads);
                System.out.printf("  work items per second  %,.0f%n", loans / seconds);
                if (decisions.get() > 0) {
                    System.out.printf("  decisions per second   %,.0f%n", decisions.get() / seconds);
                }
                System.out.printf("  DynamoDB requests      %,d = %.2f per work item %s%n", requests,
                        (double) requests / loans, counter.byOperation());
                System.out.printf("  write units            %,d = %.2f per work item (%s)%n", counter.writeUnits(),
                        (double) counter.writeUnits() / loans,
                        "TransactWriteItems 2 WCU/KB per item, PutItem 1 WCU/KB, UpdateItem 1 WCU");
                System.out.printf("  read units (strong)    %,d = %.2f per work item (GetItem/Query 1 RCU per 4 KB,"
                        + " from returned sizes)%n", counter.readUnits(), (double) counter.readUnits() / loans);
            }
            System.out.printf("%nActions published (in memory): %,d%n", published.sum());
        }
    }

    private static String loanBooked(String loanId) {
        return "{\"eventId\":\"book-" + loanId + "\",\"type\":\"LoanBooked\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"2025-12-01T02:00:00Z\",\"loanId\":\"" + loanId + "\",\"payload\":{\"borrowerId\":"
                + "\"P-" + loanId + "\",\"productCode\":\"CONSUMER-INSTALMENT\",\"currency\":\"CNY\","
                + "\"jurisdiction\":\"CN\",\"timeZone\":\"Asia/Shanghai\",\"principal\":\"6000.00\","
                + "\"disbursedOn\":\"2025-12-01\",\"installments\":[{\"seq\":1,\"dueDate\":\"" + DUE + "\","
                + "\"principal\":\"6000.00\",\"interest\":\"0.00\",\"fees\":\"0.00\"}],\"borrower\":{\"name\":"
                + "{\"first\":\"Bench\",\"middle\":\"\",\"last\":\"Mark\"},\"locale\":\"zh-CN\",\"timeZone\":"
                + "\"Asia/Shanghai\"}}}";
    }

    private static void parallel(int n, int threads, IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int chunk = (n + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                int from = t * chunk;
                int to = Math.min(n, from + chunk);
                futures.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        task.accept(i);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** Counts requests per operation and the capacity units they consume, from the item sizes sent and returned. */
    private static final class Counter implements ExecutionInterceptor {
        private final Map<String, LongAdder> byOperation = new java.util.concurrent.ConcurrentHashMap<>();
        private final LongAdder writeUnits = new LongAdder();
        private final LongAdder readUnits = new LongAdder();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            String op = attributes.getAttribute(software.amazon.awssdk.core.interceptor.SdkExecutionAttribute
                    .OPERATION_NAME);
            byOperation.computeIfAbsent(op, k -> new LongAdder()).increment();
            if (context.request() instanceof TransactWriteItemsRequest tx) {
                for (TransactWriteItem item : tx.transactItems()) {
                    if (item.put() != null) {
                        writeUnits.add(2L * kb(item.put().item(), 1024));
                    }
                }
            } else if (context.request() instanceof PutItemRequest put) {
                writeUnits.add(kb(put.item(), 1024));
            } else if (context.request() instanceof UpdateItemRequest) {
                writeUnits.add(1);
            }
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.response() instanceof software.amazon.awssdk.services.dynamodb.model.GetItemResponse g
                    && g.hasItem()) {
                readUnits.add(kb(g.item(), 4096));
            } else if (context.response() instanceof software.amazon.awssdk.services.dynamodb.model.QueryResponse q) {
                long bytes = 0;
                for (Map<String, AttributeValue> item : q.items()) {
                    bytes += size(item);
                }
                readUnits.add(Math.max(1, (bytes + 4095) / 4096));
            }
        }

        private static long kb(Map<String, AttributeValue> item, int unit) {
            return Math.max(1, (size(item) + unit - 1) / unit);
        }

        private static long size(Map<String, AttributeValue> item) {
            long bytes = 0;
            for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
                bytes += e.getKey().length();
                AttributeValue v = e.getValue();
                bytes += v.s() != null ? v.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                        : v.n() != null ? v.n().length() : 1;
            }
            return bytes;
        }

        void reset() {
            byOperation.clear();
            writeUnits.reset();
            readUnits.reset();
        }

        long total() {
            return byOperation.values().stream().mapToLong(LongAdder::sum).sum();
        }

        long writeUnits() {
            return writeUnits.sum();
        }

        long readUnits() {
            return readUnits.sum();
        }

        Map<String, Long> byOperation() {
            Map<String, Long> out = new java.util.TreeMap<>();
            byOperation.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }
    }
}

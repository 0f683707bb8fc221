package com.overdue.collections.bench;

import com.overdue.collections.bench.CapacityMeter.OpFigures;
import com.overdue.collections.bench.CapacityMeter.Reading;
import com.overdue.collections.core.application.CollectionsSettings;
import com.overdue.collections.core.application.IngestEventUseCase;
import com.overdue.collections.core.application.IngestOutcome;
import com.overdue.collections.core.application.OverdueScanUseCase;
import com.overdue.collections.core.application.ScanSummary;
import com.overdue.collections.core.delinquency.DelinquencyStatus;
import com.overdue.collections.core.ingest.CollectionsEvent;
import com.overdue.collections.core.ingest.EventParser;
import com.overdue.collections.core.ingest.EventPayload.LoanBooked;
import com.overdue.collections.core.ingest.LoanTermsFactory;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.port.LoanChange;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.emulators.EmbeddedDynamoDb;
import com.overdue.collections.lambda.dynamodb.DynamoDbLoanRepository;
import com.overdue.collections.lambda.dynamodb.LoanTable;
import com.overdue.collections.lambda.engine.CollectionsEngine;
import com.overdue.collections.lambda.engine.EngineAdapters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmark of the daily overdue scan on DynamoDB Local (bench/run.sh; not a test): loads a book of loans, a few
 * percent overdue, through the real ingest use case, then per business date times a plain query/put loop over the
 * index range (the baseline) and the real {@link OverdueScanUseCase}, metering every DynamoDB request.
 * Writes the figures to stdout and to bench/RESULTS.md between the result markers.
 */
public final class ScanBenchmark {

    static final String NAME = "scan";

    /** What one benchmark run is asked to do. */
    record Options(int loans, int overduePercent, int installments, int shards, ZoneId zone, LocalDate businessDate,
                   int days, int threads, String load, int warmupLoans, Path results, ReturnConsumedCapacity mode) {
    }

    /** {@code bench scan}: the options of one run. */
    @Command(name = NAME, mixinStandardHelpOptions = true, sortOptions = false,
            description = "The daily overdue scan over a book of loans, a few percent overdue, against a plain "
                    + "query/put loop over the same index range; figures to stdout and bench/RESULTS.md.")
    static final class Cli implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(paramLabel = "N", names = "--loans", defaultValue = "20000",
                description = "Loans booked (default: ${DEFAULT-VALUE}).")
        int loans;
        @Option(paramLabel = "N", names = "--overdue-percent", defaultValue = "5",
                description = "Share overdue, 0..100 (default: ${DEFAULT-VALUE}).")
        int overduePercent;
        @Mixin
        BookOptions book;
        @Option(paramLabel = "N", names = "--days", defaultValue = "3",
                description = "Business dates measured (default: ${DEFAULT-VALUE}).")
        int days;
        @Option(paramLabel = "N", names = "--threads", defaultValue = "8",
                description = "Scan threads (default: ${DEFAULT-VALUE}).")
        int threads;
        @Option(paramLabel = "mixed|usecase|direct", names = "--load", defaultValue = "mixed",
                description = "How the book is loaded: mixed, usecase or direct (default: ${DEFAULT-VALUE}).")
        String load;
        @Option(paramLabel = "N", names = "--warmup-loans", defaultValue = "2000",
                description = "Loans of the discarded warm-up run, 0: none (default: ${DEFAULT-VALUE}).")
        int warmupLoans;

        @Override
        public Integer call() throws Exception {
            BenchCli.atLeast(spec, "--loans", loans, 1);
            BenchCli.between(spec, "--overdue-percent", overduePercent, 0, 100);
            book.validate(spec);
            BenchCli.atLeast(spec, "--days", days, 1);
            BenchCli.atLeast(spec, "--threads", threads, 1);
            BenchCli.atLeast(spec, "--warmup-loans", warmupLoans, 0);
            if (!List.of("usecase", "direct", "mixed").contains(load)) {
                throw new ParameterException(spec.commandLine(), "--load must be usecase, direct or mixed");
            }
            run(new Options(loans, overduePercent, book.installments, book.shards, book.zone, book.businessDate, days,
                    threads, load, warmupLoans, book.results, book.mode));
            return 0;
        }
    }

    record LoadResult(String mode, int loans, double seconds, Reading reading) {
    }

    record Probes(long pages, long emptyPages, long pagesWithHealthy, long overdueReturned, long healthyReturned,
                  long loanLookups, long healthyLookups, long eventReads, long saves, long savesOfHealthy) {

        static Probes of(CountingLoanRepository r) {
            return new Probes(r.pages.sum(), r.emptyPages.sum(), r.pagesWithHealthy.sum(), r.overdueReturned.sum(),
                    r.healthyReturned.sum(), r.loanLookups.sum(), r.healthyLookups.sum(), r.eventReads.sum(),
                    r.saves.sum(), r.savesOfHealthy.sum());
        }
    }

    record DayResult(LocalDate date, ScanSummary summary, double scanSeconds, Reading scan, Probes probes,
                     long workItems, long sqsBatches, double baselineSeconds, long baselineItems, Reading baseline,
                     double scanCpuSeconds, double baselineCpuSeconds, double loadAverage, double readOnlySeconds,
                     long readOnlyItems) {

        double scanRate() {
            return summary.loansScanned() / scanSeconds;
        }

        double baselineRate() {
            return baselineItems / baselineSeconds;
        }

        double readOnlyRate() {
            return readOnlyItems / readOnlySeconds;
        }
    }

    record Census(long indexEntries, long inRange) {
    }

    /** A scan for a business date on which no loan is due (every loan's review date is later). */
    record QuietDay(LocalDate date, ScanSummary summary, Reading reading, Probes probes) {
    }

    record RunResult(Options options, int overdue, int healthy, LoadResult load, Census census, List<DayResult> days,
                     double metaItemBytes, QuietDay quiet) {
    }

    private static final String TABLE = "collections";
    private static final String WARMUP_TABLE = "collections-warmup";
    private static final int PAGE_SIZE = 100; // as OverdueScanUseCase reads the index

    private final Options options;
    private final DynamoDbClient client;
    private final CapacityMeter meter;

    private ScanBenchmark(Options options, DynamoDbClient client, CapacityMeter meter) {
        this.options = options;
        this.client = client;
        this.meter = meter;
    }

    static void run(Options options) throws Exception {
        long started = System.nanoTime();
        CapacityMeter meter = new CapacityMeter(options.mode(), "PK", "SK", List.of("reviewShard", "reviewAt"));
        try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start();
             DynamoDbClient client = DynamoDbClient.builder()
                     .endpointOverride(dynamo.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench",
                             "bench")))
                     .httpClientBuilder(ApacheHttpClient.builder().maxConnections(Math.max(8, options.threads() * 2))
                             .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(60)))
                     .overrideConfiguration(c -> c.addExecutionInterceptor(meter))
                     .build()) {
            ScanBenchmark bench = new ScanBenchmark(options, client, meter);
            if (options.warmupLoans() > 0) {
                log("warm-up: %d loans in table %s (JIT for load, baseline and scan; figures discarded)",
                        options.warmupLoans(), WARMUP_TABLE);
                bench.run(WARMUP_TABLE, options.warmupLoans(), 1);
            }
            RunResult result = bench.run(TABLE, options.loans(), options.days());
            String report = Report.markdown(result, machine(), Duration.ofNanos(System.nanoTime() - started));
            System.out.println();
            System.out.println(report);
            Report.write(options.results(), NAME, report);
            log("figures written to %s", options.results());
        }
    }

    private RunResult run(String table, int loans, int days) throws Exception {
        LoanTable.create(client, table);
        Portfolio book = new Portfolio(loans, options.overduePercent(), options.installments(), options.zone(),
                options.businessDate(), days);
        int overdue = book.overdueCount();
        // The scan's engine counts what the loan reads return and the work it sends; the load books without it.
        CountingDispatcher dispatcher = new CountingDispatcher();
        CollectionsEngine engine = Harness.engine(client, table, options.shards(),
                        EngineAdapters.builder().workDispatcher(dispatcher).build(), Clock.systemUTC())
                .wrapLoans(real -> new CountingLoanRepository(real, book::isOverdue)).build();
        CountingLoanRepository counting = (CountingLoanRepository) engine.loans();
        OverdueScanUseCase scan = engine.overdueScan();

        LoadResult load = load(book, table);
        Census census = census(table, options.businessDate());
        log("index: %,d entries, %,d due on or before %s (expected %,d overdue)", census.indexEntries(),
                census.inRange(), options.businessDate(), overdue);

        List<DayResult> results = new ArrayList<>();
        double metaBytes = 0;
        for (int d = 0; d < days; d++) {
            LocalDate date = options.businessDate().plusDays(d);

            System.gc();
            long tr = System.nanoTime();
            long readOnlyItems = baseline(table, date, false);
            double readOnlySeconds = seconds(tr);

            System.gc();
            meter.reset();
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            long baselineItems = baseline(table, date, true);
            double baselineSeconds = seconds(t0);
            double baselineCpu = (cpuNanos() - c0) / 1e9;
            Reading baseline = meter.read();

            System.gc();
            meter.reset();
            counting.reset();
            dispatcher.reset();
            long c1 = cpuNanos();
            long t1 = System.nanoTime();
            ScanSummary summary = scan.scan(options.zone(), date);
            double scanSeconds = seconds(t1);
            double scanCpu = (cpuNanos() - c1) / 1e9;
            Reading reading = meter.read();
            DayResult day = new DayResult(date, summary, scanSeconds, reading, Probes.of(counting),
                    dispatcher.items.sum(), dispatcher.sqsBatches.sum(), baselineSeconds, baselineItems, baseline,
                    scanCpu, baselineCpu, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    readOnlySeconds, readOnlyItems);
            results.add(day);
            CapacityMeter.KindFigures meta = reading.kind("META");
            metaBytes = meta.writes() == 0 ? metaBytes : meta.avgBytes();
            log("%s %s: scan %,d loans in %.2f s (%,.0f loans/s); baseline %,d items in %.2f s (%,.0f items/s); "
                            + "ratio %.2f; query-only %,.0f items/s; healthy loans read %d; requests %,d",
                    table, date, summary.loansScanned(), scanSeconds, day.scanRate(), baselineItems, baselineSeconds,
                    day.baselineRate(), day.scanRate() / day.baselineRate(), day.readOnlyRate(),
                    day.probes().healthyReturned(), reading.total().requests());
            if (summary.loansScanned() != overdue) {
                log("WARNING: scanned %d loans, expected the %d overdue ones", summary.loansScanned(), overdue);
            }
        }
        // A day on which nothing is due: a year before the first business date every loan of the book is in the
        // index with a later review date, so the scan should cost one empty Query per shard and nothing else.
        LocalDate quietDate = options.businessDate().minusYears(1);
        meter.reset();
        counting.reset();
        ScanSummary quietSummary = scan.scan(options.zone(), quietDate);
        QuietDay quiet = new QuietDay(quietDate, quietSummary, meter.read(), Probes.of(counting));
        log("%s %s (nothing due): %d loans scanned, %d requests, RCU reported %.1f / model %.1f", table, quietDate,
                quietSummary.loansScanned(), quiet.reading().total().requests(), quiet.reading().total().reportedRcu(),
                quiet.reading().total().modelRcu());
        return new RunResult(options, overdue, loans - overdue, load, census, results, metaBytes, quiet);
    }

    /**
     * Books every loan, in parallel: {@code usecase} sends every LoanBooked through the ingest use case,
     * {@code direct} saves only the META record the use case would write, {@code mixed} does the former for the
     * overdue loans (those the scan touches, with their event, borrower and bucket records) and the latter for the
     * healthy ones (which the scan must never read).
     */
    private LoadResult load(Portfolio book, String table) throws Exception {
        LocalDate ingestDate = options.businessDate().minusDays(1);
        Clock clock = Clock.fixed(ZonedDateTime.of(ingestDate, LocalTime.NOON, options.zone()).toInstant(),
                options.zone());
        CollectionsEngine engine = Harness.engine(client, table, options.shards(), EngineAdapters.builder().build(),
                clock).build();
        IngestEventUseCase ingest = engine.ingest();
        DynamoDbLoanRepository repository = engine.repository();
        CollectionsSettings settings = engine.rules();
        EventParser parser = new EventParser();
        int loans = book.size();
        int threads = options.threads();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<String> firstProblem = new AtomicReference<>();
        System.gc();
        meter.reset();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < loans; i = next.getAndIncrement()) {
                        String json = book.loanBooked(i);
                        if (options.load().equals("usecase")
                                || options.load().equals("mixed") && book.isOverdue(i)) {
                            IngestOutcome outcome = ingest.ingest(json);
                            if (!(outcome instanceof IngestOutcome.Applied)) {
                                firstProblem.compareAndSet(null, outcome.toString());
                            }
                        } else {
                            repository.save(direct(settings, parser.parse(json), ingestDate));
                        }
                        int n = done.incrementAndGet();
                        if (loans >= 10_000 && n % (loans / 10) == 0) {
                            log("  loaded %,d / %,d loans (%.0f s)", n, loans, seconds(t0));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = seconds(t0);
        if (firstProblem.get() != null) {
            throw new IllegalStateException("an event was not applied: " + firstProblem.get());
        }
        log("loaded %,d loans via %s in %.1f s (%,.0f loans/s)", loans, options.load(), seconds, loans / seconds);
        return new LoadResult(options.load(), loans, seconds, meter.read());
    }

    /** The loan record the ingest use case would write for a LoanBooked on {@code ingestDate}, alone. */
    private static LoanChange direct(CollectionsSettings settings, CollectionsEvent event, LocalDate ingestDate) {
        LoanBooked booked = (LoanBooked) event.payload();
        LoanTerms terms = LoanTermsFactory.from(event.loanId(), booked);
        LoanPosition position = settings.replay().replay(terms, List.of(event), ingestDate);
        DelinquencyStatus status = settings.evaluator().evaluate(position);
        LoanRecord record = new LoanRecord(terms, position, status, 1,
                settings.reviewSchedule().nextReview(position, position.asOf().minusDays(1), null));
        return new LoanChange(record, 0, null, null, null);
    }

    /**
     * The baseline: the same index range as the scan, one Query page of {@value #PAGE_SIZE} per request per shard,
     * and one plain PutItem per item returned, writing the item back unchanged (same size; no domain logic, no
     * condition, no snapshot decoding). Without {@code put}: the Query pages alone (a read-only reference).
     */
    private long baseline(String table, LocalDate date, boolean put) {
        long items = 0;
        for (int shard = 0; shard < options.shards(); shard++) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse page = client.query(queryInRange(table, shard, date, start).limit(PAGE_SIZE).build());
                for (Map<String, AttributeValue> item : page.items()) {
                    if (put) {
                        client.putItem(p -> p.tableName(table).item(item));
                    }
                    items++;
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
        }
        return items;
    }

    private QueryRequest.Builder queryInRange(String table, int shard, LocalDate date,
                                              Map<String, AttributeValue> start) {
        return queryInRange(table, shard, date + "#\uffff", start);
    }

    private QueryRequest.Builder queryInRange(String table, int shard, String upTo,
                                              Map<String, AttributeValue> start) {
        // Same key as DynamoDbLoanRepository.shardKey (package-private there).
        String shardKey = String.format("REVIEW#%s#%02d", options.zone().getId(), shard);
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(LoanTable.REVIEW_INDEX)
                .keyConditionExpression("reviewShard = :s AND reviewAt <= :d")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(shardKey),
                        ":d", AttributeValue.fromS(upTo)));
        if (start != null) {
            q.exclusiveStartKey(start);
        }
        return q;
    }

    /** How many loans the index holds, and how many of them are due on or before {@code date}. */
    private Census census(String table, LocalDate date) {
        // Per-shard COUNT queries, not a Scan of the index: DynamoDB Local pages a Scan ever more slowly as the
        // table grows (minutes at 100,000 items of 4 KB), while a Query stays within its partition.
        return new Census(count(table, "\uffff"), count(table, date + "#\uffff"));
    }

    /** Index entries with {@code reviewAt <= upTo}, over every shard of the zone. */
    private long count(String table, String upTo) {
        long n = 0;
        for (int shard = 0; shard < options.shards(); shard++) {
            Map<String, AttributeValue> start = null;
            do {
                QueryRequest.Builder q = queryInRange(table, shard, upTo, start).select(Select.COUNT);
                QueryResponse page = client.query(q.build());
                n += page.count();
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
        }
        return n;
    }

    private static long cpuNanos() {
        return Harness.cpuNanos();
    }

    private static double seconds(long since) {
        return Harness.seconds(since);
    }

    static void log(String format, Object... args) {
        Harness.log(format, args);
    }

    static Map<String, String> machine() {
        return Harness.machine();
    }
}

package com.overdue.collections.bench;

import com.overdue.collections.bench.CapacityMeter.KindFigures;
import com.overdue.collections.bench.CapacityMeter.OpFigures;
import com.overdue.collections.bench.CapacityMeter.Reading;
import com.overdue.collections.bench.Harness.Measured;
import com.overdue.collections.core.application.IngestEventUseCase;
import com.overdue.collections.core.application.IngestOutcome;
import com.overdue.collections.core.application.OverdueScanUseCase;
import com.overdue.collections.core.application.PenaltyAccrualUseCase;
import com.overdue.collections.core.application.ScanSummary;
import com.overdue.collections.core.port.WorkDispatcher;
import com.overdue.collections.core.port.WorkItem;
import com.overdue.collections.lambda.dynamodb.LoanTable;
import com.overdue.collections.lambda.engine.CollectionsEngine;
import com.overdue.collections.lambda.engine.EngineAdapters;
import com.overdue.collections.lambda.engine.UnitOfWork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

/**
 * The daily scan followed by the {@code penaltyAccrual} worker ({@link PenaltyAccrualUseCase} on
 * {@link DynamoDbPenaltyLedger}) over a book of overdue loans, for several consecutive business dates, on DynamoDB
 * Local. Reports write units per overdue loan-day (scan and accrual separately and together; goal ≤ 2, ≤ 3 once the
 * escalation decision is added), where they go (by item kind and size), and the accrual throughput as a ratio to a
 * raw loop of conditional PutItems of the same item size in the same run.
 *
 * <p>Every loan is overdue. The loans are booked through the ingest use case the day before a priming date; the
 * priming date runs scan + accrual once unmeasured, so the catch-up of the days missed before the book existed (one
 * DPI# item per missed day) is not counted as daily cost. The measured dates then each cost what a normal day costs.
 */
public final class AccrualBenchmark {

    static final String NAME = "accrual";
    private static final String TABLE = "collections";
    private static final String WARMUP_TABLE = "collections-warmup";

    record Options(int loans, int days, int installments, int shards, ZoneId zone, LocalDate businessDate,
                   int threads, int warmupLoans, Path results, ReturnConsumedCapacity mode) {
    }

    /** {@code bench accrual}: the options of one run. */
    @Command(name = NAME, mixinStandardHelpOptions = true, sortOptions = false,
            description = "The scan and the penalty accrual over consecutive business dates, every loan overdue; "
                    + "figures to stdout and bench/RESULTS.md.")
    static final class Cli implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(paramLabel = "N", names = "--loans", defaultValue = "1000",
                description = "Overdue loans (all of them are; default: ${DEFAULT-VALUE}).")
        int loans;
        @Option(paramLabel = "N", names = "--days", defaultValue = "5",
                description = "Measured business dates, 1..5 (default: ${DEFAULT-VALUE}).")
        int days;
        @Mixin
        BookOptions book;
        @Option(paramLabel = "N", names = "--threads", defaultValue = "4",
                description = "Worker threads (default: ${DEFAULT-VALUE}).")
        int threads;
        @Option(paramLabel = "N", names = "--warmup-loans", defaultValue = "100",
                description = "Loans of the discarded warm-up run, 0: none (default: ${DEFAULT-VALUE}).")
        int warmupLoans;

        @Override
        public Integer call() throws Exception {
            BenchCli.atLeast(spec, "--loans", loans, 1);
            BenchCli.between(spec, "--days", days, 1, 5);
            book.validate(spec);
            BenchCli.atLeast(spec, "--threads", threads, 1);
            BenchCli.atLeast(spec, "--warmup-loans", warmupLoans, 0);
            run(new Options(loans, days, book.installments, book.shards, book.zone, book.businessDate, threads,
                    warmupLoans, book.results, book.mode));
            return 0;
        }
    }

    /** One measured business date. */
    record DayResult(LocalDate date, ScanSummary summary, Measured<ScanSummary> scan, int workItems,
                     Measured<long[]> accrual, Measured<Long> raw, double penItemBytes, double loadAverage) {

        long postings() {
            return accrual.value()[0];
        }

        long adjustments() {
            return accrual.value()[1];
        }

        double accrualRate() {
            return workItems / accrual.seconds();
        }

        double rawRate() {
            return raw.value() / raw.seconds();
        }
    }

    record RunResult(Options options, double loadSeconds, Reading load, long primingPostings, List<DayResult> days,
                     Map<String, Integer> metaAttributes) {
    }

    private final Options options;
    private final Harness h;

    private AccrualBenchmark(Options options, Harness h) {
        this.options = options;
        this.h = h;
    }

    static void run(Options options) throws Exception {
        long started = System.nanoTime();
        try (Harness h = Harness.start(options.mode(), options.threads())) {
            AccrualBenchmark bench = new AccrualBenchmark(options, h);
            if (options.warmupLoans() > 0) {
                log("warm-up: %d loans, 2 days in table %s (figures discarded)", options.warmupLoans(), WARMUP_TABLE);
                bench.run(WARMUP_TABLE, options.warmupLoans(), 2);
            }
            RunResult result = bench.run(TABLE, options.loans(), options.days());
            String report = markdown(result, Harness.machine(), Duration.ofNanos(System.nanoTime() - started));
            System.out.println();
            System.out.println(report);
            Report.write(options.results(), NAME, report);
            log("figures written to %s", options.results());
        }
    }

    private RunResult run(String table, int loans, int days) throws Exception {
        LoanTable.create(h.client, table);
        Portfolio book = new Portfolio(loans, 100, options.installments(), options.zone(), options.businessDate(),
                days);
        CollectingDispatcher dispatcher = new CollectingDispatcher();
        CollectionsEngine engine = h.engine(table, options.shards(),
                EngineAdapters.builder().workDispatcher(dispatcher).build(), Clock.systemUTC()).build();
        PenaltyAccrualUseCase accrual = engine.penaltyAccrual();
        OverdueScanUseCase scan = engine.overdueScan();

        LocalDate priming = options.businessDate().minusDays(1);
        Measured<Integer> load = h.measure(() -> load(book, table, priming.minusDays(1)));
        log("%s: booked %,d overdue loans through IngestEventUseCase in %.1f s", table, loans, load.seconds());

        dispatcher.work.clear();
        scan.scan(options.zone(), priming);
        List<WorkItem> primingWork = List.copyOf(dispatcher.work);
        long[] primed = accrueAll(accrual, primingWork);
        log("%s: priming date %s: %,d work items, %,d catch-up postings (not counted)", table, priming,
                primingWork.size(), primed[0]);

        List<DayResult> results = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate date = options.businessDate().plusDays(d);
            dispatcher.work.clear();
            Measured<ScanSummary> s = h.measure(() -> scan.scan(options.zone(), date));
            List<WorkItem> work = List.copyOf(dispatcher.work);
            Measured<long[]> a = h.measure(() -> accrueAll(accrual, work));
            double penBytes = a.reading().kind("DPI").avgBytes();
            Measured<Long> r = h.measure(() -> rawLoop(table, work, date, (int) Math.round(penBytes)));
            DayResult day = new DayResult(date, s.value(), s, work.size(), a, r, penBytes, Harness.loadAverage());
            results.add(day);
            log("%s %s: scan %,d loans %.2f s, WCU reported %.0f / model %.0f; accrual %,d items %.2f s "
                            + "(%,.0f/s, %,d postings, WCU reported %.0f / model %.0f); raw conditional put %,.0f/s; "
                            + "ratio %.2f", table, date, s.value().loansScanned(), s.seconds(),
                    s.reading().total().reportedWcu(), s.reading().total().modelWcu(), work.size(), a.seconds(),
                    day.accrualRate(), day.postings(), a.reading().total().reportedWcu(),
                    a.reading().total().modelWcu(), day.rawRate(), day.accrualRate() / day.rawRate());
        }
        return new RunResult(options, load.seconds(), load.reading(), primed[0], results,
                metaAttributes(table, Portfolio.loanId(0)));
    }

    /** Books every loan through the ingest use case, {@code threads} at a time. */
    private int load(Portfolio book, String table, LocalDate ingestDate) throws Exception {
        Clock clock = Clock.fixed(ZonedDateTime.of(ingestDate, LocalTime.NOON, options.zone()).toInstant(),
                options.zone());
        // The same engine on a clock stopped at the booking time: ingest dates its records by the clock.
        IngestEventUseCase ingest = h.engine(table, options.shards(), EngineAdapters.builder().build(), clock).build()
                .ingest();
        AtomicReference<String> problem = new AtomicReference<>();
        parallel(book.size(), i -> {
            IngestOutcome outcome = ingest.ingest(book.loanBooked(i));
            if (!(outcome instanceof IngestOutcome.Applied)) {
                problem.compareAndSet(null, outcome.toString());
            }
        });
        if (problem.get() != null) {
            throw new IllegalStateException("an event was not applied: " + problem.get());
        }
        return book.size();
    }

    /**
     * The worker, as its SQS queue would drive it: one {@code accrue} per work item, {@code threads} at a time, each
     * in the unit of work the function opens for it ({@code WorkMessages}: one read of the loan's working set).
     */
    private long[] accrueAll(PenaltyAccrualUseCase accrual, List<WorkItem> work) throws Exception {
        LongAdder postings = new LongAdder();
        LongAdder adjustments = new LongAdder();
        parallel(work.size(), i -> {
            WorkItem item = work.get(i);
            UnitOfWork.runWorkItem(item.businessDate(), () -> {
                PenaltyAccrualUseCase.Result r = accrual.accrue(item.loanId(), item.businessDate());
                postings.add(r.daysPosted());
                adjustments.add(r.adjustmentsPosted());
            });
        });
        return new long[] {postings.sum(), adjustments.sum()};
    }

    /**
     * The reference: one conditional PutItem ({@code attribute_not_exists(PK)}, as the penalty ledger writes) per
     * work item, of an item as large as the average DPI# item of the day, under the same loan partition, same
     * threads, same client. No reads, no replay, no JSON.
     */
    private long rawLoop(String table, List<WorkItem> work, LocalDate date, int itemBytes) throws Exception {
        parallel(work.size(), i -> {
            String pk = "LOAN#" + work.get(i).loanId();
            String sk = "RAW#" + date;
            int fixed = "PK".length() + pk.length() + "SK".length() + sk.length() + "body".length();
            String body = "x".repeat(Math.max(1, itemBytes - fixed));
            h.client.putItem(p -> p.tableName(table).conditionExpression("attribute_not_exists(PK)")
                    .item(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk),
                            "body", AttributeValue.fromS(body))));
        });
        return (long) work.size();
    }

    private void parallel(int n, IntConsumer task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < options.threads(); t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        task.accept(i);
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
    }

    /** The billed size of each attribute of one loan's META item (read unmetered, after the run). */
    private Map<String, Integer> metaAttributes(String table, String loanId) {
        h.meter.reset();
        Map<String, AttributeValue> item = h.client.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Map.of("PK", AttributeValue.fromS("LOAN#" + loanId), "SK", AttributeValue.fromS("META"))))
                .item();
        h.meter.reset();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        item.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                sizes.put(e.getKey(), ItemSize.of(Map.of(e.getKey(), e.getValue()))));
        sizes.put("(whole item)", ItemSize.of(item));
        AttributeValue snapshot = item.get("snapshot");
        if (snapshot != null && snapshot.s() != null) {
            sizes.put("(snapshot gzip-compressed, as a B attribute would bill)", gzipSize(snapshot.s()));
        }
        return sizes;
    }

    private static int gzipSize(String text) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.size();
    }

    /** Keeps the work items the scan sends, for the worker to process. */
    private static final class CollectingDispatcher implements WorkDispatcher {
        final List<WorkItem> work = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void dispatch(List<WorkItem> items) {
            work.addAll(items);
        }
    }

    private static void log(String format, Object... args) {
        Harness.log(format, args);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Report

    static String markdown(RunResult r, Map<String, String> machine, Duration wall) {
        Options o = r.options();
        List<DayResult> days = r.days();
        long loanDays = days.stream().mapToLong(d -> d.summary().loansScanned()).sum();
        long postings = days.stream().mapToLong(DayResult::postings).sum();
        long adjustments = days.stream().mapToLong(DayResult::adjustments).sum();
        Reading scan = Reading.sum(days.stream().map(d -> d.scan().reading()).toList());
        Reading accrual = Reading.sum(days.stream().map(d -> d.accrual().reading()).toList());
        Reading raw = Reading.sum(days.stream().map(d -> d.raw().reading()).toList());
        Reading both = Reading.sum(List.of(scan, accrual));
        long rawItems = days.stream().mapToLong(d -> d.raw().value()).sum();
        long changes = days.stream().mapToLong(d -> d.summary().delinquencyChanges()).sum();
        double accrualRate = median(days.stream().mapToDouble(DayResult::accrualRate).toArray());
        double rawRate = median(days.stream().mapToDouble(DayResult::rawRate).toArray());
        double ratio = median(days.stream().mapToDouble(d -> d.accrualRate() / d.rawRate()).toArray());
        double scanRate = median(days.stream().mapToDouble(d -> d.summary().loansScanned() / d.scan().seconds())
                .toArray());

        StringBuilder md = new StringBuilder();
        md.append("## Scan + penalty accrual: results of ").append(ZonedDateTime.now().format(
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))).append("\n\n");
        md.append("### Machine\n\n");
        machine.forEach((k, v) -> {
            if (v.contains("\n")) {
                md.append("- `").append(k).append("`:\n\n```\n").append(v).append("\n```\n");
            } else {
                md.append("- ").append(k).append(": ").append(v).append('\n');
            }
        });
        md.append("\n### Parameters\n\n");
        md.append(String.format(Locale.ROOT, "`--loans %d --days %d --installments %d --shards %d --zone %s "
                        + "--business-date %s --threads %d --warmup-loans %d --capacity %s`%n%n", o.loans(), o.days(),
                o.installments(), o.shards(), o.zone().getId(), o.businessDate(), o.threads(), o.warmupLoans(),
                o.mode()));
        md.append(String.format(Locale.ROOT, "%,d loans, all overdue (days past due 1..%d on %s; product "
                        + "US-CONSUMER-INSTALMENT: penalty 10%%/yr ACT/360 on overdue principal after 10 grace days, "
                        + "so loans in grace post nothing), %d instalments each, booked through `IngestEventUseCase` "
                        + "in %.1f s. Priming date %s (scan + accrual, not counted: %,d catch-up postings). Then %d "
                        + "measured business dates, each: `OverdueScanUseCase` → work items → "
                        + "`PenaltyAccrualUseCase.accrue` per item (%d threads) → raw conditional-put loop (same "
                        + "threads). Whole run: %.0f s.%n%n", o.loans(), Portfolio.MAX_DAYS_PAST_DUE,
                o.businessDate(), o.installments(), r.loadSeconds(), o.businessDate().minusDays(1),
                r.primingPostings(), days.size(), o.threads(), wall.toMillis() / 1000.0));

        md.append("### Headline figures (per overdue loan-day)\n\n");
        md.append(String.format(Locale.ROOT, "%,d overdue loan-days; %,d DPI# day postings and %,d adjustments; "
                + "%,d bucket/severity changes.%n%n", loanDays, postings, adjustments, changes));
        md.append("| figure | scan | accrual | scan + accrual | goal |\n|---|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| **WCU, reported by DynamoDB Local** | %s | %s | **%s** | ≤ 2 "
                        + "(≤ 3 with escalation) |%n", per(scan.total().reportedWcu(), loanDays),
                per(accrual.total().reportedWcu(), loanDays), per(both.total().reportedWcu(), loanDays)));
        md.append(String.format(Locale.ROOT, "| **WCU, item-size model** (table + index) | %s (%s + %s) "
                        + "| %s (%s + %s) | **%s** | ≤ 2 |%n", per(scan.total().modelWcu(), loanDays),
                per(scan.total().modelTableWcu(), loanDays), per(scan.total().modelIndexWcu(), loanDays),
                per(accrual.total().modelWcu(), loanDays), per(accrual.total().modelTableWcu(), loanDays),
                per(accrual.total().modelIndexWcu(), loanDays), per(both.total().modelWcu(), loanDays)));
        md.append(String.format(Locale.ROOT, "| RCU, reported / model | %s / %s | %s / %s | %s / %s | |%n",
                per(scan.total().reportedRcu(), loanDays), per(scan.total().modelRcu(), loanDays),
                per(accrual.total().reportedRcu(), loanDays), per(accrual.total().modelRcu(), loanDays),
                per(both.total().reportedRcu(), loanDays), per(both.total().modelRcu(), loanDays)));
        md.append(String.format(Locale.ROOT, "| requests | %s (%s) | %s (%s) | %s | |%n",
                per(scan.total().requests(), loanDays), Report.perOp(scan, loanDays),
                per(accrual.total().requests(), loanDays), Report.perOp(accrual, loanDays),
                per(both.total().requests(), loanDays)));
        md.append('\n');
        md.append("| throughput | value |\n|---|---:|\n");
        md.append(Report.row("scan (median of days)", String.format(Locale.ROOT, "%,.0f loans/s", scanRate)));
        md.append(Report.row("accrual (median of days)", String.format(Locale.ROOT, "**%,.0f work items/s**",
                accrualRate)));
        md.append(Report.row("raw conditional PutItem loop, same item size, same threads (median)",
                String.format(Locale.ROOT, "%,.0f items/s", rawRate)));
        md.append(Report.row("accrual / raw (median of per-day ratios)", String.format(Locale.ROOT, "**%.2f**",
                ratio)));
        md.append('\n');

        md.append("### Where the write units go (model, per overdue loan-day, by item written)\n\n");
        md.append("| item | writes per loan-day | avg bytes | WCU table | WCU index | WCU total |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (KindFigures k : both.byKind().values()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %s | %s | %s |%n", k.kind(),
                    per(k.writes(), loanDays), k.avgBytes(), per(k.modelTableWcu(), loanDays),
                    per(k.modelIndexWcu(), loanDays), per(k.modelWcu(), loanDays)));
        }
        md.append('\n');
        md.append("META item of one loan, billed bytes per attribute: ");
        List<String> parts = new ArrayList<>();
        r.metaAttributes().forEach((k, v) -> parts.add(String.format(Locale.ROOT, "`%s` %,d", k, v)));
        md.append(String.join(", ", parts)).append(".\n\n");

        md.append(whatIf(r, both, loanDays));

        md.append("### Per business date\n\n");
        md.append("| date | loans scanned | bucket changes | postings (adj.) | scan WCU rep. / model | accrual WCU "
                + "rep. / model | WCU per loan-day rep. / model | DPI# bytes | scan s | accrual s | accrual items/s "
                + "| raw puts/s | ratio | load avg |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (DayResult d : days) {
            OpFigures s = d.scan().reading().total();
            OpFigures a = d.accrual().reading().total();
            long n = d.summary().loansScanned();
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d (%,d) | %s / %s | %s / %s | %s / %s | %,.0f "
                            + "| %.2f | %.2f | %,.0f | %,.0f | %.2f | %.2f |%n", d.date(), n,
                    d.summary().delinquencyChanges(), d.postings(), d.adjustments(), Report.num(s.reportedWcu(), 0),
                    Report.num(s.modelWcu(), 0), Report.num(a.reportedWcu(), 0), Report.num(a.modelWcu(), 0),
                    per(s.reportedWcu() + a.reportedWcu(), n), per(s.modelWcu() + a.modelWcu(), n), d.penItemBytes(),
                    d.scan().seconds(), d.accrual().seconds(), d.accrualRate(), d.rawRate(),
                    d.accrualRate() / d.rawRate(), d.loadAverage()));
        }
        md.append('\n');
        md.append("### Scan requests by operation (all measured dates, per overdue loan-day)\n\n");
        md.append(Report.opTable(scan, loanDays, "loan-day"));
        md.append("### Accrual requests by operation (all measured dates, per overdue loan-day)\n\n");
        md.append(Report.opTable(accrual, loanDays, "loan-day"));
        md.append("### Raw conditional-put loop (per item)\n\n");
        md.append(Report.opTable(raw, rawItems, "item"));
        return md.toString();
    }

    /**
     * The arithmetic of the goal: the headroom left for the escalation decision, and what the META writes would
     * cost if the snapshot were stored gzip-compressed (same writes, smaller item; model rules).
     */
    private static String whatIf(RunResult r, Reading both, long loanDays) {
        double total = both.total().modelWcu() / loanDays;
        double reported = both.total().reportedWcu() / loanDays;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Headroom for the escalation decision under the ≤ 3 goal: %s WCU per "
                + "overdue loan-day by the model (%s by DynamoDB Local's figures), i.e. one write of an item ≤ 1 KB "
                + "per loan-day fits; one more rewrite of the META item (%s WCU plain, %s in a transaction, + %s for "
                + "its index entry) does not.%n%n", Report.num(3 - total, 2), Report.num(3 - reported, 2),
                ItemSize.writeUnits(metaBytes(r)), 2 * ItemSize.writeUnits(metaBytes(r)),
                ItemSize.writeUnits(metaBytes(r))));
        Integer whole = r.metaAttributes().get("(whole item)");
        Integer snapshot = r.metaAttributes().get("snapshot");
        Integer gzip = r.metaAttributes().get("(snapshot gzip-compressed, as a B attribute would bill)");
        KindFigures meta = both.kind("META (transaction)");
        if (whole != null && snapshot != null && gzip != null && meta.writes() > 0) {
            int smaller = whole - snapshot + gzip;
            int units = ItemSize.writeUnits(smaller);
            double now = meta.modelWcu();
            double then = meta.writes() * (2.0 * units + units);
            s.append(String.format(Locale.ROOT, "If the snapshot were stored gzip-compressed (a B attribute): META "
                            + "%,d → %,d bytes, %d → %d WCU per write; a bucket change's META write would cost %s "
                            + "instead of %s WCU (transaction + index entry), and scan + accrual %s instead of %s WCU "
                            + "per overdue loan-day by the model.%n%n", whole, smaller,
                    ItemSize.writeUnits(whole), units, Report.num(3.0 * units, 0),
                    Report.num(now / meta.writes(), 0), Report.num(total - (now - then) / loanDays, 3),
                    Report.num(total, 3)));
        }
        return s.toString();
    }

    private static int metaBytes(RunResult r) {
        return r.metaAttributes().getOrDefault("(whole item)", 0);
    }

    private static String per(double v, long n) {
        return n == 0 ? "–" : Report.num(v / n, 3);
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}

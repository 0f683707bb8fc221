package com.overdue.collections.bench;

import com.overdue.collections.core.application.IngestEventUseCase;
import com.overdue.collections.core.application.IngestOutcome;
import com.overdue.collections.core.application.OverdueScanUseCase;
import com.overdue.collections.lambda.dynamodb.LoanTable;
import com.overdue.collections.lambda.engine.CollectionsEngine;
import com.overdue.collections.lambda.engine.EngineAdapters;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts what the courtesy reminder costs the daily scan (bench/run.sh courtesy; not a test): books healthy loans of
 * a product with the courtesy reminder and of one without, each paid on every due date, scans every day on DynamoDB
 * Local and prints the review-index requests, the index entries returned and the work items per installment.
 */
public final class CourtesyBenchmark {

    private static final int LOANS = 50;
    private static final int INSTALLMENTS = 3;
    private static final LocalDate BOOKED = LocalDate.of(2026, 10, 1);
    private static final LocalDate FIRST_DUE = LocalDate.of(2026, 10, 15);
    private static final int SHARDS = 4;

    /** The figures of one product's run. */
    record Figures(String product, long days, long queries, long entries, long items) {
        double perInstallment(long n) {
            return (double) n / (LOANS * INSTALLMENTS);
        }
    }

    /** {@code bench courtesy}: no options; the figures are exact counts. */
    @Command(name = "courtesy", mixinStandardHelpOptions = true,
            description = "What the courtesy reminder costs the daily scan: review-index requests, entries returned "
                    + "and work items per installment, with and without it (exact counts, not timings).")
    static final class Cli implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            run();
            return 0;
        }
    }

    private CourtesyBenchmark() {
    }

    static void run() throws Exception {
        try (Harness h = Harness.start(ReturnConsumedCapacity.INDEXES, 2)) {
            Figures with = run(h, "courtesy", "US-CONSUMER-INSTALMENT", "US", "USD", ZoneId.of("America/New_York"));
            Figures without = run(h, "plain", "CONSUMER-INSTALMENT", "CN", "CNY", ZoneId.of("Asia/Shanghai"));
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%d healthy loans x %d monthly installments, each paid on its due"
                    + " date; a scan every day %s..%s, %d review shards%n%n", LOANS, INSTALLMENTS, BOOKED.plusDays(1),
                    FIRST_DUE.plusMonths(INSTALLMENTS).plusDays(5), SHARDS));
            out.append("| product | courtesy | index Query requests | per installment | index entries returned |"
                    + " per installment | work items | per installment |\n");
            out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
            for (Figures f : new Figures[] {with, without}) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %d | %.2f | %d | %.2f |%n",
                        f.product(), f == with ? "on" : "off", f.queries(), f.perInstallment(f.queries()),
                        f.entries(), f.perInstallment(f.entries()), f.items(), f.perInstallment(f.items())));
            }
            System.out.println(out);
        }
    }

    private static Figures run(Harness h, String table, String product, String jurisdiction, String currency,
                               ZoneId zone) throws Exception {
        LoanTable.create(h.client, table);
        DayClock clock = new DayClock(zone);
        CountingDispatcher work = new CountingDispatcher();
        CollectionsEngine engine = h.engine(table, SHARDS, EngineAdapters.builder().workDispatcher(work).build(),
                clock).wrapLoans(real -> new CountingLoanRepository(real, i -> false)).build();
        CountingLoanRepository counting = (CountingLoanRepository) engine.loans();
        IngestEventUseCase ingest = engine.ingest();
        OverdueScanUseCase scan = engine.overdueScan();
        clock.set(BOOKED);
        for (int i = 0; i < LOANS; i++) {
            require(ingest.ingest(booked(Portfolio.loanId(i), product, jurisdiction, currency, zone)));
        }
        counting.reset();
        work.reset();
        long queries = 0;
        long days = 0;
        LocalDate last = FIRST_DUE.plusMonths(INSTALLMENTS).plusDays(5);
        for (LocalDate d = BOOKED.plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            clock.set(d);
            for (int seq = 1; seq <= INSTALLMENTS; seq++) {
                if (d.equals(FIRST_DUE.plusMonths(seq - 1))) {
                    for (int i = 0; i < LOANS; i++) {
                        require(ingest.ingest(payment(Portfolio.loanId(i), seq, d, zone)));
                    }
                }
            }
            LocalDate day = d;
            Harness.Measured<Object> m = h.measure(() -> scan.scan(zone, day));
            queries += m.reading().op("Query").requests();
            days++;
        }
        long entries = counting.healthyReturned.sum() + counting.overdueReturned.sum();
        Harness.log("%s: %d days, %d queries, %d entries, %d work items", product, days, queries, entries,
                work.items.sum());
        return new Figures(product, days, queries, entries, work.items.sum());
    }

    private static void require(IngestOutcome outcome) {
        if (!(outcome instanceof IngestOutcome.Applied)) {
            throw new IllegalStateException("event not applied: " + outcome);
        }
    }

    private static String booked(String loanId, String product, String jurisdiction, String currency, ZoneId zone) {
        StringBuilder installments = new StringBuilder();
        for (int seq = 1; seq <= INSTALLMENTS; seq++) {
            installments.append(seq == 1 ? "" : ",").append("{\"seq\":").append(seq).append(",\"dueDate\":\"")
                    .append(FIRST_DUE.plusMonths(seq - 1)).append("\",\"principal\":\"100.00\",\"interest\":\"5.00\","
                    + "\"fees\":\"0.00\"}");
        }
        return "{\"eventId\":\"B-" + loanId + "\",\"type\":\"LoanBooked\",\"schemaVersion\":1,\"occurredAt\":\""
                + at(BOOKED, zone) + "\",\"loanId\":\"" + loanId + "\",\"payload\":{\"borrowerId\":\"B" + loanId
                + "\",\"productCode\":\"" + product + "\",\"currency\":\"" + currency + "\",\"jurisdiction\":\""
                + jurisdiction + "\",\"timeZone\":\"" + zone.getId() + "\",\"principal\":\"" + (100 * INSTALLMENTS)
                + ".00\",\"disbursedOn\":\"" + BOOKED + "\",\"installments\":[" + installments + "],"
                + "\"borrower\":{\"name\":{\"first\":\"Bench\",\"middle\":\"\",\"last\":\"Loan\"},\"locale\":\"en-US\","
                + "\"timeZone\":\"" + zone.getId() + "\",\"email\":\"bench@example.com\",\"phone\":\"+12025550100\"}}}";
    }

    private static String payment(String loanId, int seq, LocalDate on, ZoneId zone) {
        return "{\"eventId\":\"P-" + loanId + "-" + seq + "\",\"type\":\"PaymentReceived\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"" + at(on, zone) + "\",\"loanId\":\"" + loanId + "\",\"payload\":{\"paymentId\":\"P"
                + seq + "\",\"amount\":\"105.00\",\"receivedOn\":\"" + on + "\",\"channel\":\"BANK_TRANSFER\"}}";
    }

    private static Instant at(LocalDate date, ZoneId zone) {
        return date.atTime(LocalTime.NOON).atZone(zone).toInstant();
    }

    /** Noon of the day set, in the loans' zone: the ingest use case takes "today" from its clock. */
    private static final class DayClock extends Clock {
        private final ZoneId zone;
        // Shared with the clocks withZone returns, so that they follow set() too.
        private final AtomicReference<Instant> now;

        DayClock(ZoneId zone) {
            this(zone, new AtomicReference<>(Instant.EPOCH));
        }

        private DayClock(ZoneId zone, AtomicReference<Instant> now) {
            this.zone = zone;
            this.now = now;
        }

        void set(LocalDate day) {
            now.set(at(day, zone));
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new DayClock(z, now);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}

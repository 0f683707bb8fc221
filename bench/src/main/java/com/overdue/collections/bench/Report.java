package com.overdue.collections.bench;

import com.overdue.collections.bench.CapacityMeter.OpFigures;
import com.overdue.collections.bench.CapacityMeter.Reading;
import com.overdue.collections.bench.ScanBenchmark.DayResult;
import com.overdue.collections.bench.ScanBenchmark.Options;
import com.overdue.collections.bench.ScanBenchmark.RunResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** The figures of one run as Markdown, and their place in bench/RESULTS.md. */
final class Report {

    private Report() {
    }

    static String markdown(RunResult r, Map<String, String> machine, Duration wall) {
        Options o = r.options();
        List<DayResult> days = r.days();
        long scanned = days.stream().mapToLong(d -> d.summary().loansScanned()).sum();
        long healthyScans = (long) r.healthy() * days.size();
        Reading scan = sum(days.stream().map(DayResult::scan).toList());
        Reading baseline = sum(days.stream().map(DayResult::baseline).toList());
        long baselineItems = days.stream().mapToLong(DayResult::baselineItems).sum();
        long healthyReturned = days.stream().mapToLong(d -> d.probes().healthyReturned()).sum();
        long overdueReturned = days.stream().mapToLong(d -> d.probes().overdueReturned()).sum();
        long healthyLookups = days.stream().mapToLong(d -> d.probes().healthyLookups()).sum();
        long lookups = days.stream().mapToLong(d -> d.probes().loanLookups()).sum();
        long healthySaves = days.stream().mapToLong(d -> d.probes().savesOfHealthy()).sum();
        long pages = days.stream().mapToLong(d -> d.probes().pages()).sum();
        long emptyPages = days.stream().mapToLong(d -> d.probes().emptyPages()).sum();
        OpFigures query = scan.op("Query");
        OpFigures get = scan.op("GetItem");
        double healthyShare = healthyReturned + overdueReturned == 0 ? 0
                : (double) healthyReturned / (healthyReturned + overdueReturned);
        double lookupShare = lookups == 0 ? 0 : (double) healthyLookups / lookups;
        double healthyRequests = query.requests() * healthyShare + get.requests() * lookupShare;
        double healthyRcuReported = query.reportedRcu() * healthyShare + get.reportedRcu() * lookupShare;
        double healthyRcuModel = query.modelRcu() * healthyShare + get.modelRcu() * lookupShare;
        OpFigures total = scan.total();
        double scanRate = median(days, DayResult::scanRate);
        double baseRate = median(days, DayResult::baselineRate);
        double ratio = median(days, d -> d.scanRate() / d.baselineRate());
        boolean capacityMissing = total.withoutCapacity() > 0 || r.load().reading().total().withoutCapacity() > 0;

        StringBuilder md = new StringBuilder();
        md.append("## Overdue scan: results of ").append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyy-MM-dd HH:mm z"))).append("\n\n");
        md.append("### Machine\n\n");
        machine.forEach((k, v) -> {
            if (v.contains("\n")) {
                md.append("- `").append(k).append("`:\n\n```\n").append(v).append("\n```\n");
            } else {
                md.append("- ").append(k).append(": ").append(v).append('\n');
            }
        });
        md.append("\n### Parameters\n\n");
        md.append(String.format(Locale.ROOT, "`--loans %d --overdue-percent %d --installments %d --shards %d "
                        + "--zone %s --business-date %s --days %d --threads %d --load %s --warmup-loans %d "
                        + "--capacity %s`%n%n", o.loans(), o.overduePercent(), o.installments(), o.shards(),
                o.zone().getId(), o.businessDate(), o.days(), o.threads(), o.load(), o.warmupLoans(), o.mode()));
        md.append(String.format(Locale.ROOT, "%,d loans: %,d overdue (days past due 1..%d on the first business "
                        + "date), %,d healthy (next due date after the last business date). Loaded %s. "
                        + "%d business date(s) scanned, each after its baseline. Whole run (warm-up, load, scans): "
                        + "%.0f s.%n%n", o.loans(), r.overdue(), Portfolio.MAX_DAYS_PAST_DUE, r.healthy(),
                loadText(r.load().mode()),
                days.size(), wall.toMillis() / 1000.0));

        md.append("### Headline figures\n\n");
        md.append("| figure | value |\n|---|---|\n");
        md.append(row("reads per healthy loan per scan (goal 0)", String.format(Locale.ROOT,
                "**%s requests, %s RCU** — %,d of %,d healthy loan-scans returned by the index, %,d looked up, "
                        + "%,d written", num(healthyRequests / healthyScans, 4), num(healthyRcuModel / healthyScans, 4),
                healthyReturned, healthyScans, healthyLookups, healthySaves)));
        OpFigures quiet = r.quiet().reading().total();
        md.append(row("a scan day on which no loan is due (" + r.quiet().date() + ", all " + String.format(Locale.ROOT,
                "%,d", o.loans()) + " loans in the index with a later `reviewAt`)", String.format(Locale.ROOT,
                "**%,d requests (%s), %,d items returned, RCU reported %s / model %s** — one empty Query per shard "
                        + "(%d shards); %,d loans scanned, %,d healthy loans returned", quiet.requests(),
                perOp(r.quiet().reading(), 1), quiet.items(), num(quiet.reportedRcu(), 1), num(quiet.modelRcu(), 1),
                o.shards(), r.quiet().summary().loansScanned(), r.quiet().probes().healthyReturned())));
        md.append(row("index entries / in the scan range on " + o.businessDate(), String.format(Locale.ROOT,
                "%,d / %,d (healthy loans sit in the index with a future `reviewAt`)", r.census().indexEntries(),
                r.census().inRange())));
        md.append(row("DynamoDB requests per overdue loan", String.format(Locale.ROOT, "**%s** (%s)",
                num((double) total.requests() / scanned, 3), perOp(scan, scanned))));
        md.append(row("WCU per overdue loan", String.format(Locale.ROOT,
                "**%s by item-size model** (table %s + index %s); DynamoDB Local reported %s",
                num(total.modelWcu() / scanned, 3), num(total.modelTableWcu() / scanned, 3),
                num(total.modelIndexWcu() / scanned, 3), num(total.reportedWcu() / scanned, 3))));
        md.append(row("RCU per overdue loan", String.format(Locale.ROOT,
                "**%s by model**; DynamoDB Local reported %s (%,d Query pages, %,d of them empty)",
                num(total.modelRcu() / scanned, 4), num(total.reportedRcu() / scanned, 4), pages, emptyPages)));
        md.append(row("average META item written by the scan", String.format(Locale.ROOT, "%,.0f bytes (%s WCU "
                + "per plain put, twice that in a transaction, plus the same again for its index entry)",
                r.metaItemBytes(), ItemSize.writeUnits((int) Math.round(r.metaItemBytes())))));
        md.append(row("SQS SendMessageBatch per overdue loan (not sent; counted)", num(
                (double) days.stream().mapToLong(DayResult::sqsBatches).sum() / scanned, 3)));
        md.append(row("scan throughput (median of days)", String.format(Locale.ROOT, "**%,.0f loans/s**", scanRate)));
        md.append(row("baseline throughput (plain Query page + PutItem per item, median)",
                String.format(Locale.ROOT, "%,.0f items/s", baseRate)));
        md.append(row("scan / baseline throughput (median of per-day ratios)",
                String.format(Locale.ROOT, "**%.2f**", ratio)));
        md.append(row("for reference: Query pages alone, no writes (median)", String.format(Locale.ROOT,
                "%,.0f items/s (scan / query-only: %.2f)", median(days, DayResult::readOnlyRate),
                median(days, d -> d.scanRate() / d.readOnlyRate()))));
        md.append('\n');

        md.append("### Per business date\n\n");
        md.append("| date | overdue scanned | bucket changes (transactions) | work items | Query pages (empty) "
                + "| healthy returned | requests | RCU model / reported | WCU model / reported | scan s (JVM CPU s) "
                + "| scan loans/s | baseline items | baseline s (JVM CPU s) | baseline items/s | ratio | load avg |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (DayResult d : days) {
            OpFigures t = d.scan().total();
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d (%,d) | %,d | %,d | %s / %s | %s / %s "
                            + "| %.2f (%.2f) | %,.0f | %,d | %.2f (%.2f) | %,.0f | %.2f | %.2f |%n", d.date(),
                    d.summary().loansScanned(),
                    d.summary().delinquencyChanges(), d.workItems(), d.probes().pages(), d.probes().emptyPages(),
                    d.probes().healthyReturned(), t.requests(), num(t.modelRcu(), 1), num(t.reportedRcu(), 1),
                    num(t.modelWcu(), 0), num(t.reportedWcu(), 1), d.scanSeconds(), d.scanCpuSeconds(), d.scanRate(),
                    d.baselineItems(), d.baselineSeconds(), d.baselineCpuSeconds(), d.baselineRate(),
                    d.scanRate() / d.baselineRate(), d.loadAverage()));
        }
        md.append('\n');

        md.append("### Scan requests by operation (all dates, per overdue loan)\n\n");
        md.append(opTable(scan, scanned, "overdue loan"));
        md.append("### Baseline requests by operation (all dates, per item)\n\n");
        md.append(opTable(baseline, baselineItems, "item"));
        md.append(String.format(Locale.ROOT, "### Load (%s, %d threads): %,d loans in %.1f s, %,.0f loans/s%n%n",
                r.load().mode(), o.threads(), r.load().loans(), r.load().seconds(),
                r.load().loans() / r.load().seconds()));
        md.append(opTable(r.load().reading(), r.load().loans(), "loan booked"));
        md.append("### Does DynamoDB Local report ConsumedCapacity?\n\n");
        md.append(capacityNote(scan, baseline, r.load().reading(), capacityMissing));
        return md.toString();
    }

    private static String loadText(String mode) {
        return switch (mode) {
            case "usecase" -> "through `IngestEventUseCase` (LoanBooked JSON, fixed clock at noon of the day before "
                    + "the first business date)";
            case "mixed" -> "the overdue loans through `IngestEventUseCase` (LoanBooked JSON, fixed clock at noon of "
                    + "the day before the first business date: META, EVT, BORROWER and BUCKET items), the healthy "
                    + "ones with `DynamoDbLoanRepository.save` of the same META record only (position by "
                    + "`LoanReplay`), because 100,000 loans through the use case take longer than 5 minutes here";
            default -> "with `DynamoDbLoanRepository.save` of the META record only (positions by `LoanReplay`, "
                    + "as the use case computes them)";
        };
    }

    private static String capacityNote(Reading scan, Reading baseline, Reading load, boolean missing) {
        Map<String, long[]> byOp = new TreeMap<>();
        for (Reading reading : List.of(scan, baseline, load)) {
            reading.byOperation().forEach((op, f) -> {
                long[] c = byOp.computeIfAbsent(op, k -> new long[2]);
                c[0] += f.requests() - f.failures();
                c[1] += f.withoutCapacity();
            });
        }
        StringBuilder s = new StringBuilder();
        byOp.forEach((op, c) -> s.append(String.format(Locale.ROOT, "- %s: %,d responses, %,d without "
                + "ConsumedCapacity%n", op, c[0], c[1])));
        s.append('\n');
        s.append(missing
                ? "Some responses carried no ConsumedCapacity; for those only the model column is meaningful.\n\n"
                : "Every metered response carried ConsumedCapacity. The *model* columns recompute the units from the "
                + "item sizes by the published rules (they are what the bill would follow); where the two differ, "
                + "trust the model (see \"How to read these numbers\").\n\n");
        return s.toString();
    }

    static String opTable(Reading reading, long per, String unit) {
        StringBuilder s = new StringBuilder();
        s.append("| operation | requests | per ").append(unit).append(" | failed | items | avg bytes/item "
                + "| RCU reported | RCU model | WCU reported | WCU model (table + index) "
                + "| reported units on table + index "
                + "| WCU model per ").append(unit).append(" |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<OpFigures> rows = new ArrayList<>(reading.byOperation().values());
        rows.add(reading.total());
        for (OpFigures f : rows) {
            s.append(String.format(Locale.ROOT, "| %s | %,d | %s | %,d | %,d | %s | %s | %s | %s | %s (%s + %s) "
                            + "| %s + %s | %s |%n", f.operation(), f.requests(), num((double) f.requests() / per, 3),
                    f.failures(), f.items(), f.items() == 0 ? "–" : String.format(Locale.ROOT, "%,.0f",
                            (double) f.bytes() / f.items()), num(f.reportedRcu(), 1), num(f.modelRcu(), 1),
                    num(f.reportedWcu(), 1), num(f.modelWcu(), 0), num(f.modelTableWcu(), 0),
                    num(f.modelIndexWcu(), 0), num(f.reportedTableCu(), 1), num(f.reportedIndexCu(), 1),
                    num(f.modelWcu() / per, 3)));
        }
        s.append('\n');
        return s.toString();
    }

    static String perOp(Reading reading, long per) {
        List<String> parts = new ArrayList<>();
        reading.byOperation().forEach((op, f) -> parts.add(op + " " + num((double) f.requests() / per, 3)));
        return String.join(", ", parts);
    }

    static Reading sum(List<Reading> readings) {
        return Reading.sum(readings);
    }

    private static double median(List<DayResult> days, ToDoubleFunction<DayResult> f) {
        double[] v = days.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static String row(String k, String v) {
        return "| " + k + " | " + v + " |\n";
    }

    static String num(double v, int decimals) {
        if (v == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /** The markers around the results of benchmark {@code name} in bench/RESULTS.md. */
    static String begin(String name) {
        return "<!-- " + name + " results:begin (written by the benchmark; everything up to the end marker is"
                + " replaced on each run) -->";
    }

    static String end(String name) {
        return "<!-- " + name + " results:end -->";
    }

    /**
     * Replaces the results section of benchmark {@code name} in {@code file} (between its markers), or appends one.
     * Each benchmark class owns one section, so a new benchmark only needs its own name.
     */
    static void write(Path file, String name, String report) throws IOException {
        String begin = begin(name);
        String end = end(name);
        String section = begin + "\n\n" + report + "\n" + end + "\n";
        String text;
        if (Files.exists(file)) {
            String old = Files.readString(file, StandardCharsets.UTF_8);
            int b = old.indexOf(begin);
            // The end marker after this begin: a stray end marker earlier in the file must not make it append.
            int e = b < 0 ? -1 : old.indexOf(end, b);
            if (b >= 0 && e > b) {
                text = old.substring(0, b) + section + old.substring(e + end.length()).replaceFirst("^\n", "");
            } else {
                text = old + (old.endsWith("\n") ? "\n" : "\n\n") + section;
            }
        } else {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            text = "# Benchmarks\n\n" + section;
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}

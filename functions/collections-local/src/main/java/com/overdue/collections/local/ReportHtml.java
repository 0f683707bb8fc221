package com.overdue.collections.local;

import io.quarkus.qute.RawString;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * report.html: the {@code templates/report.html} Qute template over the run's figures, with inline SVG charts
 * ({@link SvgCharts}), one self-contained file; the same run gives the same bytes (no timestamps, sorted maps, plain
 * decimals).
 */
final class ReportHtml {

    private static final List<String> STATE_ORDER = List.of("SENT", "DEFERRED", "SUPPRESSED", "FAILED", "PENDING",
            "SENDING");

    private ReportHtml() {
    }

    static String render(SimulationReport report, RunFigures figures) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", report.from.toString());
        data.put("to", report.to.toString());
        data.put("loans", report.loans);
        data.put("eventsApplied", report.eventsApplied);
        data.put("eventsDuplicate", report.eventsDuplicate);
        data.put("eventsRejected", report.eventsRejected);
        data.put("loanReviews", report.loansScanned);
        data.put("workItems", report.workItems);
        data.put("changes", report.delinquencyChanges);
        data.put("calendarMissing", report.calendarMissing.size());
        data.put("charts", charts(report, figures));
        data.put("strategies", strategyRows(figures));
        data.put("method", RunFigures.METHOD);
        List<Map<String, Object>> tables = new ArrayList<>();
        tables.add(table("Loans by severity at the end", report.bySeverity));
        tables.add(table("Loans by bucket at the end", report.byBucket));
        report.overdueByCurrencyAndBucket.forEach((c, m) -> {
            Map<String, Object> rows = new LinkedHashMap<>();
            m.forEach((b, v) -> rows.put(b, v.toPlainString()));
            tables.add(table("Overdue " + c + " by installment bucket at the end", rows));
        });
        report.creditReports.forEach(c -> {
            Map<String, Object> rows = new TreeMap<>(c.statusCounts());
            rows.put("withheld pending notice", c.withheldPendingNotice());
            rows.put("rejected", c.rejected());
            rows.put("notices", c.noticesPublished());
            tables.add(table("Credit report " + c.cycleDate() + " (Metro 2 account status)", rows));
        });
        tables.add(table("Loans by escalation stage at the end", report.escalation.loansByStage));
        data.put("tables", tables);
        return Templates.render("report.html", data);
    }

    private static Map<String, Object> table(String title, Map<String, ?> rows) {
        List<Map<String, Object>> list = new ArrayList<>();
        rows.forEach((k, v) -> list.add(Map.of("key", k, "value", String.valueOf(v))));
        return Map.of("title", title, "rows", list);
    }

    private static Map<String, Object> chart(String section, String note, String svg) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("section", section);
        c.put("note", note);
        c.put("svg", new RawString(svg));
        return c;
    }

    private static List<Map<String, Object>> charts(SimulationReport report, RunFigures figures) {
        RunAnalytics a = figures.analytics;
        List<Map<String, Object>> charts = new ArrayList<>();
        List<String> days = new ArrayList<>();
        for (LocalDate d = report.from; !d.isAfter(report.to); d = d.plusDays(1)) {
            days.add(d.toString());
        }
        List<String> overdueBuckets = RunAnalytics.BUCKETS.subList(1, RunAnalytics.BUCKETS.size());
        Map<String, BigDecimal[]> loans = new LinkedHashMap<>();
        for (String b : overdueBuckets) {
            BigDecimal[] v = new BigDecimal[days.size()];
            for (int i = 0; i < days.size(); i++) {
                Integer n = a.overdueLoansByDay.getOrDefault(LocalDate.parse(days.get(i)), Map.of()).get(b);
                v[i] = BigDecimal.valueOf(n == null ? 0 : n);
            }
            loans.put(b, v);
        }
        charts.add(chart("Loans and amounts by bucket over time", "Overdue loans (DPD ≥ 1) per daily scan, by the "
                        + "bucket of the loan's days past due: the work items the scans sent.",
                SvgCharts.stackedBars(new SvgCharts.Labels("chart-loans-by-bucket", "Overdue loans by bucket per day",
                        "Stacked bars, one per business date from " + report.from + " to " + report.to
                                + ": the overdue loans in each bucket at that date's scan.", "business date",
                        "overdue loans"), days, loans)));
        a.overdueAmountByDay.forEach((currency, byDay) -> {
            Map<String, BigDecimal[]> amounts = new LinkedHashMap<>();
            for (String b : overdueBuckets) {
                BigDecimal[] v = new BigDecimal[days.size()];
                for (int i = 0; i < days.size(); i++) {
                    v[i] = byDay.getOrDefault(LocalDate.parse(days.get(i)), Map.of()).getOrDefault(b,
                            BigDecimal.ZERO);
                }
                amounts.put(b, v);
            }
            charts.add(chart(null, null, SvgCharts.stackedBars(new SvgCharts.Labels("chart-amount-by-bucket-"
                    + currency, "Overdue amount (" + currency + ") by bucket per day", "Stacked bars, one per "
                    + "business date: the overdue amount of the " + currency + " loans in each bucket at that "
                    + "date's scan.", "business date", "overdue " + currency), days, amounts)));
        });
        List<String> ends = new ArrayList<>();
        a.monthEnds.keySet().forEach(d -> ends.add(d.toString()));
        List<RunAnalytics.Roll> rolls = a.rollRates(null);
        Set<YearMonth> months = new TreeSet<>();
        rolls.forEach(r -> months.add(r.month()));
        if (months.isEmpty()) {
            charts.add(chart("Month-end roll rates", "The run covers no two consecutive month ends (month ends in "
                    + "the run: " + (ends.isEmpty() ? "none" : String.join(", ", ends)) + "): no roll rates.", ""));
        }
        boolean firstRoll = true;
        for (YearMonth m : months) {
            int[][] counts = new int[RunAnalytics.BUCKETS.size()][RunAnalytics.BUCKETS.size()];
            for (RunAnalytics.Roll r : rolls) {
                if (r.month().equals(m)) {
                    counts[RunAnalytics.BUCKETS.indexOf(r.fromBucket())][RunAnalytics.BUCKETS.indexOf(r.toBucket())]
                            += r.loans();
                }
            }
            BigDecimal[][] shares = new BigDecimal[counts.length][counts.length];
            for (int i = 0; i < counts.length; i++) {
                int row = 0;
                for (int n : counts[i]) {
                    row += n;
                }
                for (int j = 0; j < counts.length; j++) {
                    shares[i][j] = row == 0 ? null : BigDecimal.valueOf(counts[i][j])
                            .divide(BigDecimal.valueOf(row), 4, RoundingMode.HALF_EVEN);
                }
            }
            charts.add(chart(firstRoll ? "Month-end roll rates" : null, firstRoll ? "Loans open at both month ends, "
                            + "by their bucket at the end of M (rows) and of M+1 (columns); analytics/roll-rates.csv "
                            + "has the same matrix with the overdue amounts." : null,
                    SvgCharts.heatmap(new SvgCharts.Labels("chart-roll-rates-" + m, "Roll rates " + m + " → "
                                    + m.plusMonths(1), "Heat map of the loans open at both the end of " + m + " and of "
                                    + m.plusMonths(1) + ": each cell the loans that moved from the row's bucket to the "
                                    + "column's, coloured by its share of the row.", "bucket at the end of "
                                    + m.plusMonths(1), "bucket at the end of " + m), RunAnalytics.BUCKETS,
                            RunAnalytics.BUCKETS, shares, counts)));
            firstRoll = false;
        }
        List<String> stages = new ArrayList<>();
        List<BigDecimal[]> stageRates = List.of(new BigDecimal[figures.cureByStage.size()],
                new BigDecimal[figures.cureByStage.size()], new BigDecimal[figures.cureByStage.size()]);
        for (int i = 0; i < figures.cureByStage.size(); i++) {
            RunFigures.StageCure c = figures.cureByStage.get(i);
            stages.add(c.stage() + " (" + c.cured() + "/" + c.reached() + ")");
            stageRates.get(0)[i] = c.rate().value();
            stageRates.get(1)[i] = c.rate().low();
            stageRates.get(2)[i] = c.rate().high();
        }
        charts.add(chart("Cure rate by escalation stage", "Of the loans that reached a stage during the run, the "
                        + "share whose episode then ended (cured back to CURRENT, or CLOSED: paid off or settled) "
                        + "before the run's end; bars labelled stage (cured/reached).",
                SvgCharts.intervalBars(new SvgCharts.Labels("chart-cure-by-stage", "Cure rate by escalation stage",
                                "Bars: per escalation stage reached, the share of those loans cured after reaching "
                                        + "it, with its 95 % Wilson interval.", "escalation stage reached",
                                "cure rate"), stages, stageRates.get(0), stageRates.get(1), stageRates.get(2),
                        "cure rate")));
        charts.add(chart("Contacts by outcome and deciding rule", "Reminder contacts by channel and the rule that "
                + "decided them (\"-\": none objected), stacked by outcome.", contactsChart(report)));
        Map<String, BigDecimal[]> flow = new LinkedHashMap<>();
        List<String> flowRows = new ArrayList<>(report.escalation.flow.keySet());
        BigDecimal[] flowValues = new BigDecimal[flowRows.size()];
        for (int i = 0; i < flowRows.size(); i++) {
            flowValues[i] = BigDecimal.valueOf(report.escalation.flow.get(flowRows.get(i)));
        }
        flow.put("decisions", flowValues);
        charts.add(chart("Escalation stage flow", "Escalation decisions by the stage left and the stage entered.",
                SvgCharts.horizontalBars(new SvgCharts.Labels("chart-stage-flow", "Escalation stage flow",
                        "Horizontal bars: the escalation decisions of the run per move from one stage to another.",
                        "decisions", "from -> to"), flowRows.stream().map(k -> k.replace("->", "→")).toList(), flow)));
        boolean firstPenalty = true;
        for (Map.Entry<String, Map<String, BigDecimal>> e : report.penalty.entrySet()) {
            Map<String, BigDecimal[]> p = new LinkedHashMap<>();
            for (String k : List.of("accrued", "collected", "waived")) {
                p.put(k, new BigDecimal[]{e.getValue().getOrDefault(k, BigDecimal.ZERO)});
            }
            charts.add(chart(firstPenalty ? "Penalty accrued, collected and waived" : null, firstPenalty
                            ? "Per currency, over the loans at the end of the run." : null,
                    SvgCharts.groupedBars(new SvgCharts.Labels("chart-penalty-" + e.getKey(), "Penalty "
                            + e.getKey() + ": accrued, collected, waived", "Grouped bars: the penalty interest "
                            + "accrued, collected and waived on the " + e.getKey() + " loans.", "currency",
                            "penalty " + e.getKey()), List.of(e.getKey()), p)));
            firstPenalty = false;
        }
        List<String> ops = new ArrayList<>(report.dynamoRequests.keySet());
        BigDecimal[] opValues = ops.stream().map(o -> BigDecimal.valueOf(report.dynamoRequests.get(o)))
                .toArray(BigDecimal[]::new);
        Map<String, BigDecimal[]> requests = new LinkedHashMap<>();
        requests.put("requests", opValues);
        long total = report.dynamoRequests.values().stream().mapToLong(Long::longValue).sum();
        charts.add(chart("DynamoDB requests per operation", "The pipeline's requests only (" + total + " in all; "
                        + "the report's own month-end and end-of-run reads are not counted).",
                SvgCharts.horizontalBars(new SvgCharts.Labels("chart-dynamo-requests", "DynamoDB requests per "
                                + "operation", "Horizontal bars: the DynamoDB requests the pipeline made, per operation "
                                + "(PutItem per item kind).", "requests", "operation"), ops, requests)));
        List<String> arms = new ArrayList<>();
        BigDecimal[][] cure = new BigDecimal[3][figures.strategies.size()];
        BigDecimal[][] contacts = new BigDecimal[3][figures.strategies.size()];
        for (int i = 0; i < figures.strategies.size(); i++) {
            RunFigures.StrategyRow r = figures.strategies.get(i);
            arms.add(r.strategy() + " " + r.currency() + " (n=" + r.loans() + ")");
            cure[0][i] = r.cureRate().value();
            cure[1][i] = r.cureRate().low();
            cure[2][i] = r.cureRate().high();
            contacts[0][i] = r.contactsPerCuredLoan().value();
            contacts[1][i] = r.contactsPerCuredLoan().low();
            contacts[2][i] = r.contactsPerCuredLoan().high();
        }
        charts.add(chart("Champion vs challenger", "Per strategy arm and currency, over the loans that escalated "
                        + "during the run; the table below has every figure.",
                SvgCharts.intervalBars(new SvgCharts.Labels("chart-strategy-cure-rate", "Cure rate per strategy arm",
                        "Bars: the cure rate of each strategy arm's escalated loans, with its 95 % Wilson interval.",
                        "strategy arm", "cure rate"), arms, cure[0], cure[1], cure[2], "cure rate")));
        charts.add(chart(null, null, SvgCharts.intervalBars(new SvgCharts.Labels("chart-strategy-contacts",
                "Contacts per cured loan per strategy arm", "Bars: contacts (reminders sent and call tasks) per "
                + "cured loan of each strategy arm, with its 95 % bootstrap interval.", "strategy arm",
                "contacts per cured loan"), arms, contacts[0], contacts[1], contacts[2], "contacts per cured loan")));
        return charts;
    }

    private static String contactsChart(SimulationReport report) {
        Map<String, Map<String, Long>> byRow = new TreeMap<>();
        Set<String> states = new TreeSet<>((x, y) -> {
            int i = STATE_ORDER.indexOf(x);
            int j = STATE_ORDER.indexOf(y);
            i = i < 0 ? STATE_ORDER.size() : i;
            j = j < 0 ? STATE_ORDER.size() : j;
            return i != j ? Integer.compare(i, j) : x.compareTo(y);
        });
        report.contactDecisions.forEach((k, v) -> {
            String[] f = k.split(" ", 3);
            String row = f.length < 3 ? k : f[1] + " " + f[2];
            states.add(f[0]);
            byRow.computeIfAbsent(row, r -> new TreeMap<>()).merge(f[0], v, Long::sum);
        });
        List<String> rows = new ArrayList<>(byRow.keySet());
        Map<String, BigDecimal[]> series = new LinkedHashMap<>();
        for (String s : states) {
            BigDecimal[] v = new BigDecimal[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                v[i] = BigDecimal.valueOf(byRow.get(rows.get(i)).getOrDefault(s, 0L));
            }
            series.put(s, v);
        }
        return SvgCharts.horizontalBars(new SvgCharts.Labels("chart-contacts", "Contacts by outcome and deciding rule",
                "Horizontal stacked bars: per channel and deciding rule, the reminder contacts sent, deferred and "
                        + "suppressed.", "contacts", "channel and deciding rule"), rows, series);
    }

    private static List<Map<String, Object>> strategyRows(RunFigures figures) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RunFigures.StrategyRow r : figures.strategies) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("strategy", r.strategy());
            m.put("currency", r.currency());
            m.put("loans", r.loans());
            m.put("cured", r.cured());
            m.put("cureRate", interval(r.cureRate()));
            m.put("amountRecovered", r.amountRecovered().toPlainString());
            m.put("recoveredPerLoan", interval(r.recoveredPerLoan()));
            m.put("contacts", r.contacts());
            m.put("contactsPerCuredLoan", interval(r.contactsPerCuredLoan()));
            rows.add(m);
        }
        return rows;
    }

    private static String interval(Stats.Interval i) {
        return i.value() == null ? "–" : i.value().toPlainString() + " [" + i.low().toPlainString() + ", "
                + i.high().toPlainString() + "]";
    }
}

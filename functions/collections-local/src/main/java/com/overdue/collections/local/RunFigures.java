package com.overdue.collections.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.escalation.EscalationLadder;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The run's analytics figures: champion vs challenger per strategy arm and currency, the cure rate by escalation
 * stage, and the roll rates; written to {@code analytics/*.csv} and the {@code analytics} object of summary.json.
 */
final class RunFigures {

    static final String ROLL_RATES_HEADER = "month,fromBucket,toBucket,loans,amount";
    static final String STRATEGIES_HEADER = "strategy,currency,loans,cured,cureRate,cureRateLow95,cureRateHigh95,"
            + "amountRecovered,recoveredPerLoan,recoveredPerLoanLow95,recoveredPerLoanHigh95,contacts,"
            + "contactsPerCuredLoan,contactsPerCuredLoanLow95,contactsPerCuredLoanHigh95";
    /** The footnote on the intervals, in report.html and summary.json. */
    static final String METHOD = "95 % intervals: cure rate, Wilson score interval; recovered per loan (mean over the"
            + " arm's escalated loans), normal approximation mean ± 1.96·s/√n, truncated at 0; contacts per cured loan (Σ contacts /"
            + " Σ cured over the arm's escalated loans), percentile bootstrap of " + Stats.RESAMPLES + " resamples of the"
            + " loans with the fixed seed " + Stats.SEED + " (deterministic).";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int RATE_SCALE = 4;

    /** The figures of one strategy arm over the escalated loans of one currency. */
    record StrategyRow(String strategy, String currency, int loans, int cured, Stats.Interval cureRate,
                       BigDecimal amountRecovered, Stats.Interval recoveredPerLoan, long contacts,
                       Stats.Interval contactsPerCuredLoan) {
        List<String> csv() {
            return List.of(strategy, currency, Integer.toString(loans), Integer.toString(cured),
                    s(cureRate.value()), s(cureRate.low()), s(cureRate.high()), amountRecovered.toPlainString(),
                    s(recoveredPerLoan.value()), s(recoveredPerLoan.low()), s(recoveredPerLoan.high()),
                    Long.toString(contacts), s(contactsPerCuredLoan.value()), s(contactsPerCuredLoan.low()),
                    s(contactsPerCuredLoan.high()));
        }
    }

    /** Of the escalated loans that reached {@code stage}, how many cured (CURRENT or CLOSED) after reaching it. */
    record StageCure(String stage, int reached, int cured, Stats.Interval rate) {
    }

    final List<StrategyRow> strategies;
    final List<StageCure> cureByStage;
    final RunAnalytics analytics;

    private RunFigures(List<StrategyRow> strategies, List<StageCure> cureByStage, RunAnalytics analytics) {
        this.strategies = strategies;
        this.cureByStage = cureByStage;
        this.analytics = analytics;
    }

    static RunFigures of(RunAnalytics analytics) {
        List<RunAnalytics.EscalatedLoan> loans = analytics.escalatedLoans();
        Set<String> currencies = new TreeSet<>();
        Set<String> arms = new TreeSet<>(Comparator.comparingInt(RunFigures::armOrder)
                .thenComparing(Comparator.naturalOrder()));
        arms.add(EscalationLadder.CHAMPION);
        arms.add(EscalationLadder.CHALLENGER);
        for (RunAnalytics.EscalatedLoan l : loans) {
            currencies.add(l.currency());
            arms.add(l.strategy());
        }
        List<StrategyRow> rows = new ArrayList<>();
        for (String arm : arms) {
            for (String currency : currencies) {
                List<RunAnalytics.EscalatedLoan> in = loans.stream()
                        .filter(l -> arm.equals(l.strategy()) && currency.equals(l.currency())).toList();
                rows.add(row(arm, currency, in));
            }
        }
        Set<String> stages = new TreeSet<>();
        loans.forEach(l -> stages.addAll(l.stagesReached().keySet()));
        List<StageCure> byStage = new ArrayList<>();
        for (String stage : analytics.stageOrder(stages)) {
            int reached = 0;
            int cured = 0;
            for (RunAnalytics.EscalatedLoan l : loans) {
                if (l.stagesReached().containsKey(stage)) {
                    reached++;
                    cured += l.curedAfter(stage) ? 1 : 0;
                }
            }
            byStage.add(new StageCure(stage, reached, cured, Stats.wilson(cured, reached, RATE_SCALE)));
        }
        return new RunFigures(rows, byStage, analytics);
    }

    private static int armOrder(String arm) {
        return EscalationLadder.CHAMPION.equals(arm) ? 0 : EscalationLadder.CHALLENGER.equals(arm) ? 1 : 2;
    }

    private static StrategyRow row(String arm, String currency, List<RunAnalytics.EscalatedLoan> in) {
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        int cured = (int) in.stream().filter(RunAnalytics.EscalatedLoan::cured).count();
        BigDecimal recovered = in.stream().map(RunAnalytics.EscalatedLoan::recovered)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(scale);
        long contacts = in.stream().mapToLong(RunAnalytics.EscalatedLoan::contacts).sum();
        long[] numerators = in.stream().mapToLong(RunAnalytics.EscalatedLoan::contacts).toArray();
        long[] denominators = in.stream().mapToLong(l -> l.cured() ? 1 : 0).toArray();
        return new StrategyRow(arm, currency, in.size(), cured, Stats.wilson(cured, in.size(), RATE_SCALE),
                recovered, Stats.meanNormal(in.stream().map(RunAnalytics.EscalatedLoan::recovered).toList(), scale),
                contacts, Stats.ratioBootstrap(numerators, denominators, 2));
    }

    private static String s(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    private static String n(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }

    /**
     * Writes {@code analytics/roll-rates.csv} (every loan; amount only when the snapshots hold one currency),
     * {@code analytics/roll-rates-<CCY>.csv} per currency, and {@code analytics/strategies.csv}.
     */
    void write(Path out) throws IOException {
        Path dir = out.resolve("analytics");
        Files.createDirectories(dir);
        Set<String> currencies = analytics.snapshotCurrencies();
        boolean single = currencies.size() == 1;
        writeRolls(dir.resolve("roll-rates.csv"), analytics.rollRates(null), single);
        for (String c : currencies) {
            writeRolls(dir.resolve("roll-rates-" + c + ".csv"), analytics.rollRates(c), true);
        }
        StringBuilder csv = new StringBuilder(STRATEGIES_HEADER).append('\n');
        for (StrategyRow r : strategies) {
            csv.append(String.join(",", r.csv())).append('\n');
        }
        Files.writeString(dir.resolve("strategies.csv"), csv.toString(), StandardCharsets.UTF_8);
    }

    private static void writeRolls(Path file, List<RunAnalytics.Roll> rolls, boolean withAmount) throws IOException {
        StringBuilder csv = new StringBuilder(ROLL_RATES_HEADER).append('\n');
        for (RunAnalytics.Roll r : rolls) {
            csv.append(r.month()).append(',').append(r.fromBucket()).append(',').append(r.toBucket()).append(',')
                    .append(r.loans()).append(',').append(withAmount ? r.amount().toPlainString() : "").append('\n');
        }
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
    }

    /** The {@code analytics} object of summary.json: the same figures as the CSV files. */
    ObjectNode toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("intervals", METHOD);
        ArrayNode arms = n.putArray("strategies");
        for (StrategyRow r : strategies) {
            ObjectNode a = arms.addObject();
            a.put("strategy", r.strategy()).put("currency", r.currency()).put("loans", r.loans())
                    .put("cured", r.cured());
            interval(a, "cureRate", r.cureRate());
            a.put("amountRecovered", r.amountRecovered().toPlainString());
            interval(a, "recoveredPerLoan", r.recoveredPerLoan());
            a.put("contacts", r.contacts());
            interval(a, "contactsPerCuredLoan", r.contactsPerCuredLoan());
        }
        ArrayNode stages = n.putArray("cureRateByStage");
        for (StageCure c : cureByStage) {
            ObjectNode s = stages.addObject().put("stage", c.stage()).put("reached", c.reached())
                    .put("cured", c.cured());
            interval(s, "cureRate", c.rate());
        }
        ObjectNode ends = n.putObject("monthEnds");
        analytics.monthEnds.forEach((end, loans) -> {
            Map<String, Integer> byBucket = new TreeMap<>(RunAnalytics.BUCKET_ORDER);
            loans.values().forEach(s -> byBucket.merge(s.bucket(), 1, Integer::sum));
            ObjectNode e = ends.putObject(end.toString());
            e.put("openLoans", loans.size());
            ObjectNode b = e.putObject("loansByBucket");
            byBucket.forEach(b::put);
        });
        ArrayNode rolls = n.putArray("rollRates");
        for (RunAnalytics.Roll r : analytics.rollRates(null)) {
            rolls.addObject().put("month", r.month().toString()).put("fromBucket", r.fromBucket())
                    .put("toBucket", r.toBucket()).put("loans", r.loans());
        }
        return n;
    }

    private static void interval(ObjectNode n, String name, Stats.Interval i) {
        n.put(name, n(i.value()));
        n.put(name + "Low95", n(i.low()));
        n.put(name + "High95", n(i.high()));
    }
}

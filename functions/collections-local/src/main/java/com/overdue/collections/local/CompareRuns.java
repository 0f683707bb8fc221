package com.overdue.collections.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.RawString;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code collections compare OUT_A OUT_B}: two run output directories side by side (e.g. the shipped configuration
 * and a changed one over the same events: a back-test), from their summary.json and analytics/roll-rates.csv. Writes
 * {@code compare.csv} ({@code section,key,a,b,difference}, difference = B − A where both are numbers) and
 * {@code compare.html} (Qute template {@code templates/compare.html}); same inputs, same bytes.
 */
public final class CompareRuns {

    static final String HEADER = "section,key,a,b,difference";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One compared figure: its section, its key, the value in A and in B (either may be absent). */
    record Figure(String section, String key, String a, String b) {
        String difference() {
            BigDecimal x = number(a);
            BigDecimal y = number(b);
            return x == null || y == null ? "" : y.subtract(x).toPlainString();
        }

        boolean differs() {
            BigDecimal x = number(a);
            BigDecimal y = number(b);
            if (x != null && y != null) {
                return x.compareTo(y) != 0;
            }
            return !java.util.Objects.equals(a, b);
        }
    }

    private CompareRuns() {
    }

    /** Compares {@code outA} with {@code outB} into {@code outDir}; 0 when written, 2 when an input is missing. */
    public static int run(Path outA, Path outB, Path outDir, PrintStream console) throws IOException {
        for (Path dir : List.of(outA, outB)) {
            if (!Files.isRegularFile(dir.resolve("summary.json"))) {
                console.println("collections: compare: no summary.json in " + dir + " (the --out of a demo or "
                        + "simulate run)");
                return 2;
            }
        }
        List<Figure> figures = figures(outA, outB);
        Files.createDirectories(outDir);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Figure f : figures) {
            csv.append(csv(f.section())).append(',').append(csv(f.key())).append(',').append(csv(f.a())).append(',')
                    .append(csv(f.b())).append(',').append(f.difference()).append('\n');
        }
        Files.writeString(outDir.resolve("compare.csv"), csv.toString(), StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve("compare.html"), html(outA, outB, figures), StandardCharsets.UTF_8);
        long differing = figures.stream().filter(Figure::differs).count();
        console.printf("Compared %s (A) with %s (B): %d figures, %d differ. Output in %s/ (compare.html, "
                + "compare.csv).%n", outA, outB, figures.size(), differing, outDir);
        return 0;
    }

    /** The figures of both runs, section by section, keys in a fixed order (A's order, then B's new keys). */
    static List<Figure> figures(Path outA, Path outB) throws IOException {
        JsonNode a = MAPPER.readTree(outA.resolve("summary.json").toFile());
        JsonNode b = MAPPER.readTree(outB.resolve("summary.json").toFile());
        List<Figure> out = new ArrayList<>();
        add(out, "run", flat(a, List.of("loans"), List.of("events", "scans")), flat(b, List.of("loans"),
                List.of("events", "scans")));
        add(out, "strategies", strategies(a), strategies(b));
        add(out, "cure rate by stage", stages(a), stages(b));
        add(out, "loans by bucket at end", object(a.path("loansByBucket")), object(b.path("loansByBucket")));
        add(out, "loans by escalation stage at end", object(a.path("escalation").path("loansByStage")),
                object(b.path("escalation").path("loansByStage")));
        add(out, "roll rates", rolls(outA), rolls(outB));
        add(out, "contacts", object(a.path("contactDecisions")), object(b.path("contactDecisions")));
        add(out, "penalty", nested(a.path("penalty")), nested(b.path("penalty")));
        add(out, "dynamodb requests", object(a.path("dynamoDbRequests")), object(b.path("dynamoDbRequests")));
        return out;
    }

    private static void add(List<Figure> out, String section, Map<String, String> a, Map<String, String> b) {
        Set<String> keys = new java.util.LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            out.add(new Figure(section, k, a.get(k), b.get(k)));
        }
    }

    private static Map<String, String> flat(JsonNode n, List<String> fields, List<String> objects) {
        Map<String, String> m = new LinkedHashMap<>();
        fields.forEach(f -> m.put(f, n.path(f).asText()));
        for (String o : objects) {
            n.path(o).fields().forEachRemaining(e -> m.put(o + "." + e.getKey(), e.getValue().asText()));
        }
        return m;
    }

    private static Map<String, String> object(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    private static Map<String, String> nested(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> e.getValue().fields()
                .forEachRemaining(f -> m.put(e.getKey() + " " + f.getKey(), f.getValue().asText())));
        return m;
    }

    private static Map<String, String> strategies(JsonNode summary) {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonNode s : summary.path("analytics").path("strategies")) {
            String arm = s.path("strategy").asText() + " " + s.path("currency").asText();
            for (String f : List.of("loans", "cured", "cureRate", "cureRateLow95", "cureRateHigh95",
                    "amountRecovered", "recoveredPerLoan", "recoveredPerLoanLow95", "recoveredPerLoanHigh95",
                    "contacts", "contactsPerCuredLoan", "contactsPerCuredLoanLow95", "contactsPerCuredLoanHigh95")) {
                m.put(arm + " " + f, s.path(f).isNull() || s.path(f).isMissingNode() ? null : s.path(f).asText());
            }
        }
        return m;
    }

    private static Map<String, String> stages(JsonNode summary) {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonNode s : summary.path("analytics").path("cureRateByStage")) {
            m.put(s.path("stage").asText() + " reached", s.path("reached").asText());
            m.put(s.path("stage").asText() + " cureRate", s.path("cureRate").asText());
        }
        return m;
    }

    /** roll-rates.csv as "month from → to loans/amount" (amount only where the file has it). */
    private static Map<String, String> rolls(Path out) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        Path file = out.resolve("analytics").resolve("roll-rates.csv");
        if (!Files.isRegularFile(file)) {
            return m;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length < 5) {
                continue;
            }
            String key = f[0] + " " + f[1] + " → " + f[2];
            m.put(key + " loans", f[3]);
            if (!f[4].isEmpty()) {
                m.put(key + " amount", f[4]);
            }
        }
        return m;
    }

    private static String html(Path outA, Path outB, List<Figure> figures) {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        for (Figure f : figures) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", f.key());
            row.put("a", f.a() == null ? "–" : f.a());
            row.put("b", f.b() == null ? "–" : f.b());
            row.put("difference", f.difference());
            row.put("differs", f.differs());
            sections.computeIfAbsent(f.section(), s -> new ArrayList<>()).add(row);
        }
        List<Map<String, Object>> list = new ArrayList<>();
        sections.forEach((title, rows) -> list.add(Map.of("title", title, "rows", rows,
                "differing", rows.stream().filter(r -> (Boolean) r.get("differs")).count())));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("a", outA.toString());
        data.put("b", outB.toString());
        data.put("sections", list);
        data.put("charts", charts(figures));
        data.put("figures", figures.size());
        data.put("differing", figures.stream().filter(Figure::differs).count());
        return Templates.render("compare.html", data);
    }

    /**
     * The figures a manager compares first, as A-beside-B bars: cure rate by stage, each strategy arm's cure rate,
     * and the loans by escalation stage at the end. A section neither run has figures for draws no chart.
     */
    private static List<RawString> charts(List<Figure> figures) {
        List<RawString> charts = new ArrayList<>();
        chart(charts, figures, "cure rate by stage", " cureRate", true, new SvgCharts.Labels("compare-cure-by-stage",
                "Cure rate by escalation stage, A beside B (%)", "Grouped bars: for each stage, the share of the "
                + "loans that reached it whose episode then ended, in run A and in run B.", "stage", "cured (%)"));
        chart(charts, figures, "strategies", " cureRate", true, new SvgCharts.Labels("compare-strategies",
                "Cure rate per strategy arm, A beside B (%)", "Grouped bars: each strategy arm's cure rate (per "
                + "currency) in run A and in run B; compare.csv has the 95 % intervals.", "strategy and currency",
                "cured (%)"));
        chart(charts, figures, "loans by escalation stage at end", "", false, new SvgCharts.Labels(
                "compare-stages", "Loans by escalation stage at the end, A beside B", "Grouped bars: how many loans "
                + "ended the run at each escalation stage, in run A and in run B.", "stage", "loans"));
        return charts;
    }

    private static void chart(List<RawString> charts, List<Figure> figures, String section,
                              String suffix, boolean percent, SvgCharts.Labels labels) {
        List<String> categories = new ArrayList<>();
        List<BigDecimal> a = new ArrayList<>();
        List<BigDecimal> b = new ArrayList<>();
        for (Figure f : figures) {
            if (!f.section().equals(section) || !f.key().endsWith(suffix)) {
                continue;
            }
            BigDecimal va = number(f.a());
            BigDecimal vb = number(f.b());
            if (va == null && vb == null) {
                continue;
            }
            categories.add(f.key().substring(0, f.key().length() - suffix.length()));
            a.add(scaled(va, percent));
            b.add(scaled(vb, percent));
        }
        if (categories.isEmpty()) {
            return;
        }
        Map<String, BigDecimal[]> series = new LinkedHashMap<>();
        series.put("A", a.toArray(BigDecimal[]::new));
        series.put("B", b.toArray(BigDecimal[]::new));
        charts.add(new RawString(SvgCharts.groupedBars(labels, categories, series)));
    }

    /** A share as a percentage with one decimal, a count as it is; a figure a run does not have is 0. */
    private static BigDecimal scaled(BigDecimal v, boolean percent) {
        if (v == null) {
            return BigDecimal.ZERO;
        }
        return percent ? v.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN) : v;
    }

    private static BigDecimal number(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** The keys of the figures in {@code section} (for tests and callers). */
    static Set<String> keys(List<Figure> figures, String section) {
        Set<String> keys = new TreeSet<>();
        figures.stream().filter(f -> f.section().equals(section)).forEach(f -> keys.add(f.key()));
        return keys;
    }
}

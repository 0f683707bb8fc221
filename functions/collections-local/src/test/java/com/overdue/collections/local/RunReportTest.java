package com.overdue.collections.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run report: a small demo run over two month ends (2026-09-30, 2026-10-31) gives report.html with its charts
 * (each with title, description, axis labels, legend and data that add up to the summary's figures), the analytics
 * files (roll rates, strategy arms with their intervals), byte-identical on a re-run, and a compare of the two runs.
 */
class RunReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final LocalDate FROM = LocalDate.of(2026, 9, 25);
    private static final LocalDate TO = LocalDate.of(2026, 11, 1);
    private static final Pattern SVG = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL);

    static Path outA;
    static Path outB;
    static SimulationReport report;
    static JsonNode summary;
    static Map<String, Element> charts;

    @BeforeAll
    static void run() throws Exception {
        Path base = Paths.get(System.getProperty("basedir", "."), "target", "run-report");
        outA = base.resolve("a");
        outB = base.resolve("b");
        List<String> events = new DemoPortfolio(42, FROM, TO).events(100);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        report = new Simulation(LocalTime.of(6, 0), quiet, 0).run(events, FROM, TO, outA);
        new Simulation(LocalTime.of(6, 0), quiet, 0).run(events, FROM, TO, outB);
        summary = MAPPER.readTree(outA.resolve("summary.json").toFile());
        charts = svgs(outA.resolve("report.html"));
    }

    @Test
    void every_chart_is_there_with_title_description_axis_labels_legend_and_data() {
        assertThat(charts.keySet()).contains("chart-loans-by-bucket", "chart-amount-by-bucket-CNY",
                "chart-roll-rates-2026-09", "chart-cure-by-stage", "chart-contacts", "chart-stage-flow",
                "chart-penalty-CNY", "chart-dynamo-requests", "chart-strategy-cure-rate", "chart-strategy-contacts");
        for (Map.Entry<String, Element> c : charts.entrySet()) {
            Element svg = c.getValue();
            assertThat(text(svg, "title")).as("%s title", c.getKey()).isNotBlank();
            assertThat(text(svg, "desc")).as("%s desc", c.getKey()).isNotBlank();
            assertThat(svg.getAttribute("aria-labelledby")).contains(c.getKey() + "-title", c.getKey() + "-desc");
            assertThat(groups(svg, "legend")).as("%s legend", c.getKey()).isNotEmpty();
            assertThat(marks(svg)).as("%s data marks", c.getKey()).isNotEmpty()
                    .anyMatch(r -> new BigDecimal(r.getAttribute("data-value")).signum() > 0);
        }
        // Axis labels: the texts the chart's words name.
        assertThat(allText(charts.get("chart-loans-by-bucket"))).contains("business date", "overdue loans");
        assertThat(allText(charts.get("chart-roll-rates-2026-09"))).contains("bucket at the end of 2026-09",
                "bucket at the end of 2026-10");
    }

    @Test
    void chart_figures_add_up_to_the_summary_and_the_output_files() throws Exception {
        assertThat(sum(charts.get("chart-dynamo-requests"))).isEqualTo(sumOf(summary.path("dynamoDbRequests")));
        assertThat(sum(charts.get("chart-contacts"))).isEqualTo(sumOf(summary.path("contactDecisions")));
        assertThat(sum(charts.get("chart-stage-flow"))).isEqualTo(summary.path("escalation").path("decisions")
                .asLong());
        // The daily bars are the overdue loans of the work items the scans sent (work.jsonl, one per loan and day).
        Map<String, Set<String>> overdueByDay = new TreeMap<>();
        for (String line : Files.readAllLines(outA.resolve("work.jsonl"))) {
            JsonNode w = MAPPER.readTree(line);
            if (w.path("daysPastDue").asInt() > 0) {
                overdueByDay.computeIfAbsent(w.path("businessDate").asText(), d -> new HashSet<>())
                        .add(w.path("loanId").asText());
            }
        }
        Map<String, Long> barsByDay = new TreeMap<>();
        for (Element bar : marks(charts.get("chart-loans-by-bucket"))) {
            barsByDay.merge(bar.getAttribute("data-category"), Long.parseLong(bar.getAttribute("data-value")),
                    Long::sum);
        }
        assertThat(barsByDay).isNotEmpty();
        Map<String, Long> expected = new TreeMap<>();
        overdueByDay.forEach((d, loans) -> expected.put(d, (long) loans.size()));
        assertThat(barsByDay).isEqualTo(expected);
        // Penalty bars: the summary's accrued, collected and waived.
        for (Element bar : marks(charts.get("chart-penalty-CNY"))) {
            assertThat(new BigDecimal(bar.getAttribute("data-value"))).isEqualByComparingTo(
                    summary.path("penalty").path("CNY").path(bar.getAttribute("data-series")).asText());
        }
        // The roll-rate heat map: the loans open at both month ends.
        assertThat(sum(charts.get("chart-roll-rates-2026-09"))).isEqualTo(openAtBoth());
    }

    @Test
    void roll_rates_csv_holds_every_loan_open_at_both_month_ends_by_its_buckets() throws Exception {
        List<String> lines = Files.readAllLines(outA.resolve("analytics/roll-rates.csv"));
        assertThat(lines.get(0)).isEqualTo("month,fromBucket,toBucket,loans,amount");
        long loans = 0;
        Map<String, Integer> fromBuckets = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertThat(f).hasSize(5);
            assertThat(f[0]).isEqualTo("2026-09");
            assertThat(RunAnalytics.BUCKETS).contains(f[1], f[2]);
            assertThat(f[4]).as("two currencies: no summed amount").isEmpty();
            loans += Long.parseLong(f[3]);
            fromBuckets.merge(f[1], Integer.parseInt(f[3]), Integer::sum);
        }
        assertThat(loans).isEqualTo(openAtBoth()).isPositive();
        // Each from-bucket row total is the month-end-M bucket count of those loans.
        Map<String, RunAnalytics.Snapshot> sep = report.analytics.monthEnds.get(LocalDate.of(2026, 9, 30));
        Map<String, RunAnalytics.Snapshot> oct = report.analytics.monthEnds.get(LocalDate.of(2026, 10, 31));
        Map<String, Integer> expected = new TreeMap<>();
        sep.forEach((id, s) -> {
            if (oct.containsKey(id)) {
                expected.merge(s.bucket(), 1, Integer::sum);
            }
        });
        assertThat(fromBuckets).isEqualTo(expected);
        assertThat(fromBuckets).containsKey("CURRENT").hasSizeGreaterThan(1);
        // Per currency: the same columns, amounts filled, loans adding up to the all-currency file.
        long perCurrency = 0;
        BigDecimal cnyOverdue = BigDecimal.ZERO;
        for (String currency : List.of("CNY", "USD")) {
            List<String> c = Files.readAllLines(outA.resolve("analytics/roll-rates-" + currency + ".csv"));
            assertThat(c.get(0)).isEqualTo(RunFigures.ROLL_RATES_HEADER);
            for (String line : c.subList(1, c.size())) {
                String[] f = line.split(",", -1);
                perCurrency += Long.parseLong(f[3]);
                BigDecimal amount = new BigDecimal(f[4]);
                if (currency.equals("CNY")) {
                    cnyOverdue = cnyOverdue.add(amount);
                }
                if (f[1].equals("CURRENT")) {
                    assertThat(amount).as("a current loan has nothing overdue").isEqualByComparingTo("0");
                }
            }
        }
        assertThat(perCurrency).isEqualTo(loans);
        assertThat(cnyOverdue).isPositive();
    }

    @Test
    void strategies_csv_has_both_arms_with_intervals_that_contain_their_estimates() throws Exception {
        List<String> lines = Files.readAllLines(outA.resolve("analytics/strategies.csv"));
        assertThat(lines.get(0)).isEqualTo(RunFigures.STRATEGIES_HEADER);
        List<String> header = List.of(lines.get(0).split(","));
        int escalated = 0;
        Set<String> arms = new HashSet<>();
        JsonNode json = summary.path("analytics").path("strategies");
        assertThat(json).hasSize(lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int k = 0; k < header.size(); k++) {
                row.put(header.get(k), f[k]);
            }
            arms.add(row.get("strategy"));
            int n = Integer.parseInt(row.get("loans"));
            escalated += n;
            assertThat(json.get(i - 1).path("strategy").asText()).isEqualTo(row.get("strategy"));
            assertThat(json.get(i - 1).path("loans").asInt()).isEqualTo(n);
            if (n == 0) {
                assertThat(row.get("cureRate")).isEmpty();
                continue;
            }
            assertThat(Integer.parseInt(row.get("cured"))).isBetween(0, n);
            BigDecimal rate = new BigDecimal(row.get("cureRate"));
            assertThat(rate).isEqualByComparingTo(BigDecimal.valueOf(Integer.parseInt(row.get("cured")))
                    .divide(BigDecimal.valueOf(n), 4, java.math.RoundingMode.HALF_EVEN));
            assertThat(new BigDecimal(row.get("cureRateLow95"))).isLessThanOrEqualTo(rate)
                    .isGreaterThanOrEqualTo(BigDecimal.ZERO);
            assertThat(new BigDecimal(row.get("cureRateHigh95"))).isGreaterThanOrEqualTo(rate)
                    .isLessThanOrEqualTo(BigDecimal.ONE);
            assertThat(new BigDecimal(row.get("cureRateHigh95")).subtract(new BigDecimal(row.get("cureRateLow95"))))
                    .as("a sample of %d loans has a real interval", n).isPositive();
            BigDecimal mean = new BigDecimal(row.get("recoveredPerLoan"));
            assertThat(new BigDecimal(row.get("recoveredPerLoanLow95"))).isLessThanOrEqualTo(mean);
            assertThat(new BigDecimal(row.get("recoveredPerLoanHigh95"))).isGreaterThanOrEqualTo(mean);
            if (!row.get("contactsPerCuredLoan").isEmpty()) {
                BigDecimal c = new BigDecimal(row.get("contactsPerCuredLoan"));
                assertThat(new BigDecimal(row.get("contactsPerCuredLoanLow95"))).isLessThanOrEqualTo(c);
                assertThat(new BigDecimal(row.get("contactsPerCuredLoanHigh95"))).isGreaterThanOrEqualTo(c);
            }
        }
        assertThat(arms).contains("CHAMPION", "CHALLENGER");
        // Escalated loans: those with a decision into a ladder stage in decisions.jsonl.
        Set<String> fromDecisions = new HashSet<>();
        for (String line : Files.readAllLines(outA.resolve("decisions.jsonl"))) {
            JsonNode d = MAPPER.readTree(line);
            if (!RunAnalytics.isEnd(d.path("to").asText())) {
                fromDecisions.add(d.path("loanId").asText());
            }
        }
        assertThat(escalated).isEqualTo(fromDecisions.size()).isPositive();
    }

    @Test
    void wilson_interval_matches_the_textbook_values() {
        Stats.Interval i = Stats.wilson(5, 10, 4);
        assertThat(i.low()).isEqualByComparingTo("0.2365");
        assertThat(i.high()).isEqualByComparingTo("0.7635");
        Stats.Interval none = Stats.wilson(0, 20, 4);
        assertThat(none.low()).isEqualByComparingTo("0");
        assertThat(none.high()).isEqualByComparingTo("0.1612");
    }

    @Test
    void a_rerun_writes_byte_identical_report_summary_and_analytics_files() throws Exception {
        for (String file : List.of("report.html", "summary.json", "analytics/roll-rates.csv",
                "analytics/roll-rates-CNY.csv", "analytics/roll-rates-USD.csv", "analytics/strategies.csv")) {
            assertThat(Files.readAllBytes(outB.resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(outA.resolve(file)));
        }
        assertThat(report.toHtml()).isEqualTo(Files.readString(outA.resolve("report.html")));
    }

    @Test
    void compare_of_the_same_run_twice_shows_no_difference_and_a_changed_run_shows_it() throws Exception {
        Path dir = outA.getParent().resolve("compare-same");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        assertThat(CollectionsCli.run(new String[]{"compare", outA.toString(), outB.toString(), "--out",
                dir.toString()}, new PrintStream(console, true, StandardCharsets.UTF_8), System.err)).isZero();
        assertThat(console.toString(StandardCharsets.UTF_8)).contains(", 0 differ.");
        List<String> rows = Files.readAllLines(dir.resolve("compare.csv"));
        assertThat(rows.get(0)).isEqualTo(CompareRuns.HEADER);
        Set<String> sections = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            sections.add(f[0]);
            assertThat(f[f.length - 1].isEmpty() || new BigDecimal(f[f.length - 1]).signum() == 0).as(row).isTrue();
        }
        assertThat(sections).contains("strategies", "cure rate by stage", "loans by bucket at end", "roll rates",
                "contacts", "penalty");
        assertThat(Files.readString(dir.resolve("compare.html"))).contains("<h1>Collections runs compared</h1>")
                .contains("0 differ");
        // Its charts: A beside B for each stage and arm, with data; the same run twice gives equal bars.
        Map<String, Element> compareCharts = svgs(dir.resolve("compare.html"));
        assertThat(compareCharts.keySet()).containsExactly("compare-cure-by-stage", "compare-strategies",
                "compare-stages");
        for (Map.Entry<String, Element> c : compareCharts.entrySet()) {
            Map<String, String> a = new LinkedHashMap<>();
            Map<String, String> b = new LinkedHashMap<>();
            for (Element bar : marks(c.getValue())) {
                (bar.getAttribute("data-series").equals("A") ? a : b).put(bar.getAttribute("data-category"),
                        bar.getAttribute("data-value"));
            }
            assertThat(a).as(c.getKey()).isNotEmpty().isEqualTo(b);
            assertThat(a.values()).as(c.getKey()).anyMatch(v -> new BigDecimal(v).signum() > 0);
        }
        JsonNode firstStage = summary.path("analytics").path("cureRateByStage").get(0);
        assertThat(marks(compareCharts.get("compare-cure-by-stage"))).anyMatch(bar -> bar.getAttribute("data-category")
                .equals(firstStage.path("stage").asText()) && new BigDecimal(bar.getAttribute("data-value"))
                .compareTo(new BigDecimal(firstStage.path("cureRate").asText()).movePointRight(2)
                        .setScale(1, java.math.RoundingMode.HALF_EVEN)) == 0);

        // B with its challenger curing two more loans and fewer current loans at the end: the differences show.
        Path changed = outA.getParent().resolve("changed");
        Files.createDirectories(changed.resolve("analytics"));
        Files.copy(outB.resolve("analytics/roll-rates.csv"), changed.resolve("analytics/roll-rates.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ObjectNode b = (ObjectNode) MAPPER.readTree(outB.resolve("summary.json").toFile());
        ObjectNode challenger = (ObjectNode) b.path("analytics").path("strategies").get(2);
        challenger.put("cured", challenger.path("cured").asInt() + 2);
        ObjectNode buckets = (ObjectNode) b.path("loansByBucket");
        buckets.put("CURRENT", buckets.path("CURRENT").asInt() - 3);
        Files.writeString(changed.resolve("summary.json"), b.toPrettyString());
        List<CompareRuns.Figure> figures = CompareRuns.figures(outA, changed);
        assertThat(figures.stream().filter(CompareRuns.Figure::differs).map(f -> f.section() + " " + f.key() + " "
                + f.difference())).containsExactlyInAnyOrder(
                "strategies " + challenger.path("strategy").asText() + " " + challenger.path("currency").asText()
                        + " cured 2", "loans by bucket at end CURRENT -3");
        Path changedDir = outA.getParent().resolve("compare-changed");
        assertThat(CollectionsCli.run(new String[]{"compare", outA.toString(), changed.toString(), "--out",
                changedDir.toString()}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                System.err)).isZero();
        assertThat(Files.readString(changedDir.resolve("compare.html"))).contains("2 differ");
    }

    private static long openAtBoth() {
        Map<String, RunAnalytics.Snapshot> sep = report.analytics.monthEnds.get(LocalDate.of(2026, 9, 30));
        Map<String, RunAnalytics.Snapshot> oct = report.analytics.monthEnds.get(LocalDate.of(2026, 10, 31));
        assertThat(sep).isNotEmpty();
        assertThat(oct).isNotEmpty();
        return sep.keySet().stream().filter(oct::containsKey).count();
    }

    /** The inline SVG charts of an HTML file, by id. */
    private static Map<String, Element> svgs(Path html) throws Exception {
        Map<String, Element> out = new LinkedHashMap<>();
        Matcher m = SVG.matcher(Files.readString(html));
        while (m.find()) {
            Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.UTF_8)));
            out.put(svg.getDocumentElement().getAttribute("id"), svg.getDocumentElement());
        }
        return out;
    }

    private static String text(Element svg, String tag) {
        NodeList n = svg.getElementsByTagName(tag);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent();
    }

    private static String allText(Element svg) {
        return svg.getTextContent();
    }

    private static List<Element> groups(Element svg, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList g = svg.getElementsByTagName("g");
        for (int i = 0; i < g.getLength(); i++) {
            if (((Element) g.item(i)).getAttribute("class").equals(cls)) {
                out.add((Element) g.item(i));
            }
        }
        return out;
    }

    private static List<Element> marks(Element svg) {
        List<Element> out = new ArrayList<>();
        NodeList r = svg.getElementsByTagName("rect");
        for (int i = 0; i < r.getLength(); i++) {
            Element e = (Element) r.item(i);
            if (e.getAttribute("class").equals("bar") || e.getAttribute("class").equals("cell")) {
                assertThat(Double.parseDouble(e.getAttribute("width"))).isPositive();
                assertThat(Double.parseDouble(e.getAttribute("height"))).isNotNegative();
                out.add(e);
            }
        }
        return out;
    }

    private static long sum(Element svg) {
        return marks(svg).stream().mapToLong(e -> Long.parseLong(e.getAttribute("data-value"))).sum();
    }

    private static long sumOf(JsonNode object) {
        long s = 0;
        for (JsonNode v : object) {
            s += v.asLong();
        }
        return s;
    }
}

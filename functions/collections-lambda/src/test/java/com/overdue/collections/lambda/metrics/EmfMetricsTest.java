package com.overdue.collections.lambda.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EMF records carry the stage dimension, and every alarm of template.yaml on a custom metric names exactly the
 * dimension set the records declare (CloudWatch matches an alarm to a metric by its full dimension set: an alarm on
 * {@code function} alone would never see a record declared with {@code [function, stage]}).
 */
class EmfMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T06:00:00Z"), ZoneOffset.UTC);

    private static JsonNode emitted(String stage, String function, Map<String, Integer> counts) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new EmfMetrics(new PrintStream(bytes, true, StandardCharsets.UTF_8), CLOCK, stage).count(function, counts);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1);
        return JSON.readTree(text);
    }

    @Test
    void every_record_declares_the_function_and_stage_dimensions_and_carries_their_values() throws Exception {
        JsonNode line = emitted("prod", "ingestEvents", Map.of("EventsRejected", 1, "EventConflicts", 1));

        JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo("Collections");
        assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"function\",\"stage\"]]");
        assertThat(line.get("function").asText()).isEqualTo("ingestEvents");
        assertThat(line.get("stage").asText()).isEqualTo("prod");
        assertThat(line.get("EventsRejected").asLong()).isEqualTo(1);
        assertThat(line.get("_aws").get("Timestamp").asLong()).isEqualTo(CLOCK.millis());
    }

    @Test
    void without_a_configured_stage_the_records_say_dev() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            new EmfMetrics().count("overdueScan", Map.of("LoansScanned", 3));
        } finally {
            System.setOut(previous);
        }
        assertThat(JSON.readTree(bytes.toString(StandardCharsets.UTF_8)).get("stage").asText()).isEqualTo("dev");
    }

    /** The source of the Funqy function class that names {@code metric} as a string literal. */
    private static String functionSourceCounting(String metric) {
        Path sources = Path.of("src/main/java/com/overdue/collections/lambda/function");
        try (var files = Files.list(sources)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                if (text.contains("metrics.count") && text.contains("\"" + metric + "\"")) {
                    return text;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "(no function counts " + metric + ")";
    }

    @Test
    void every_alarm_on_a_custom_metric_names_exactly_the_dimensions_an_emitted_record_carries() throws Exception {
        Path template = Path.of(System.getProperty("collections.repo.root", "../.."), "template.yaml");
        // Jackson's YAML reader drops CloudFormation's short-form tags: "!Ref Stage" reads as "Stage".
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(template));
        assertThat(root.at("/Globals/Function/Environment/Variables/COLLECTIONS_STAGE").asText()).isEqualTo("Stage");
        String defaultStage = root.at("/Parameters/Stage/Default").asText();

        List<String> checked = new ArrayList<>();
        root.get("Resources").fields().forEachRemaining(e -> {
            JsonNode p = e.getValue().path("Properties");
            if (!"AWS::CloudWatch::Alarm".equals(e.getValue().path("Type").asText())
                    || !EmfMetrics.NAMESPACE.equals(p.path("Namespace").asText())) {
                return;
            }
            Map<String, String> alarm = new LinkedHashMap<>();
            p.path("Dimensions").forEach(d -> alarm.put(d.get("Name").asText(), d.get("Value").asText()));
            assertThat(alarm.keySet()).as(e.getKey()).containsExactlyInAnyOrderElementsOf(EmfMetrics.DIMENSIONS);
            assertThat(alarm.get("stage")).as(e.getKey() + ": the stack's own stage").isEqualTo("Stage");
            // The function the alarm names is the Funqy export whose class counts that metric.
            assertThat(functionSourceCounting(p.get("MetricName").asText())).as(e.getKey())
                    .contains("FUNCTION = \"" + alarm.get("function") + "\"");
            try {
                // What the function the alarm names emits for its metric, in a stack of the default stage.
                JsonNode line = emitted(defaultStage, alarm.get("function"), Map.of(p.get("MetricName").asText(), 1));
                JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
                List<String> declared = new ArrayList<>();
                directive.get("Dimensions").get(0).forEach(d -> declared.add(d.asText()));
                assertThat(declared).as(e.getKey()).containsExactlyInAnyOrderElementsOf(alarm.keySet());
                assertThat(line.get("function").asText()).isEqualTo(alarm.get("function"));
                assertThat(line.get("stage").asText()).isEqualTo(defaultStage);
                assertThat(directive.get("Metrics").get(0).get("Name").asText()).isEqualTo(p.get("MetricName").asText());
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
            checked.add(e.getKey());
        });
        // EventsRejected, EventConflicts, CalendarMissing, OutboxStale at least.
        assertThat(checked).hasSizeGreaterThanOrEqualTo(4);
    }
}

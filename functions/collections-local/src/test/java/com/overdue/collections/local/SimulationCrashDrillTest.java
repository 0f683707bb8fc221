package com.overdue.collections.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code simulate --crash-drill}: the sample portfolio with invocations dying at a high rate, redelivered as SQS and
 * Scheduler would, ends exactly where the clean run ends, with every effect of the clean run delivered.
 */
class SimulationCrashDrillTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void a_drill_of_the_sample_portfolio_loses_nothing_and_ends_where_the_clean_run_ends() throws Exception {
        Path root = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath().getParent().getParent();
        Path out = Paths.get(System.getProperty("basedir", "."), "target", "crash-drill", "sample");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int exit = CollectionsCli.run(new String[]{"simulate",
                        "--events", root.resolve("infra/events/sample-portfolio.jsonl").toString(),
                        "--from", "2026-10-01", "--to", "2026-11-30", "--out", out.toString(),
                        "--crash-drill", "7", "--crash-rate", "0.25"},
                new PrintStream(console, true, StandardCharsets.UTF_8),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        String printed = console.toString(StandardCharsets.UTF_8);

        JsonNode drill = MAPPER.readTree(out.resolve("drill.json").toFile());
        assertThat(drill.path("crashesInjected").asLong()).as(printed).isGreaterThan(100);
        assertThat(drill.path("redeliveries").asLong()).isGreaterThan(50);
        // Both kinds of crash happen: before a call (nothing done) and after it (done, response lost).
        assertThat(drill.path("crashesByPoint").fieldNames()).toIterable()
                .anyMatch(p -> p.endsWith(" BEFORE")).anyMatch(p -> p.endsWith(" AFTER"));
        // What the clean run delivered: actions, e-mails, SMS, in-app messages and Metro 2 files.
        assertThat(drill.path("cleanDelivered").path("action").asInt()).isPositive();
        assertThat(drill.path("cleanDelivered").path("email").asInt()).isPositive();
        assertThat(drill.path("cleanDelivered").path("metro2").asInt()).isPositive();
        assertThat(drill.path("effectsLost").asInt()).as(printed).isZero();
        assertThat(drill.path("outputsIdentical").asBoolean()).as(printed).isTrue();
        assertThat(drill.path("capBreaches").isArray()).isTrue();
        assertThat(drill.path("capBreaches")).as(printed).isEmpty();
        assertThat(drill.path("lost")).isEmpty();
        assertThat(drill.path("passed").asBoolean()).isTrue();
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("DRILL PASSED", "effects lost          0 of");

        // Every invocation that used up its attempts is in dlq.jsonl with its source and reason, ids only.
        List<String> dlq = Files.readAllLines(out.resolve("dlq.jsonl"));
        assertThat(dlq).hasSize(drill.path("deadLettered").asInt());
        for (String line : dlq) {
            JsonNode n = MAPPER.readTree(line);
            assertThat(n.path("reason").asText()).startsWith("injected crash at ");
            assertThat(n.path("source").asText()).isNotBlank();
            assertThat(line).doesNotContain("@", "+1212", "Jane");
        }
        // The clean run it was compared with is beside it.
        assertThat(out.resolve("clean").resolve("loans")).isDirectory();
        assertThat(Files.list(out.resolve("loans")).count())
                .isEqualTo(Files.list(out.resolve("clean").resolve("loans")).count()).isPositive();
    }

    @Test
    void the_drill_options_are_checked() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(CollectionsCli.run(new String[]{"simulate", "--events", "x.jsonl", "--from", "2026-10-01",
                "--to", "2026-10-02", "--out", "target/x", "--crash-rate", "0.1"}, e, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--crash-rate needs --crash-drill SEED");
        err.reset();
        assertThat(CollectionsCli.run(new String[]{"simulate", "--events", "x.jsonl", "--from", "2026-10-01",
                "--to", "2026-10-02", "--out", "target/x", "--crash-drill", "7", "--crash-rate", "2"}, e, e))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--crash-rate must be a number between 0 and 1");
    }
}

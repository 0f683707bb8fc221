package com.overdue.collections.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as a newcomer meets it: help for every command, a typo or a bad value refused with the usage and
 * exit 2 (the message names the option, no stack trace), a failure in one line unless --debug asks for the trace.
 * Each case that is refused is refused before DynamoDB Local starts, so these run in milliseconds.
 */
class CollectionsCliTest {

    static final Path DIR = Paths.get(System.getProperty("basedir", "."), "target", "cli");
    static Path eventsFile;
    static Path aFile;

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CollectionsCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void files() throws IOException {
        Files.createDirectories(DIR);
        eventsFile = Files.writeString(DIR.resolve("events.jsonl"), SimulationCalendarTest.booked("E-1", "L-1", "CN",
                "2026-08-10", "2026-09-10") + "\n");
        aFile = Files.writeString(DIR.resolve("a-file.txt"), "not a directory\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "simulate"})
    void each_command_has_help_that_lists_its_options(String command) {
        Result r = run(command, "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: collections " + command, "--out", "--config", "--quiet", "--debug",
                "--help");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void demo_help_shows_its_own_options_with_their_defaults_and_simulate_its_crash_drill() {
        assertThat(run("demo", "--help").out()).contains("--loans=N", "--days=N", "--from=yyyy-MM-dd", "--seed=N",
                "(default: 90)");
        assertThat(run("simulate", "-h").out()).contains("--events", "--to", "--run-time", "--crash-drill",
                "--crash-rate");
    }

    @Test
    void the_top_level_help_lists_the_commands_and_no_command_is_a_usage_error() {
        Result help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("demo", "simulate", "COMMAND");

        Result none = run();
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("a command is required", "Usage: collections");
    }

    @Test
    void a_typo_in_an_option_is_refused_with_a_suggestion_and_the_usage_and_nothing_runs() {
        Result r = run("demo", "--loan", "5", "--out", DIR.resolve("typo").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option", "--loan", "--loans", "Usage: collections demo");
        assertThat(r.err()).doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(DIR.resolve("typo")).doesNotExist();
    }

    @Test
    void an_unknown_command_is_a_usage_error() {
        Result r = run("demmo");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("demmo", "Usage: collections");
    }

    static Stream<Arguments> badValues() {
        String events = eventsFile.toString();
        String out = DIR.resolve("bad").toString();
        return Stream.of(
                new String[]{"--loans", "demo", "--loans", "-5"},
                new String[]{"--loans", "demo", "--loans", "0"},
                new String[]{"--loans", "demo", "--loans", "100001"},
                new String[]{"--loans", "demo", "--loans", "many"},
                new String[]{"--days", "demo", "--days", "0"},
                new String[]{"--days", "demo", "--days", "-1"},
                new String[]{"--from", "demo", "--from", "2026-13-01"},
                new String[]{"--seed", "demo", "--seed", "x"},
                new String[]{"--out", "demo", "--out", aFile.toString()},
                new String[]{"--config", "demo", "--config", aFile.toString()},
                new String[]{"--threads", "demo", "--threads", "0"},
                new String[]{"--threads", "demo", "--threads", "65"},
                new String[]{"--threads", "simulate", "--events", events, "--from", "2026-09-01", "--to",
                        "2026-09-02", "--out", out, "--threads", "-1"},
                new String[]{"--to", "simulate", "--events", events, "--from", "2026-09-10", "--to", "2026-09-01",
                        "--out", out},
                new String[]{"--events", "simulate", "--events", DIR.toString(), "--from", "2026-09-01", "--to",
                        "2026-09-02", "--out", out},
                new String[]{"--events", "simulate", "--events", DIR.resolve("missing.jsonl").toString(), "--from",
                        "2026-09-01", "--to", "2026-09-02", "--out", out},
                new String[]{"--events", "simulate", "--from", "2026-09-01", "--to", "2026-09-02", "--out", out},
                new String[]{"--out", "simulate", "--events", events, "--from", "2026-09-01", "--to", "2026-09-02",
                        "--out", aFile.toString()},
                new String[]{"--run-time", "simulate", "--events", events, "--from", "2026-09-01", "--to",
                        "2026-09-02", "--out", out, "--run-time", "25:00"},
                new String[]{"--crash-rate", "simulate", "--events", events, "--from", "2026-09-01", "--to",
                        "2026-09-02", "--out", out, "--crash-drill", "7", "--crash-rate", "1.5"},
                new String[]{"--crash-rate", "simulate", "--events", events, "--from", "2026-09-01", "--to",
                        "2026-09-02", "--out", out, "--crash-rate", "0.1"},
                new String[]{"--crash-drill", "simulate", "--events", events, "--from", "2026-09-01", "--to",
                        "2026-09-02", "--out", out, "--crash-drill", "seven"})
                .map(c -> Arguments.of((Object) c));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void a_bad_value_or_range_is_refused_naming_the_option_with_the_usage_and_no_stack_trace(String[] c) {
        String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
        Result r = run(args);

        assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
        String firstLine = r.err().lines().findFirst().orElse("");
        assertThat(firstLine).as(String.join(" ", args)).contains(c[0]);
        assertThat(r.err()).contains("Usage: collections " + args[0]).doesNotContain("\tat ", "Exception");
        assertThat(r.out()).isEmpty();
        assertThat(DIR.resolve("bad")).doesNotExist();
    }

    @Test
    void a_failed_run_is_one_line_and_debug_prints_its_stack_trace() {
        // The output directory cannot be made: its parent is a file. Not the user's typo, a run that fails.
        String out = aFile.resolve("sub").toString();

        Result plain = run("demo", "--loans", "1", "--days", "1", "--out", out);
        assertThat(plain.exit()).isEqualTo(1);
        assertThat(plain.err()).contains("collections demo: failed: ", "--debug").doesNotContain("\tat ");

        Result debug = run("demo", "--loans", "1", "--days", "1", "--out", out, "--debug");
        assertThat(debug.exit()).isEqualTo(1);
        assertThat(debug.err()).contains("collections demo: failed: ", "\tat java.base/");
    }
}

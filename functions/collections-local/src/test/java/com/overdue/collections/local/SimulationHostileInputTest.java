package com.overdue.collections.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.overdue.collections.emulators.PiiDetector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code collections simulate} over the hostile-input file of collections-core's test resources: exit 0, every hostile
 * line in rejected.jsonl with its line number and the field it breaks, every valid line applied, and no personal
 * data on the console or in any output file except the two whose purpose is to carry it: the outbox (the messages
 * delivered to the borrower, addressed to the borrower) and the Metro 2 files (the bureau must identify the consumer).
 */
class SimulationHostileInputTest {

    private static final Path HOSTILE = Paths.get(System.getProperty("basedir", "."), "..", "collections-core",
            "src", "test", "resources", "events", "hostile");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path out(String name) {
        return Paths.get(System.getProperty("basedir", "."), "target", "hostile", name);
    }

    @Test
    void every_hostile_line_is_rejected_with_its_line_and_field_and_nothing_personal_is_printed() throws Exception {
        Path out = out("run");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        long started = System.nanoTime();

        int exit = CollectionsCli.run(new String[]{"simulate", "--events",
                        HOSTILE.resolve("hostile-events.jsonl").toString(), "--from", "2026-01-10", "--to", "2026-03-05",
                        "--out", out.toString()}, new PrintStream(console, true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8));

        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(exit).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        Map<Integer, String> rejectedFields = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out.resolve("rejected.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode n = JSON.readTree(line);
            rejectedFields.put(n.path("line").asInt(), n.path("field").asText());
        }
        List<String> mismatches = new ArrayList<>();
        int hostile = 0;
        for (String row : Files.readAllLines(HOSTILE.resolve("hostile-events.expected.tsv"), StandardCharsets.UTF_8)) {
            String[] c = row.split("\t", -1);
            if (c[0].equals("line")) {
                continue;
            }
            int line = Integer.parseInt(c[0]);
            boolean refused = c[1].equals("rejected") || c[1].equals("conflict");
            if (refused) {
                hostile++;
                if (!c[2].equals(rejectedFields.get(line))) {
                    mismatches.add("line " + line + " (" + c[3] + "): expected " + c[2] + ", got "
                            + rejectedFields.get(line));
                }
            } else if (rejectedFields.containsKey(line)) {
                mismatches.add("line " + line + " (" + c[3] + ") is valid but was rejected at "
                        + rejectedFields.get(line));
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(rejectedFields).hasSize(hostile);
        assertThat(hostile).isGreaterThanOrEqualTo(50);
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Events: 9 applied, 1 duplicate (no-op), " + hostile + " rejected");
        assertThat(Files.readString(out.resolve("loans").resolve("L-H1.json"))).contains("\"loanId\" : \"L-H1\"");

        PiiDetector pii = PiiDetector.fromFixtures(HOSTILE, HOSTILE.resolve("../valid").normalize());
        List<String> leaks = new ArrayList<>(pii.findIn("console", printed));
        leaks.addAll(pii.findIn("stderr", errors.toString(StandardCharsets.UTF_8)));
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().equals("outbox")).sorted().toList()) {
                if (Files.isDirectory(f)) {
                    pii.findInFiles(f).stream().filter(hit -> !hit.matches(".*metro2-[0-9-]+\\.txt: .*"))
                            .forEach(leaks::add);
                } else {
                    leaks.addAll(pii.findIn(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
                }
            }
        }
        assertThat(leaks).isEmpty();
        System.out.printf("hostile file: %d hostile lines rejected, 9 applied, 1 duplicate, in %.1f s%n", hostile,
                seconds);
    }

    @Test
    void events_after_to_are_listed_and_a_directory_as_events_is_refused_in_one_line_before_anything_runs()
            throws Exception {
        Path events = out("after").resolve("events.jsonl");
        Files.createDirectories(events.getParent());
        List<String> lines = Files.readAllLines(HOSTILE.resolve("hostile-events.jsonl"), StandardCharsets.ISO_8859_1);
        Files.write(events, List.of(new String(lines.get(0).getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8), SimulationCalendarTest.booked("E-LATE", "L-LATE", "CN", "2026-06-01",
                "2026-07-01")), StandardCharsets.UTF_8);
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        int exit = CollectionsCli.run(new String[]{"simulate", "--events", events.toString(), "--from", "2026-01-10",
                "--to", "2026-01-20", "--out", out("after").resolve("out").toString()},
                new PrintStream(console, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).isZero();
        assertThat(Files.readAllLines(out("after").resolve("out").resolve("after-window.jsonl")))
                .singleElement().asString().contains("\"line\":2", "2026-06-01T01:00:00Z");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("1 after the window (not applied, see "
                + "after-window.jsonl)");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int failed = CollectionsCli.run(new String[]{"simulate", "--events", out("after").toString(), "--from",
                "2026-01-10", "--to", "2026-01-20", "--out", out("fatal").toString()}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        // A usage error (exit 2): its message names the option, then the usage; no stack trace, nothing run.
        assertThat(failed).isEqualTo(2);
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(10);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message.lines().findFirst()).hasValue("collections simulate: --events: " + out("after")
                + " is a directory, not a file");
        assertThat(message).contains("Usage: collections simulate").doesNotContain("\tat ");
        assertThat(out("fatal")).doesNotExist();
    }
}

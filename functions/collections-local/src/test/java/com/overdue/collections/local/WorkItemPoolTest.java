package com.overdue.collections.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scan's work items on several threads give the run a thread at a time gives, byte for byte: every output file,
 * the summary's request counts per operation and per function included. The portfolio has borrowers with
 * reminders, escalation actions, penalty postings, cures and rejections over five weeks, so every worker and every
 * file adapter is exercised on the pool.
 */
class WorkItemPoolTest {

    private static final LocalDate FROM = LocalDate.of(2026, 9, 20);
    private static final LocalDate TO = LocalDate.of(2026, 10, 25);

    private static SimulationReport run(int threads, Path out) throws IOException {
        List<String> events = new DemoPortfolio(7, FROM, TO).events(120);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Simulation(LocalTime.of(6, 0), quiet, 0).workThreads(threads).run(events, FROM, TO, out);
    }

    /** Every regular file under {@code dir}, by relative path, with its bytes. */
    private static TreeMap<String, byte[]> files(Path dir) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void four_threads_write_what_one_thread_writes() throws IOException {
        Path base = Paths.get(System.getProperty("basedir", "."), "target", "work-item-pool");
        SimulationReport inTurn = run(1, base.resolve("one"));
        SimulationReport pooled = run(4, base.resolve("four"));

        TreeMap<String, byte[]> one = files(base.resolve("one"));
        TreeMap<String, byte[]> four = files(base.resolve("four"));
        assertThat(four.keySet()).isEqualTo(one.keySet());
        for (String name : one.keySet()) {
            assertThat(new String(four.get(name), StandardCharsets.UTF_8)).as(name)
                    .isEqualTo(new String(one.get(name), StandardCharsets.UTF_8));
        }
        // Not a vacuous comparison: the run had work for every worker and effect for every file adapter.
        assertThat(inTurn.workItems).isGreaterThan(500);
        assertThat(one.keySet()).contains("actions.jsonl", "contacts.jsonl", "outbox/sms.jsonl", "outbox/inapp.jsonl");
        assertThat(one.keySet()).anyMatch(n -> n.startsWith("outbox/email/"));
        assertThat(one.get("actions.jsonl").length).isPositive();
        assertThat(pooled.dynamoRequestsByFunction).isEqualTo(inTurn.dynamoRequestsByFunction)
                .containsKeys("penaltyAccrual Query", "reminderFanOut PutItem:CONTACT");
        assertThat(pooled.invocations).isEqualTo(inTurn.invocations);
    }
}

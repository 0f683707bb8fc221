package com.overdue.collections.local;

import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.emulators.UsLoanEvents;
import com.overdue.collections.emulators.crash.CrashInjector;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crashes at random I/O points of the decision → publish path (escalationDecision, the outbox recovery in the sweep)
 * and the reminder path (reminderFanOut, contactSweep), before or after each call: after the redeliveries, every
 * action id and every contact the clean run delivered is delivered at least once, and the loans, decisions and
 * Metro 2 files are those of the clean run. Shrinking finds the smallest set of crash points that loses something.
 */
class CrashPointsPropertyTest {

    /** Two US loans, one paid, one missed: reminders from DPD 1, a call task at DPD 16, a letter at DPD 31. */
    private static final List<String> EVENTS = List.of(
            UsLoanEvents.booked("E-1", "L-PAYS"), UsLoanEvents.booked("E-2", "L-MISSES"),
            UsLoanEvents.payment("E-3", "L-PAYS", "P-1", "2026-01-15"));
    private static final LocalDate FROM = LocalDate.of(2026, 1, 13);
    private static final LocalDate TO = LocalDate.of(2026, 2, 16);
    private static final Set<String> PATHS = Set.of("escalationDecision", "reminderFanOut", "contactSweep");
    private static final Path DIR = Paths.get(System.getProperty("basedir", "."), "target", "crash-points");
    private static final AtomicInteger TRY = new AtomicInteger();

    private static Clean clean;

    /** The clean run, and the index of every point reached inside one of the two paths. */
    private record Clean(SimulationReport report, Path dir, List<Long> pathPoints) {
    }

    private static synchronized Clean clean() {
        if (clean == null) {
            Path dir = DIR.resolve("clean");
            CrashInjector recording = CrashInjector.recording();
            SimulationReport report = simulation(recording, dir);
            List<String> kinds = recording.pointKinds();
            List<Long> points = new ArrayList<>();
            for (int i = 0; i < kinds.size(); i++) {
                if (PATHS.contains(kinds.get(i))) {
                    points.add((long) i);
                }
            }
            // the paths do deliver here: actions, reminders on every channel
            assertThat(report.deliveries.countsByKind()).containsKeys("action", "email", "sms", "inapp");
            assertThat(report.crashes).isZero();
            clean = new Clean(report, dir, points);
        }
        return clean;
    }

    private static SimulationReport simulation(CrashInjector crashes, Path dir) {
        try {
            return new Simulation(LocalTime.of(6, 0),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 0)
                    .run(EVENTS, FROM, TO, dir, crashes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<Set<Long>> crashPoints() {
        List<Long> points = clean().pathPoints();
        return Arbitraries.of(points).set().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 6, seed = "20261201", shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void after_crashes_and_redelivery_every_clean_effect_is_delivered_and_the_outputs_match(
            @ForAll("crashPoints") Set<Long> points) throws IOException {
        Clean c = clean();
        Path dir = DIR.resolve("try-" + TRY.incrementAndGet());
        CrashInjector crashes = CrashInjector.atPoints(points);
        SimulationReport drill = simulation(crashes, dir);
        CrashDrill result = CrashDrill.compare(0, 0, c.report(), c.dir(), drill, dir,
                EngineConfiguration.fromClasspath().contactPolicy().packs());

        assertThat(drill.crashes).as("crashes injected at %s", points).isPositive();
        assertThat(result.lost).as("effects lost after crashes at %s: %s", points, crashes.crashesByPoint())
                .isEmpty();
        assertThat(drill.deliveries.ids()).containsAll(c.report().deliveries.ids());
        assertThat(result.differences).as("outputs after crashes at %s", points).isEmpty();
        assertThat(result.capBreaches).isEmpty();
    }
}

package com.overdue.collections.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo portfolio exercises the contact rules: its summary shows deferred and suppressed contacts by rule. */
class DemoContactRulesTest {

    @Test
    void a_small_demo_run_defers_for_quiet_hours_and_suppresses_for_an_opt_out_or_a_dispute() throws Exception {
        LocalDate from = LocalDate.of(2026, 9, 1);
        LocalDate to = from.plusDays(19);
        List<String> events = new DemoPortfolio(42, from, to).events(60);
        assertThat(events).anyMatch(e -> e.contains("\"type\":\"ContactPreferencesChanged\""))
                .anyMatch(e -> e.contains("\"type\":\"DisputeOpened\""))
                .anyMatch(e -> e.contains("\"timeZone\":\"" + DemoPortfolio.FAR_ZONE.getId() + "\""));
        Path out = Paths.get(System.getProperty("basedir", "."), "target", "demo-contact-rules");

        SimulationReport report = new Simulation(LocalTime.of(6, 0), new PrintStream(new ByteArrayOutputStream(),
                true, StandardCharsets.UTF_8), 0).run(events, from, to, out);

        // Keys are "<STATE> <CHANNEL> <deciding rule>"; a SENT contact has no deciding rule ("-").
        assertThat(report.contactDecisions.keySet())
                .anyMatch(k -> k.startsWith("DEFERRED ") && k.endsWith(" quietHours"))
                .anyMatch(k -> k.startsWith("SUPPRESSED ") && Set.of("optOut", "openDispute", "ceaseCommunication",
                        "complaintPause").contains(k.substring(k.lastIndexOf(' ') + 1)))
                .anyMatch(k -> k.startsWith("SENT "));
        assertThat(report.contactDecisions.keySet()).filteredOn(k -> !k.startsWith("SENT "))
                .allSatisfy(k -> assertThat(k).doesNotEndWith(" -"));
    }
}

package com.overdue.collections.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.overdue.collections.emulators.Metro2Validator;
import com.overdue.collections.emulators.UsLoanEvents;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code simulate} writes the Metro 2 file and manifest of every cycle date in its range (RULES §7). */
class SimulationCreditReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void simulate_writes_a_valid_metro2_file_and_manifest_on_each_cycle_date_and_notices_to_actions_jsonl()
            throws Exception {
        Path out = Paths.get(System.getProperty("basedir", "."), "target", "metro2", "simulate");
        List<String> events = List.of(
                UsLoanEvents.booked("E-1", "L-PAYS"), UsLoanEvents.booked("E-2", "L-MISSES"),
                UsLoanEvents.payment("E-3", "L-PAYS", "P-1", "2026-01-15"),
                UsLoanEvents.payment("E-4", "L-PAYS", "P-2", "2026-02-15"),
                UsLoanEvents.payment("E-5", "L-PAYS", "P-3", "2026-03-15"));

        SimulationReport report = new Simulation(LocalTime.of(6, 0),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 0)
                .run(events, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), out);

        // Cycle day LAST (infra/config/bureau/reporting.json): January, February and March.
        assertThat(report.creditReports).extracting(c -> c.cycleDate().toString())
                .containsExactly("2026-01-31", "2026-02-28", "2026-03-31");
        Path feb = out.resolve("credit").resolve("metro2-2026-02-28.txt");
        byte[] content = Files.readAllBytes(feb);
        List<String> records = new String(content, StandardCharsets.US_ASCII).lines().toList();
        assertThat(records).hasSize(4);
        assertThat(records.get(1).substring(42, 72).strip()).isEqualTo("L-MISSES");
        assertThat(records.get(1).substring(123, 125)).isEqualTo("71");
        assertThat(records.get(2).substring(42, 72).strip()).isEqualTo("L-PAYS");
        assertThat(records.get(2).substring(123, 125)).isEqualTo("11");
        for (String cycle : List.of("2026-01-31", "2026-02-28", "2026-03-31")) {
            Path file = out.resolve("credit").resolve("metro2-" + cycle + ".txt");
            Metro2Validator.Run run = Metro2Validator.locate().validate(file);
            assertThat(run.valid()).as("moov-io/metro2 on %s: %s", file, run.stderr()).isTrue();
        }
        JsonNode manifest = MAPPER.readTree(out.resolve("credit").resolve("metro2-2026-02-28.manifest.json")
                .toFile());
        assertThat(manifest.path("file").path("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(manifest.path("trailer").path("baseRecordsByAccountStatus").path("71").asInt()).isEqualTo(1);
        // actions.jsonl also carries the escalation ladder's actions (CALL_TASK, LETTER, …): one notice among them.
        List<JsonNode> notices = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("actions.jsonl"))) {
            JsonNode n = MAPPER.readTree(line);
            if ("NEGATIVE_REPORT_NOTICE".equals(n.get("action").asText())) {
                notices.add(n);
            }
        }
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.get("loanId").asText()).isEqualTo("L-MISSES");
            assertThat(n.get("decisionId").asText()).isEqualTo("BUREAU#2026-02-28");
        });
    }
}

package com.overdue.collections.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.overdue.collections.emulators.PiiDetector;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
import org.junit.jupiter.api.Test;

/**
 * The hostile-input file (src/test/resources/events/hostile) through the ingest use case, line by line in file order,
 * as the queue would deliver it: every hostile line is rejected naming the field in hostile-events.expected.tsv,
 * every valid line applied, and no rejection reason carries personal data.
 */
class HostileEventsTest {

    static final Path DIR = Path.of("src/test/resources/events/hostile");

    /** One expected outcome: line number, applied / duplicate / rejected / conflict, and the field named. */
    record Expected(int line, String expect, String field, String what) {
    }

    static Map<Integer, Expected> expected(Path dir) throws IOException {
        Map<Integer, Expected> out = new LinkedHashMap<>();
        for (String row : Files.readAllLines(dir.resolve("hostile-events.expected.tsv"), StandardCharsets.UTF_8)) {
            String[] c = row.split("\t", -1);
            if (!c[0].equals("line")) {
                out.put(Integer.parseInt(c[0]), new Expected(Integer.parseInt(c[0]), c[1], c[2], c[3]));
            }
        }
        return out;
    }

    /** The file's lines, {@code null} for one that is not valid UTF-8. */
    static List<String> lines(Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve("hostile-events.jsonl"));
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                try {
                    lines.add(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes, start, i - start)).toString());
                } catch (CharacterCodingException e) {
                    lines.add(null);
                }
                start = i + 1;
            }
        }
        return lines;
    }

    @Test
    void every_hostile_line_is_rejected_naming_its_field_every_valid_line_applies_and_no_reason_holds_pii()
            throws IOException {
        Map<Integer, Expected> expected = expected(DIR);
        List<String> lines = lines(DIR);
        InMemoryLoanRepository loans = new InMemoryLoanRepository(4);
        IngestEventUseCase ingest = new IngestEventUseCase(loans, CollectionsSettings.defaults(4),
                Clock.fixed(Instant.parse("2026-03-05T01:00:00Z"), ZoneOffset.UTC));
        PiiDetector pii = PiiDetector.fromFixtures(DIR, Path.of("src/test/resources/events/valid"));
        List<String> mismatches = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int hostile = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line == null || line.isBlank()) {
                continue; // not valid UTF-8: an SQS body cannot carry it; the local runner's test covers it
            }
            Expected want = expected.get(i + 1);
            assertThat(want).as("line " + (i + 1) + " has an expectation").isNotNull();
            IngestOutcome outcome = ingest.ingest(line);
            String got = outcome instanceof IngestOutcome.Applied ? "applied"
                    : outcome instanceof IngestOutcome.Duplicate ? "duplicate"
                    : ((IngestOutcome.Rejected) outcome).conflict() ? "conflict" : "rejected";
            counts.merge(got, 1, Integer::sum);
            String field = outcome instanceof IngestOutcome.Rejected r ? r.rejection().field() : "";
            if (!got.equals(want.expect()) || !field.equals(want.field())) {
                mismatches.add("line " + (i + 1) + " (" + want.what() + "): expected " + want.expect() + " "
                        + want.field() + ", got " + got + " " + (outcome instanceof IngestOutcome.Rejected r
                        ? r.rejection().describe() : field));
            }
            if (outcome instanceof IngestOutcome.Rejected r) {
                hostile++;
                leaks.addAll(pii.findIn("line " + (i + 1), r.rejection().describe()));
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(leaks).isEmpty();
        assertThat(hostile).isGreaterThanOrEqualTo(50);
        assertThat(pii.values()).contains("Gongsun", "meilin.gongsun@example.cn", "+8613912345678",
                "11010519900307281X");
        assertThat(counts).containsEntry("applied", 9).containsEntry("duplicate", 1).containsEntry("conflict", 2);
    }
}

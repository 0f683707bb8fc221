package com.overdue.collections.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.overdue.collections.emulators.PiiDetector;
import com.overdue.collections.lambda.dynamodb.DynamoDbLoanRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The hostile-input file of collections-core's test resources through {@code ingestEvents} on DynamoDB Local, one
 * SQS record per line in file order: every hostile line is a batch item failure whose log record names the field in
 * hostile-events.expected.tsv, every valid line applies, and no log record (message, MDC, stack trace) carries
 * personal data. A line that is not valid UTF-8 cannot be an SQS body and is left to the local runner's test.
 */
@QuarkusTest
@QuarkusTestResource(value = EmulatorsResource.class, restrictToAnnotatedClass = true)
class IngestHostileEventsFunctionTest {

    private static final Path HOSTILE = Path.of("../collections-core/src/test/resources/events/hostile");

    /** Every log record of the application while the test runs, as text with its MDC and any stack trace. */
    static final class Capture extends Handler {
        final List<String> records = new ArrayList<>();
        final List<Map<String, String>> mdc = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord r) {
            StringBuilder text = new StringBuilder(r.getLoggerName() + " " + new java.util.logging.SimpleFormatter()
                    .formatMessage(r));
            Map<String, String> copy = r instanceof ExtLogRecord ext ? ext.getMdcCopy().entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())))
                    : Map.of();
            text.append(" ").append(copy);
            for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                text.append(" ").append(t);
            }
            records.add(text.toString());
            mdc.add(copy);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void every_hostile_line_fails_alone_naming_its_field_every_valid_line_applies_and_no_log_holds_pii()
            throws Exception {
        TestClock.set("2026-03-05T01:00:00Z");
        byte[] bytes = Files.readAllBytes(HOSTILE.resolve("hostile-events.jsonl"));
        List<String> lines = new ArrayList<>();
        for (int start = 0, i = 0; i < bytes.length; i++) {
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
        List<String[]> expected = Files.readAllLines(HOSTILE.resolve("hostile-events.expected.tsv")).stream()
                .skip(1).map(l -> l.split("\t", -1)).toList();
        Capture capture = new Capture();
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        List<String> mismatches = new ArrayList<>();
        int hostile = 0;
        int applied = 0;
        try {
            for (String[] row : expected) {
                String body = lines.get(Integer.parseInt(row[0]) - 1);
                if (body == null) {
                    continue;
                }
                int before = capture.mdc.size();
                List<String> failures = RestAssured.given().contentType("application/json")
                        .body(Events.sqsBatch(List.of(body))).post("/").then().statusCode(200).extract().jsonPath()
                        .getList("batchItemFailures.itemIdentifier");
                String outcome = capture.mdc.subList(before, capture.mdc.size()).stream()
                        .map(m -> m.getOrDefault("outcome", "")).filter(o -> !o.isEmpty()).findFirst().orElse("");
                String field = capture.mdc.subList(before, capture.mdc.size()).stream()
                        .map(m -> m.getOrDefault("field", "")).filter(o -> !o.isEmpty()).findFirst().orElse("");
                boolean refused = row[1].equals("rejected") || row[1].equals("conflict");
                hostile += refused ? 1 : 0;
                applied += outcome.equals("applied") ? 1 : 0;
                if (refused != failures.contains("m1") || !outcome.equals(row[1]) || !field.equals(row[2])) {
                    mismatches.add("line " + row[0] + " (" + row[3] + "): expected " + row[1] + " " + row[2]
                            + ", got " + outcome + " " + field + " failures " + failures);
                }
            }
        } finally {
            root.removeHandler(capture);
        }

        assertThat(mismatches).isEmpty();
        assertThat(hostile).isGreaterThanOrEqualTo(50);
        assertThat(applied).isEqualTo(9);
        PiiDetector pii = PiiDetector.fromFixtures(HOSTILE, HOSTILE.resolve("../valid").normalize());
        List<String> leaks = new ArrayList<>();
        capture.records.forEach(r -> leaks.addAll(pii.findIn("log", r)));
        assertThat(capture.records).hasSizeGreaterThan(hostile);
        assertThat(leaks).isEmpty();
        DynamoDbLoanRepository repository = new DynamoDbLoanRepository(DynamoDbEnhancedClient.builder()
                .dynamoDbClient(EmulatorsResource.dynamoDb()).build(), EmulatorsResource.TABLE,
                EmulatorsResource.SHARDS);
        assertThat(repository.findLoan("L-H1")).isPresent();
        assertThat(repository.findEvents("L-H1")).allSatisfy(e -> assertThat(pii.findIn(e.eventId(), e.json()))
                .as("the stored copy of " + e.type()).isEmpty());
        // One borrower record, newest change per field (booking 01-10, details 02-20, details 02-15 arriving later).
        var borrower = repository.findBorrower("B-H1").orElseThrow();
        assertThat(borrower.email()).isEqualTo("m.gongsun@example.org");
        assertThat(borrower.address().line1()).isEqualTo("9 Orchid Road");
        var erased = new com.overdue.collections.core.application.EraseBorrowerUseCase(repository,
                id -> List.of("L-H1"), repository, java.time.Clock.systemUTC()).erase("B-H1").orElseThrow();
        assertThat(erased.erasedFields()).containsExactly("email", "phone");
        assertThat(repository.findBorrower("B-H1").orElseThrow().email()).isNull();
        assertThat(repository.findBorrower("B-H1").orElseThrow().lastName()).isEqualTo("Gongsun");
        System.out.printf("hostile file through ingestEvents: %d hostile lines failed alone, %d applied%n", hostile,
                applied);
    }
}

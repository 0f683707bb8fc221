package com.overdue.collections.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published JSON Schema (schemas/collections-event.schema.json) against the sample events and the parser
 * fixtures. Paths are relative to the module directory, which is surefire's working directory.
 */
class EventSchemaTest {

    private static final Path SCHEMA_FILE = Path.of("../../schemas/collections-event.schema.json");
    private static final Path INFRA_EVENTS = Path.of("../../infra/events");
    private static final Path VALID = Path.of("src/test/resources/events/valid");
    private static final Path INVALID = Path.of("src/test/resources/events/invalid");
    private static final Path EXPECTED = INVALID.resolve("EXPECTED.tsv");

    private static final List<String> CONTRACT_TYPES = List.of(
            "LoanBooked", "PaymentReceived", "PaymentReversed", "PromiseToPayMade", "ContactOutcomeRecorded",
            "HardshipRequested", "HardshipDecided", "WaiverGranted", "DisputeOpened", "DisputeResolved",
            "ContactPreferencesChanged", "ComplaintReceived", "LegalEventRecorded", "LoanClosed", "BorrowerDetailsChanged");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(VersionFlag.V202012);
    // Draft 2020-12 treats "format" as an annotation by default; the contract asserts date and date-time.
    // LEGACY paths ($.payload.installments[0].dueDate) read like the dotted fields our own parser reports.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.LEGACY)
            .build();

    private static JsonNode schemaNode;
    private static JsonSchema schema;

    @BeforeAll
    static void loadThePublishedSchema() {
        schemaNode = read(SCHEMA_FILE);
        schema = FACTORY.getSchema(schemaNode, CONFIG);
    }

    // ---- the schema itself

    @Test
    void the_published_schema_is_itself_a_valid_draft_2020_12_schema() {
        JsonSchema metaSchema =
                FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), CONFIG);
        assertThat(metaSchema.validate(schemaNode)).isEmpty();
        assertThat(schemaNode.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void every_definition_has_a_title_and_a_description() {
        List<String> missing = new ArrayList<>();
        schemaNode.path("$defs").fields().forEachRemaining(def -> {
            if (!def.getValue().path("title").isTextual() || !def.getValue().path("description").isTextual()) {
                missing.add(def.getKey());
            }
        });
        assertThat(missing).isEmpty();
        assertThat(schemaNode.path("title").isTextual()).isTrue();
        assertThat(schemaNode.path("description").asText()).contains("additionalProperties false");
    }

    @Test
    void the_schema_accepts_exactly_the_fifteen_event_types_of_the_contract() {
        List<String> enumerated = new ArrayList<>();
        schemaNode.path("$defs").path("eventType").path("enum").forEach(t -> enumerated.add(t.asText()));
        assertThat(enumerated).containsExactlyInAnyOrderElementsOf(CONTRACT_TYPES);
    }

    @Test
    void the_envelope_and_every_payload_are_closed() {
        assertThat(schemaNode.path("additionalProperties").asBoolean(true)).isFalse();
        for (String type : CONTRACT_TYPES) {
            JsonNode payload = schemaNode.path("$defs").path(type + "Payload");
            assertThat(payload.isObject()).as(type + "Payload is defined").isTrue();
            assertThat(payload.path("additionalProperties").asBoolean(true)).as(type + "Payload is closed").isFalse();
        }
    }

    // ---- valid samples

    static Stream<Path> validFixtures() {
        return jsonFilesIn(VALID).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFixtures")
    void every_valid_sample_passes_the_published_schema(Path file) {
        assertThat(errorsOf(read(file))).as(file.toString()).isEmpty();
    }

    @Test
    void every_event_type_has_at_least_one_valid_sample() {
        Set<String> covered = jsonFilesIn(VALID).stream()
                .map(f -> read(f).path("type").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).containsAll(CONTRACT_TYPES);
    }

    // ---- invalid samples

    static Stream<Arguments> invalidFixtures() {
        return expectedFields().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalidFixtures")
    void every_invalid_sample_fails_with_an_error_at_the_field_named_in_EXPECTED_tsv(String file, String field) {
        Set<ValidationMessage> errors = errorsOf(read(INVALID.resolve(file)));
        assertThat(errors).as(file + " is rejected").isNotEmpty();
        List<String> paths = errors.stream().flatMap(EventSchemaTest::offendingPaths).collect(Collectors.toList());
        assertThat(paths)
                .as(file + " has an error at " + field + "; errors: " + errors)
                .anyMatch(p -> mentions(p, field));
    }

    @Test
    void every_invalid_sample_is_listed_in_EXPECTED_tsv_and_there_are_at_least_fifteen() {
        Set<String> files = jsonFilesIn(INVALID).stream()
                .map(p -> p.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(files).hasSizeGreaterThanOrEqualTo(15);
        assertThat(new TreeSet<>(expectedFields().keySet())).isEqualTo(files);
    }

    // ---- infra/events samples

    static Stream<Path> infraEventSamples() {
        return jsonFilesIn(INFRA_EVENTS).stream().filter(p -> read(p).has("eventId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("infraEventSamples")
    void every_event_sample_under_infra_events_passes_the_published_schema(Path file) {
        assertThat(errorsOf(read(file))).as(file.toString()).isEmpty();
    }

    @Test
    void there_is_one_infra_sample_per_event_type_named_after_it() {
        for (String type : CONTRACT_TYPES) {
            Path file = INFRA_EVENTS.resolve(type + ".json");
            assertThat(file).exists();
            assertThat(read(file).path("type").asText()).isEqualTo(type);
        }
    }

    @Test
    void every_record_body_of_the_sqs_batch_sample_is_an_event_the_schema_accepts() throws Exception {
        JsonNode batch = read(INFRA_EVENTS.resolve("sqs-batch-ingest.json"));
        JsonNode records = batch.path("Records");
        assertThat(records).hasSize(3);
        List<String> types = new ArrayList<>();
        for (JsonNode record : records) {
            assertThat(record.path("eventSource").asText()).isEqualTo("aws:sqs");
            String body = record.path("body").asText();
            assertThat(record.path("md5OfBody").asText()).isEqualTo(md5Hex(body));
            JsonNode event = JSON.readTree(body);
            assertThat(errorsOf(event)).as(record.path("messageId").asText()).isEmpty();
            types.add(event.path("type").asText());
        }
        assertThat(types).containsExactly("LoanBooked", "PaymentReceived", "PaymentReceived");
        // The third record's "12.345" is well-formed for the schema; it is the CNY scale check in code that rejects it.
        JsonNode third = JSON.readTree(records.get(2).path("body").asText());
        assertThat(third.path("payload").path("amount").asText()).isEqualTo("12.345");
    }

    @Test
    void the_overdue_scan_schedule_sample_names_a_time_zone_and_a_business_date() {
        JsonNode scan = read(INFRA_EVENTS.resolve("schedule-overdue-scan.json"));
        assertThat(scan.path("timeZone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(scan.path("businessDate").asText()).isEqualTo("2026-03-02");
    }

    @Test
    void the_sample_portfolio_stream_fails_the_schema_only_on_its_malformed_amount_line() throws IOException {
        List<String> lines = Files.readAllLines(INFRA_EVENTS.resolve("sample-portfolio.jsonl"), StandardCharsets.UTF_8)
                .stream().filter(l -> !l.isBlank()).collect(Collectors.toList());
        Map<Integer, Set<ValidationMessage>> failing = new LinkedHashMap<>();
        Map<String, Integer> eventIds = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode event = JSON.readTree(lines.get(i));
            eventIds.merge(event.path("eventId").asText(), 1, Integer::sum);
            Set<ValidationMessage> errors = errorsOf(event);
            if (!errors.isEmpty()) {
                failing.put(i + 1, errors);
            }
        }
        assertThat(failing).hasSize(1);
        Set<ValidationMessage> errors = failing.values().iterator().next();
        assertThat(errors.stream().flatMap(EventSchemaTest::offendingPaths)).anyMatch(p -> mentions(p, "payload.amount"));
        assertThat(eventIds.values()).as("exactly one duplicated eventId").containsOnlyOnce(2);
    }

    // ---- helpers

    private static Set<ValidationMessage> errorsOf(JsonNode event) {
        return schema.validate(event);
    }

    /**
     * Where an error points: its instance location, and for keywords about a named property that is absent or
     * not allowed (required, additionalProperties, ...) the location of that property.
     */
    private static Stream<String> offendingPaths(ValidationMessage message) {
        String at = message.getInstanceLocation().toString();
        String property = message.getProperty();
        return property == null ? Stream.of(at) : Stream.of(at, at + "." + property);
    }

    /** Loose comparison: {@code $.payload.installments[0].dueDate} mentions {@code payload.installments[0].dueDate}. */
    private static boolean mentions(String path, String dottedField) {
        String expected = "$." + dottedField;
        return path.equals(expected) || path.startsWith(expected + ".") || path.startsWith(expected + "[");
    }

    private static Map<String, String> expectedFields() {
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : Files.readAllLines(EXPECTED, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("file\t")) {
                    continue;
                }
                String[] columns = line.split("\t");
                fields.put(columns[0].trim(), columns[1].trim());
            }
            return fields;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> jsonFilesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    private static String md5Hex(String body) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }
}

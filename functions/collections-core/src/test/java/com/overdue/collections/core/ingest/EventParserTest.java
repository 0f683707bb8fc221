package com.overdue.collections.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.overdue.collections.core.ingest.EventPayload.LoanBooked;
import com.overdue.collections.core.ingest.EventPayload.PaymentReceived;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser against the fixtures under src/test/resources/events: every valid file parses, every invalid one is
 * rejected naming the field that EXPECTED.tsv names (the same file {@link EventSchemaTest} holds the published
 * schema to, so parser and schema agree).
 */
class EventParserTest {

    private static final Path VALID = Path.of("src/test/resources/events/valid");
    private static final Path INVALID = Path.of("src/test/resources/events/invalid");
    private static final Path INFRA_EVENTS = Path.of("../../infra/events");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventParser parser = new EventParser();

    static Stream<Path> validFixtures() {
        return jsonFilesIn(VALID).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFixtures")
    void every_valid_fixture_parses_with_its_envelope(Path file) {
        String json = read(file);
        JsonNode node = tree(json);

        CollectionsEvent event = parser.parse(json);

        assertThat(event.eventId()).isEqualTo(node.path("eventId").asText());
        assertThat(event.type().name()).isEqualTo(node.path("type").asText());
        assertThat(event.loanId()).isEqualTo(node.path("loanId").asText());
        assertThat(event.occurredAt()).isEqualTo(Instant.parse(node.path("occurredAt").asText()));
        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.payload()).isNotNull();
        assertThat(event.json()).isEqualTo(json);
    }

    static Stream<Arguments> invalidFixtures() {
        return expectedFields().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalidFixtures")
    void every_invalid_fixture_is_rejected_naming_the_field_in_EXPECTED_tsv(String file, String field) {
        String json = read(INVALID.resolve(file));

        InvalidEventException e = catchThrowableOfType(() -> parser.parse(json), InvalidEventException.class);

        assertThat(e).as(file + " is rejected").isNotNull();
        assertThat(e.rejection().field()).as(e.rejection().describe()).isEqualTo(field);
        assertThat(e.rejection().reason()).isNotBlank();
    }

    @Test
    void every_invalid_fixture_has_an_expected_field() {
        assertThat(jsonFilesIn(INVALID)).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(expectedFields().keySet());
    }

    @Test
    void a_rejection_carries_the_event_id_type_and_loan_when_they_are_readable() {
        String json = read(INVALID.resolve("PaymentReceived-missing-paymentId.json"));
        JsonNode node = tree(json);

        EventRejection rejection = rejectionOf(json);

        assertThat(rejection.eventId()).isEqualTo(node.path("eventId").asText());
        assertThat(rejection.type()).isEqualTo("PaymentReceived");
        assertThat(rejection.loanId()).isEqualTo("L-1001");
        assertThat(rejection.describe()).contains(node.path("eventId").asText(), "PaymentReceived",
                "payload.paymentId");
    }

    @Test
    void an_unknown_type_is_rejected_naming_type_and_keeps_the_event_id() {
        EventRejection rejection = rejectionOf("""
                {"eventId": "E-9", "type": "RefundIssued", "schemaVersion": 1,
                 "occurredAt": "2026-03-03T02:15:00Z", "loanId": "L-1", "payload": {}}""");

        assertThat(rejection.field()).isEqualTo("type");
        assertThat(rejection.eventId()).isEqualTo("E-9");
        assertThat(rejection.type()).isEqualTo("RefundIssued");
        assertThat(rejection.reason()).contains("LoanBooked", "PaymentReceived");
    }

    @Test
    void text_that_is_not_json_is_rejected_naming_the_root() {
        EventRejection rejection = rejectionOf("eventId=E-1;type=PaymentReceived");

        assertThat(rejection.field()).isEqualTo("$");
        assertThat(rejection.eventId()).isNull();
        assertThat(rejection.type()).isNull();
        assertThat(rejection.describe()).contains("<no eventId>", "<no type>");
    }

    @Test
    void truncated_json_is_rejected_naming_the_root() {
        assertThat(rejectionOf("{\"eventId\": \"E-1\", \"type\": ").field()).isEqualTo("$");
    }

    @Test
    void json_that_is_not_an_object_is_rejected_naming_the_root() {
        assertThat(rejectionOf("[{\"eventId\": \"E-1\"}]").field()).isEqualTo("$");
        assertThat(rejectionOf("\"E-1\"").field()).isEqualTo("$");
    }

    // ---- amount scale per currency (checked once the loan's currency is known)

    @ParameterizedTest(name = "{0} {1} is rejected")
    @CsvSource({"12.345, CNY", "10.5, JPY", "0.001, USD", "1.5, KRW"})
    void an_amount_with_more_decimals_than_the_currency_allows_is_rejected_naming_payload_amount(String amount,
                                                                                                 String currency) {
        CollectionsEvent event = parser.parse(payment("E-1", amount));

        InvalidEventException e = catchThrowableOfType(
                () -> EventParser.checkScale(event, Currency.getInstance(currency)), InvalidEventException.class);

        assertThat(e).isNotNull();
        assertThat(e.rejection().field()).isEqualTo("payload.amount");
        assertThat(e.rejection().eventId()).isEqualTo("E-1");
        assertThat(e.rejection().type()).isEqualTo("PaymentReceived");
        assertThat(e.rejection().reason()).contains(currency);
    }

    @ParameterizedTest(name = "{0} {1} is accepted")
    @CsvSource({"12.34, CNY", "12.3, CNY", "12, CNY", "10, JPY", "0.01, USD", "12.000, BHD"})
    void an_amount_within_the_currency_scale_is_accepted(String amount, String currency) {
        CollectionsEvent event = parser.parse(payment("E-1", amount));

        assertThatCode(() -> EventParser.checkScale(event, Currency.getInstance(currency))).doesNotThrowAnyException();
        assertThat(((PaymentReceived) event.payload()).amount()).isEqualByComparingTo(new BigDecimal(amount));
    }

    @Test
    void a_loan_booked_amount_is_checked_against_the_loans_own_currency_while_parsing() {
        String json = read(VALID.resolve("LoanBooked.json"))
                .replace("\"currency\": \"CNY\"", "\"currency\": \"JPY\"")
                .replace("\"principal\": \"6000.00\"", "\"principal\": \"6000\"");

        EventRejection rejection = rejectionOf(json);

        // The loan principal is now whole yen; the first installment's "1000.00" still has two decimals.
        assertThat(rejection.field()).isEqualTo("payload.installments[0].principal");
        assertThat(rejection.reason()).contains("JPY");
    }

    @Test
    void a_loan_booked_event_is_read_into_its_typed_payload() {
        CollectionsEvent event = parser.parse(read(VALID.resolve("LoanBooked.json")));

        LoanBooked booked = (LoanBooked) event.payload();
        assertThat(booked.currency()).isEqualTo("CNY");
        assertThat(booked.timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(booked.installments()).hasSize(6);
        assertThat(booked.installments().get(0).dueDate()).isEqualTo(LocalDate.of(2026, 2, 15));
        assertThat(booked.installments().get(0).interest()).isEqualByComparingTo("30.00");
        assertThat(booked.borrower().borrowerId()).isEqualTo("B-77");
        assertThat(booked.borrower().toString()).doesNotContain("Zhang");
    }

    // ---- the samples under infra/events

    static Stream<Path> infraSamples() {
        return jsonFilesIn(INFRA_EVENTS).stream().filter(p -> tree(read(p)).has("eventId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("infraSamples")
    void every_infra_event_sample_parses(Path file) {
        CollectionsEvent event = parser.parse(read(file));

        assertThat(file.getFileName().toString()).isEqualTo(event.type().name() + ".json");
    }

    @Test
    void the_sqs_batch_sample_parses_and_its_third_record_fails_only_the_cny_scale_check() {
        List<CollectionsEvent> bodies = new ArrayList<>();
        tree(read(INFRA_EVENTS.resolve("sqs-batch-ingest.json"))).path("Records")
                .forEach(r -> bodies.add(parser.parse(r.path("body").asText())));

        assertThat(bodies).hasSize(3);
        assertThatCode(() -> EventParser.checkScale(bodies.get(1), Currency.getInstance("CNY")))
                .doesNotThrowAnyException();
        InvalidEventException e = catchThrowableOfType(
                () -> EventParser.checkScale(bodies.get(2), Currency.getInstance("CNY")), InvalidEventException.class);
        assertThat(e.rejection().field()).isEqualTo("payload.amount");
    }

    @Test
    void the_sample_portfolio_stream_has_exactly_one_line_the_parser_refuses_at_payload_amount() {
        List<String> refused = new ArrayList<>();
        int parsed = 0;
        for (String line : lines(INFRA_EVENTS.resolve("sample-portfolio.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            try {
                parser.parse(line);
                parsed++;
            } catch (InvalidEventException e) {
                refused.add(e.rejection().field());
            }
        }

        assertThat(refused).containsExactly("payload.amount");
        assertThat(parsed).isGreaterThan(10);
    }

    // ---- helpers

    private EventRejection rejectionOf(String json) {
        InvalidEventException e = catchThrowableOfType(() -> parser.parse(json), InvalidEventException.class);
        assertThat(e).as("rejected: " + json).isNotNull();
        return e.rejection();
    }

    private static String payment(String eventId, String amount) {
        return """
                {"eventId": "%s", "type": "PaymentReceived", "schemaVersion": 1,
                 "occurredAt": "2026-03-03T02:15:00Z", "loanId": "L-1",
                 "payload": {"paymentId": "P-1", "amount": "%s", "receivedOn": "2026-03-03",
                             "channel": "BANK_TRANSFER"}}""".formatted(eventId, amount);
    }

    private static Map<String, String> expectedFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> lines = lines(INVALID.resolve("EXPECTED.tsv"));
        assertThat(lines.get(0)).isEqualTo("file\tfield");
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                String[] columns = line.split("\t");
                fields.put(columns[0].trim(), columns[1].trim());
            }
        }
        return fields;
    }

    private static List<Path> jsonFilesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

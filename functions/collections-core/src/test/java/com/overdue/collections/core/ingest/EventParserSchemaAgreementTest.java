package com.overdue.collections.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser and the published schema must accept and refuse the same events (docs/events.md). Every field of every
 * valid fixture is broken in the ways a producer gets it wrong (left out, null, wrong JSON type, empty, malformed,
 * zero or over-precise amount): when the schema refuses the event the parser must refuse it naming one of the
 * schema's error locations, and when the schema accepts it the parser must accept it too, except for the two checks
 * only code can make: a string of blanks where an id or text is required, a time zone java.time does not know, and
 * the semantic rules of a schedule or plan (seq and due dates ascending, principals summing to the principal).
 */
class EventParserSchemaAgreementTest {

    private static final Path VALID = Path.of("src/test/resources/events/valid");
    private static final Path SCHEMA = Path.of("../../schemas/collections-event.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema;
    private final EventParser parser = new EventParser();

    /** One way to break a field; {@code null} from {@link #replacement} means it does not apply to this value. */
    enum Mutation {
        LEFT_OUT, NULL, NUMBER, BOOLEAN, EMPTY_OBJECT, EMPTY_STRING, BLANK_STRING, WITH_SPACE, LOWER_CASE,
        ZERO_AMOUNT, FIVE_DECIMALS;

        JsonNode replacement(JsonNode value) {
            String text = value.isTextual() ? value.asText() : null;
            return switch (this) {
                case LEFT_OUT -> null;
                case NULL -> NullNode.instance;
                case NUMBER -> IntNode.valueOf(7);
                case BOOLEAN -> BooleanNode.TRUE;
                case EMPTY_OBJECT -> JSON.createObjectNode();
                case EMPTY_STRING -> text == null ? null : TextNode.valueOf("");
                case BLANK_STRING -> text == null ? null : TextNode.valueOf("  ");
                case WITH_SPACE -> text == null ? null : TextNode.valueOf("x y");
                case LOWER_CASE -> text == null || text.equals(text.toLowerCase()) ? null
                        : TextNode.valueOf(text.toLowerCase());
                case ZERO_AMOUNT -> text == null || !text.matches("[0-9]+(\\.[0-9]+)?") ? null
                        : TextNode.valueOf("0.00");
                case FIVE_DECIMALS -> text == null || !text.matches("[0-9]+\\.[0-9]+") ? null
                        : TextNode.valueOf("1.00001");
            };
        }
    }

    @BeforeAll
    static void loadThePublishedSchema() throws IOException {
        schema = JsonSchemaFactory.getInstance(VersionFlag.V202012).getSchema(JSON.readTree(SCHEMA.toFile()),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).pathType(PathType.LEGACY).build());
    }

    static Stream<Path> validFixtures() throws IOException {
        try (Stream<Path> files = Files.list(VALID)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFixtures")
    void parser_and_schema_agree_on_every_broken_field_of_a_valid_fixture(Path file) throws IOException {
        JsonNode valid = JSON.readTree(file.toFile());
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        for (String field : fieldsOf(valid, "")) {
            for (Mutation mutation : Mutation.values()) {
                JsonNode broken = valid.deepCopy();
                if (!apply(broken, field, mutation)) {
                    continue;
                }
                compared++;
                String disagreement = disagreement(broken, field, mutation);
                if (disagreement != null) {
                    disagreements.add(field + " " + mutation + ": " + disagreement);
                }
            }
        }

        assertThat(compared).as("mutations compared").isGreaterThan(20);
        assertThat(disagreements).as(file.getFileName().toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "ComplaintReceived.json | /payload/channel | \"FIELD_VISIT\"",
            "ContactPreferencesChanged.json | /payload/optOut | [\"PUSH\", \"WECHAT_MSG\"]",
            "ContactPreferencesChanged.json | /payload/optOut | []"})
    void both_accept_open_values_the_contract_allows(String fixture, String pointer, String value) throws IOException {
        JsonNode event = with(fixture, pointer, JSON.readTree(value));

        assertThat(schema.validate(event)).isEmpty();
        assertThat(parser.parse(event.toString()).eventId()).isEqualTo(event.path("eventId").asText());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "ContactPreferencesChanged.json | /payload/optOut | [\"SMS\", \"SMS\"] | payload.optOut",
            "ContactPreferencesChanged.json | /payload/optOut | [\"sms\"] | payload.optOut[0]",
            "PaymentReceived.json | /source | \"core-banking\" | source",
            "ContactOutcomeRecorded.json | /payload/unknownField | 42 | payload.unknownField",
            "PaymentReceived.json | /payload/amount | \"0\" | payload.amount",
            "PaymentReceived.json | /payload/amount | \"-5.00\" | payload.amount",
            "PaymentReceived.json | /payload/amount | \"1e3\" | payload.amount",
            "LoanBooked.json | /payload/borrower/phone | \"13800138000\" | payload.borrower.phone",
            "LoanBooked.json | /payload/jurisdiction | \"CHN\" | payload.jurisdiction"})
    void both_refuse_a_broken_value_at_the_same_field(String fixture, String pointer, String value, String field)
            throws IOException {
        JsonNode event = with(fixture, pointer, JSON.readTree(value));

        assertThat(schema.validate(event)).isNotEmpty()
                .anySatisfy(m -> assertThat(locations(m)).contains("$." + field));
        InvalidEventException e = catchThrowableOfType(() -> parser.parse(event.toString()),
                InvalidEventException.class);
        assertThat(e).isNotNull();
        assertThat(e.rejection().field()).isEqualTo(field);
    }

    // ---- comparison

    /** Why parser and schema disagree on this event, or {@code null} when they agree. */
    private String disagreement(JsonNode event, String field, Mutation mutation) {
        Set<ValidationMessage> errors = schema.validate(event);
        InvalidEventException rejected;
        try {
            parser.parse(event.toString());
            rejected = null;
        } catch (InvalidEventException e) {
            rejected = e;
        }
        if (!errors.isEmpty() && rejected == null) {
            return "schema refuses " + errors + ", parser accepts";
        }
        if (errors.isEmpty() && rejected != null) {
            String reason = rejected.rejection().reason();
            boolean semanticRule = reason.contains("must sum to") || reason.contains("than the previous")
                    || reason.contains("after the previous") || reason.contains("must not be before");
            boolean codeOnlyCheck = semanticRule || rejected.rejection().field().equals(field)
                    && (mutation == Mutation.BLANK_STRING || field.endsWith("timeZone"));
            return codeOnlyCheck ? null : "schema accepts, parser refuses: " + rejected.rejection().describe();
        }
        if (rejected != null) {
            String at = "$." + rejected.rejection().field();
            boolean sameField = errors.stream().anyMatch(m -> locations(m).contains(at));
            return sameField ? null : "parser names " + at + ", schema " + errors.stream().map(
                    EventParserSchemaAgreementTest::locations).toList();
        }
        return null;
    }

    /** Where a schema error points: its instance location, and for required/additional properties that property. */
    private static List<String> locations(ValidationMessage m) {
        String at = m.getInstanceLocation().toString();
        return m.getProperty() == null ? List.of(at) : List.of(at, at + "." + m.getProperty());
    }

    // ---- JSON plumbing

    private static List<String> fieldsOf(JsonNode node, String path) {
        List<String> fields = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                String p = path.isEmpty() ? name : path + "." + name;
                fields.add(p);
                fields.addAll(fieldsOf(node.get(name), p));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                fields.add(path + "[" + i + "]");
                fields.addAll(fieldsOf(node.get(i), path + "[" + i + "]"));
            }
        }
        return fields;
    }

    /** Breaks the field at a dotted path ({@code payload.installments[0].dueDate}) in place. */
    private static boolean apply(JsonNode root, String field, Mutation mutation) {
        String pointer = "/" + field.replace(".", "/").replaceAll("\\[(\\d+)]", "/$1");
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(cut == 0 ? "" : pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        JsonNode value = root.at(pointer);
        if (mutation == Mutation.LEFT_OUT) {
            remove(parent, last);
            return true;
        }
        JsonNode replacement = mutation.replacement(value);
        if (replacement == null) {
            return false;
        }
        set(parent, last, n -> replacement);
        return true;
    }

    private static JsonNode with(String fixture, String pointer, JsonNode value) throws IOException {
        JsonNode event = JSON.readTree(VALID.resolve(fixture).toFile());
        int cut = pointer.lastIndexOf('/');
        set(event.at(pointer.substring(0, cut)), pointer.substring(cut + 1), n -> value);
        return event;
    }

    private static void remove(JsonNode parent, String name) {
        if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(name));
        } else {
            ((ObjectNode) parent).remove(name);
        }
    }

    private static void set(JsonNode parent, String name, UnaryOperator<JsonNode> value) {
        if (parent instanceof ArrayNode array) {
            int i = Integer.parseInt(name);
            array.set(i, value.apply(array.get(i)));
        } else if (parent instanceof ObjectNode object) {
            object.set(name, value.apply(object.get(name)));
        } else {
            throw new UncheckedIOException(new IOException("no object or array at " + name));
        }
    }
}

package com.overdue.collections.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutated valid events through the ingest use case (a booked loan L-1001 behind it): deleted fields, swapped JSON
 * types, boundary numbers, odd Unicode, huge strings, deep nesting, unknown fields. Never an unhandled exception; a
 * rejection always names a field and never quotes a mutated value; an applied event always passes the published
 * schema (checked here independently) and its stored copy fits the size limit.
 */
class IngestFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path VALID = Path.of("src/test/resources/events/valid");
    private static final List<JsonNode> FIXTURES = fixtures();
    private static final String BOOKING = read(VALID.resolve("LoanBooked.json")).toString();
    private static final JsonSchema SCHEMA = schema();
    private static final List<String> ODD = List.of("\u0000", "\u202e", "\u200b\u200b", "\ud800", "\ufeff",
            "e\u0301\u0301\u0301", "\uD83D\uDE00", "\uffff", "\u2028", "A".repeat(70_000), "Z".repeat(201));
    private static final List<String> NUMBERS = List.of("0", "-1", "1.5", "2147483648", "4294967297",
            "9223372036854775808", "1e400", "-0", "1E-400", "99999999999999999999999999999999");

    private static List<JsonNode> fixtures() {
        try (Stream<Path> files = Files.list(VALID)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().map(IngestFuzzTest::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema() {
        return JsonSchemaFactory.getInstance(VersionFlag.V202012).getSchema(
                read(Path.of("../../schemas/collections-event.schema.json")),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    /** One mutation: which fixture, which field (by index into its paths), what to do, and a value choice. */
    record Mutation(int fixture, int field, int kind, int choice) {
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 999),
                        Arbitraries.integers().between(0, 999), Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(0, 99))
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(3);
    }

    @Property(tries = 400)
    void mutated_events_are_rejected_naming_a_field_or_applied_within_the_contract(
            @ForAll("mutations") List<Mutation> mutations) {
        JsonNode event = FIXTURES.get(mutations.get(0).fixture() % FIXTURES.size()).deepCopy();
        List<String> planted = new ArrayList<>();
        String json = event.toString();
        for (Mutation m : mutations) {
            json = mutate(json, m, planted);
        }
        InMemoryLoanRepository loans = new InMemoryLoanRepository(4);
        IngestEventUseCase ingest = new IngestEventUseCase(loans, CollectionsSettings.defaults(4),
                Clock.fixed(Instant.parse("2026-03-05T01:00:00Z"), ZoneOffset.UTC));
        if (!json.contains("\"LoanBooked\"")) {
            assertThat(ingest.ingest(BOOKING)).isInstanceOf(IngestOutcome.Applied.class);
        }

        IngestOutcome outcome = ingest.ingest(json); // an exception here fails the property

        if (outcome instanceof IngestOutcome.Rejected r) {
            assertThat(r.rejection().field()).isNotBlank();
            assertThat(r.rejection().reason()).isNotBlank();
            for (String value : planted) {
                if (value.length() >= 6) {
                    assertThat(r.rejection().describe()).doesNotContain(value);
                }
            }
        } else if (outcome instanceof IngestOutcome.Applied) {
            JsonNode applied = readTree(json);
            assertThat(SCHEMA.validate(applied)).as(json).isEmpty();
            String loanId = applied.path("loanId").asText();
            assertThat(loans.findEvents(loanId)).allSatisfy(e -> assertThat(e.json().length()).isLessThan(65_536));
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies one mutation to the event's text; unparseable text (an earlier raw mutation) is mutated as text. */
    private static String mutate(String json, Mutation m, List<String> planted) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException | RuntimeException e) {
            return json.substring(0, Math.max(0, json.length() - 1 - m.choice() % 5));
        }
        if (root == null || !root.isObject()) {
            return json;
        }
        List<String[]> paths = new ArrayList<>();
        collect(root, "", paths);
        String[] target = paths.get(m.field() % paths.size());
        String pointer = target[0];
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        String raw = null;
        JsonNode replacement = switch (m.kind()) {
            case 0 -> null; // delete
            case 1 -> JSON.getNodeFactory().booleanNode(m.choice() % 2 == 0);
            case 2 -> {
                raw = NUMBERS.get(m.choice() % NUMBERS.size());
                yield JSON.getNodeFactory().textNode("@@RAW@@");
            }
            case 3 -> {
                String odd = ODD.get(m.choice() % ODD.size());
                String base = root.at(pointer).isTextual() ? root.at(pointer).asText() : "x";
                String value = m.choice() % 2 == 0 ? base + odd : odd + base;
                planted.add(value);
                yield JSON.getNodeFactory().textNode(value);
            }
            case 4 -> {
                ArrayNode deep = JSON.createArrayNode();
                ArrayNode at = deep;
                for (int i = 0; i < 20 + m.choice(); i++) {
                    at = at.addArray();
                }
                yield deep;
            }
            case 5 -> JSON.getNodeFactory().nullNode();
            case 6 -> JSON.createObjectNode().put("value", root.at(pointer).asText());
            default -> {
                if (root.at(pointer).isObject()) {
                    ((ObjectNode) root.at(pointer)).put("extra" + m.choice(), "+8613800138000");
                    planted.add("+8613800138000");
                }
                yield root.at(pointer);
            }
        };
        if (parent instanceof ObjectNode o) {
            if (replacement == null) {
                o.remove(last);
            } else {
                o.set(last, replacement);
            }
        } else if (parent instanceof ArrayNode a) {
            int i = Integer.parseInt(last);
            if (replacement == null) {
                a.remove(i);
            } else {
                a.set(i, replacement);
            }
        }
        String text = root.toString();
        return raw == null ? text : text.replace("\"@@RAW@@\"", raw);
    }

    private static void collect(JsonNode node, String pointer, List<String[]> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                String p = pointer + "/" + f.getKey();
                out.add(new String[]{p});
                collect(f.getValue(), p, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String p = pointer + "/" + i;
                out.add(new String[]{p});
                collect(node.get(i), p, out);
            }
        }
    }
}

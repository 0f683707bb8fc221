package com.overdue.collections.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every JSON file under {@code infra/config} is validated against its schema, found by the convention the loaders
 * follow: {@code <name>.schema.json} beside {@code <name>.json}, else the one schema of the folder (or of its parent,
 * for the calendars' jurisdiction folders) that is not named after a file of its own. A new product, ladder or
 * calendar year is covered without touching this test.
 */
class ShippedConfigurationTest {

    private static final Path ROOT = Path.of("../../infra/config");

    private static List<Path> dataFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".schema.json"))
                    .sorted().toList();
        }
    }

    /** The schema a data file is validated against, by the convention above. */
    static Optional<Path> schemaFor(Path file) throws IOException {
        String base = file.getFileName().toString().replaceFirst("\\.json$", "");
        Path own = file.resolveSibling(base + ".schema.json");
        if (Files.exists(own)) {
            return Optional.of(own);
        }
        for (Path dir = file.getParent(); dir != null && dir.startsWith(ROOT) && !dir.equals(ROOT);
             dir = dir.getParent()) {
            if (base.equals("index") && Files.exists(dir.resolve("index.schema.json"))) {
                return Optional.of(dir.resolve("index.schema.json"));
            }
            List<Path> kinds = new ArrayList<>();
            try (Stream<Path> schemas = Files.list(dir)) {
                for (Path s : schemas.filter(p -> p.toString().endsWith(".schema.json")).toList()) {
                    String kind = s.getFileName().toString().replaceFirst("\\.schema\\.json$", "");
                    if (!kind.equals("index") && !Files.exists(dir.resolve(kind + ".json"))) {
                        kinds.add(s);
                    }
                }
            }
            if (kinds.size() == 1) {
                return Optional.of(kinds.get(0));
            }
        }
        return Optional.empty();
    }

    @Test
    void every_configuration_file_has_a_schema_and_satisfies_it() throws IOException {
        List<Path> files = dataFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
        for (Path file : files) {
            Optional<Path> schema = schemaFor(file);
            assertThat(schema).as("the schema of %s", file).isPresent();
            String schemaPath = ROOT.relativize(schema.get()).toString().replace('\\', '/');
            ConfigSource.File data = new ConfigSource.File(file.toString(), Files.readAllBytes(file));
            assertThatCode(() -> ConfigReader.validated(data, schemaPath)).as("%s against %s", file, schemaPath)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void the_convention_picks_the_schemas_the_loaders_use() throws IOException {
        assertThat(schemaFor(ROOT.resolve("products/US-CONSUMER-INSTALMENT.json")))
                .contains(ROOT.resolve("products/product.schema.json"));
        assertThat(schemaFor(ROOT.resolve("escalation/US-CONSUMER-INSTALMENT.json")))
                .contains(ROOT.resolve("escalation/ladder.schema.json"));
        assertThat(schemaFor(ROOT.resolve("contact/US.json"))).contains(ROOT.resolve("contact/rule-pack.schema.json"));
        assertThat(schemaFor(ROOT.resolve("calendars/CN/2027.json")))
                .contains(ROOT.resolve(CalendarFiles.YEAR_SCHEMA));
        assertThat(schemaFor(ROOT.resolve("calendars/US/index.json")))
                .contains(ROOT.resolve(CalendarFiles.INDEX_SCHEMA));
    }

    @Test
    void the_shipped_configuration_loads_as_the_composition_root_loads_it() {
        EngineConfiguration configuration = EngineConfiguration.fromClasspath();

        assertThat(configuration.products().productCodes())
                .containsExactlyInAnyOrder("CONSUMER-INSTALMENT", "US-CONSUMER-INSTALMENT");
        assertThat(configuration.contactPolicy().packs().forJurisdiction("US").rules()).hasSize(7);
        // Calls have one policy, the contact rule packs: no escalation file of call limits beside them.
        assertThat(ROOT.resolve("escalation/call-limits.json")).doesNotExist();
        assertThat(configuration.contactPolicy().packs().forJurisdiction("US").rules())
                .extracting(com.overdue.collections.core.contact.ContactRule::name).contains("callFrequency");
        assertThat(configuration.contactPolicy().packs().forJurisdiction("CN").rules())
                .extracting(com.overdue.collections.core.contact.ContactRule::name)
                .contains("dailyConversationLimit");
        assertThat(configuration.calendars().forJurisdiction("CN").loadedYears()).containsExactly(2025, 2026, 2027);
        assertThat(configuration.bureau().product("US-CONSUMER-INSTALMENT")).isPresent();
        assertThat(configuration.senders().forJurisdiction("CN").brand("zh-CN")).isEqualTo("安信消费金融");
    }

    /** The JSON Schema 2020-12 keywords the shipped schemas may use (annotations included). */
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("$schema", "$id", "$ref", "$defs",
            "$comment", "title", "description", "default", "examples", "type", "enum", "const", "properties",
            "patternProperties", "additionalProperties", "propertyNames", "required", "dependentRequired",
            "minProperties", "maxProperties", "items", "prefixItems", "contains", "minItems", "maxItems",
            "uniqueItems", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength",
            "maxLength", "pattern", "format", "allOf", "anyOf", "oneOf", "not", "if", "then", "else");

    /**
     * Every key where a schema is expected is a keyword: the validator logs an "Unknown keyword" warning for any
     * other, on every load, which in Lambda is every cold start (the rule-pack schema had five, grouped under a
     * {@code $defs/is} object whose members were not keywords).
     */
    @Test
    void the_schemas_use_only_json_schema_keywords() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> unknown = new ArrayList<>();
        List<Path> schemas;
        try (Stream<Path> files = Files.walk(ROOT)) {
            schemas = files.filter(p -> p.toString().endsWith(".schema.json")).sorted().toList();
        }
        assertThat(schemas).hasSizeGreaterThan(5);
        for (Path schema : schemas) {
            keywords(mapper.readTree(schema.toFile()), ROOT.relativize(schema) + "#", unknown);
        }
        assertThat(unknown).isEmpty();
    }

    /** Walks a schema: {@code node} is a schema; the members of name-to-schema maps are schemas again. */
    private static void keywords(com.fasterxml.jackson.databind.JsonNode node, String at, List<String> unknown) {
        if (!node.isObject()) {
            return;
        }
        node.fields().forEachRemaining(e -> {
            String key = e.getKey();
            com.fasterxml.jackson.databind.JsonNode value = e.getValue();
            if (!KEYWORDS.contains(key)) {
                unknown.add(at + "/" + key);
                return;
            }
            switch (key) {
                case "properties", "patternProperties", "$defs", "dependentSchemas" ->
                        value.fields().forEachRemaining(m -> keywords(m.getValue(), at + "/" + key + "/" + m.getKey(),
                                unknown));
                case "allOf", "anyOf", "oneOf", "prefixItems" -> {
                    for (int i = 0; i < value.size(); i++) {
                        keywords(value.get(i), at + "/" + key + "/" + i, unknown);
                    }
                }
                case "items", "additionalProperties", "propertyNames", "contains", "not", "if", "then", "else" ->
                        keywords(value, at + "/" + key, unknown);
                default -> {
                }
            }
        });
    }
}

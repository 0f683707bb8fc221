package com.overdue.collections.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads one configuration file: parses it, validates it against the JSON Schema beside it and binds it to a record.
 * Every refusal names the file and the key ({@code config/products/X.json: penalty.graceDays: ...}).
 */
final class ConfigReader {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig VALIDATION = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER).build();
    /** Schemas are the shipped contract: always read from the classpath, once, whatever the source of the data. */
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private final ConfigSource source;

    ConfigReader(ConfigSource source) {
        this.source = source;
    }

    ConfigSource source() {
        return source;
    }

    /** A file bound to its record, with its name and digest for errors found while mapping it. */
    record Parsed<T>(String name, String digest, T value) {
        IllegalStateException error(String key, String problem) {
            return new IllegalStateException(name + ": " + key + ": " + problem);
        }

        /** A date the schema has shaped as yyyy-MM-dd; what only a calendar knows (2030-13-01) is refused here. */
        LocalDate date(String key, String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw error(key, "not a date \"" + text + "\" (expected yyyy-MM-dd)");
            }
        }
    }

    /** Reads, validates and binds {@code path}; a missing file is an error naming it. */
    <T> Parsed<T> read(String path, String schema, Class<T> type) {
        return readIfPresent(path, schema, type).orElseThrow(() -> new IllegalStateException(source.name(path)
                + ": not on the classpath or in the configuration directory"));
    }

    <T> Optional<Parsed<T>> readIfPresent(String path, String schema, Class<T> type) {
        return source.read(path).map(file -> {
            JsonNode tree = validated(file, schema);
            try {
                return new Parsed<>(file.name(), digest(file.bytes()), JSON.treeToValue(tree, type));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                // The schema admits only what binds; this is a schema that is looser than its record.
                throw new IllegalStateException(file.name() + ": does not bind to " + type.getSimpleName() + ": "
                        + e.getMessage(), e);
            }
        });
    }

    /** A text file (a template) in UTF-8. */
    String readText(String path) {
        return source.read(path).map(f -> new String(f.bytes(), StandardCharsets.UTF_8)).orElseThrow(() ->
                new IllegalStateException(source.name(path) + ": not on the classpath or in the configuration directory"));
    }

    /** The parsed tree of {@code file} once it satisfies {@code schema} (a classpath path under config/). */
    static JsonNode validated(ConfigSource.File file, String schema) {
        JsonNode tree;
        try {
            tree = JSON.readTree(file.bytes());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(file.name() + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(file.name() + ": cannot be read: " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new IllegalStateException(file.name() + ": (root): expected a JSON object but the file is empty");
        }
        Schema s = CACHE.computeIfAbsent(schema, ConfigReader::loadSchema);
        Set<ValidationMessage> errors = s.schema().validate(tree);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(file.name() + ": " + describe(errors.iterator().next(), s.tree()));
        }
        return tree;
    }

    private record Schema(JsonNode tree, JsonSchema schema) {
    }

    private static Schema loadSchema(String path) {
        ConfigSource.File file = ConfigSource.classpath().read(path).orElseThrow(() ->
                new IllegalStateException("config/" + path + ": the schema is not on the classpath"));
        try {
            JsonNode tree = JSON.readTree(file.bytes());
            return new Schema(tree, SCHEMAS.getSchema(tree, VALIDATION));
        } catch (IOException e) {
            throw new IllegalStateException(file.name() + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    /** "key: problem", the key dotted with [i] for array items, as the hand-written loaders reported it. */
    static String describe(ValidationMessage m, JsonNode schema) {
        String at = key(m.getInstanceLocation());
        JsonNode rule = m.getSchemaNode();
        JsonNode value = m.getInstanceNode();
        return switch (m.getType()) {
            case "required" -> join(at, m.getProperty()) + ": missing";
            case "additionalProperties" -> join(at, m.getProperty()) + ": unknown key (expected "
                    + String.join(", ", allowed(m, schema)) + ")";
            case "type" -> orRoot(at) + ": expected " + article(rule) + " but was " + value;
            case "enum" -> orRoot(at) + ": expected " + oneOf(rule) + " but was " + value;
            case "pattern" -> orRoot(at) + ": " + value + " does not match " + rule.asText()
                    + description(m, schema);
            case "minimum" -> orRoot(at) + ": expected a number >= " + rule + " but was " + value;
            case "maximum" -> orRoot(at) + ": expected a number <= " + rule + " but was " + value;
            case "minItems" -> orRoot(at) + ": lists fewer than " + rule + " item(s)";
            case "minProperties" -> orRoot(at) + ": names fewer than " + rule + " key(s)";
            case "minLength" -> orRoot(at) + ": expected a non-empty string but was " + value;
            case "uniqueItems" -> orRoot(at) + ": lists the same item twice";
            default -> orRoot(at) + ": " + m.getError();
        };
    }

    private static String key(JsonNodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(element);
            }
        }
        return out.toString();
    }

    private static String join(String at, String property) {
        return at.isEmpty() ? property : at + "." + property;
    }

    private static String orRoot(String at) {
        return at.isEmpty() ? "(root)" : at;
    }

    /** The keys the object's schema declares, found beside the failed {@code additionalProperties}. */
    private static List<String> allowed(ValidationMessage m, JsonNode schema) {
        JsonNode properties = schema.at(parentPointer(m) + "/properties");
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return List.copyOf(new TreeSet<>(names));
    }

    /** The {@code description} of the failed rule's schema, so a pattern error says what was expected. */
    private static String description(ValidationMessage m, JsonNode schema) {
        JsonNode d = schema.at(parentPointer(m) + "/description");
        return d.isTextual() ? " (" + d.asText() + ")" : "";
    }

    private static String parentPointer(ValidationMessage m) {
        JsonNodePath fragment = m.getSchemaLocation().getFragment();
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < fragment.getNameCount() - 1; i++) {
            pointer.append('/').append(fragment.getName(i).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    private static String article(JsonNode type) {
        String t = type.isArray() ? type.get(0).asText() : type.asText();
        return switch (t) {
            case "object" -> "an object";
            case "array" -> "an array";
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            default -> "a " + t;
        };
    }

    private static String oneOf(JsonNode values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add(v.toString()));
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

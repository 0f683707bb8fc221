package com.overdue.collections.lambda.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The one configured {@link ObjectMapper} of the adapters' stored documents and messages, and the versioned read.
 *
 * <p>Choices, all to keep the formats written before the documents were Jackson-bound: {@link BigDecimal} is a plain
 * decimal string ({@code "1000.00"}, never {@code 1E+3}), dates and instants are ISO strings as {@code toString()}
 * writes them, properties are written in the record's component order. Unknown properties are ignored on read
 * (tolerant reader): a function rolled back after a deploy still reads items a newer one wrote, and consumers of
 * the SNS messages may see fields added to the contract. What unknown properties cannot catch, a changed shape, the
 * version field {@code "v"} does: a reader refuses a document newer than it understands.
 */
public final class DocumentMapper {

    /** The name of the version field of every stored document. */
    public static final String VERSION = "v";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .build();

    private DocumentMapper() {
    }

    /** The shared mapper, for adapters that need a tree (e.g. to nest one document in another). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Compact JSON: the form of DynamoDB attributes, SNS messages and .jsonl lines. */
    public static String write(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + document.getClass().getSimpleName(), e);
        }
    }

    /** Indented JSON (two spaces, {@code " : "}): the form of files people read, such as the Metro 2 manifest. */
    public static String writePretty(Object document) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + document.getClass().getSimpleName(), e);
        }
    }

    /** Binds an unversioned JSON object (a message) to {@code type}; malformed JSON is an IllegalArgumentException. */
    public static <T> T read(String json, Class<T> type, String what) {
        return bind(object(json, what), type, what);
    }

    /**
     * Reads a versioned stored document. A document without {@code "v"} was written before formats carried a version
     * and is version 1; {@code upgrades.get(i)} turns the tree of version {@code i + 1} into version {@code i + 2},
     * so the current version is {@code upgrades.size() + 1} and the record only ever binds the current shape.
     */
    public static <T> T readVersioned(String json, Class<T> type, String what, List<UnaryOperator<ObjectNode>> upgrades) {
        int current = upgrades.size() + 1;
        if (json.startsWith("{\"" + VERSION + "\":" + current + ",")) {
            // Written by this version (the records declare "v" first, so it is written first): nothing to upgrade,
            // so bind the text directly, without the intermediate tree (a third of the time of a snapshot read).
            // Anything this cannot bind takes the general path below, which names what is wrong.
            try {
                return MAPPER.readValue(json, type);
            } catch (JsonProcessingException e) {
                // fall through
            }
        }
        ObjectNode tree = object(json, what);
        int version = tree.path(VERSION).asInt(1);
        if (version < 1 || version > current) {
            throw new IllegalStateException(what + " has format version " + version + "; this engine reads 1 to "
                    + current + " (written by a newer release?)");
        }
        for (int v = version; v < current; v++) {
            tree = upgrades.get(v - 1).apply(tree);
        }
        tree.put(VERSION, current);
        return bind(tree, type, what);
    }

    private static ObjectNode object(String json, String what) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return (ObjectNode) tree;
    }

    private static <T> T bind(ObjectNode tree, Class<T> type, String what) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("corrupt " + what + ": " + e.getOriginalMessage(), e);
        }
    }
}

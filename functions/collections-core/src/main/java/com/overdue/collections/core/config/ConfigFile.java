package com.overdue.collections.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One JSON configuration file read from the classpath (rule packs, cadence, sender profiles), with typed accessors
 * whose errors name the file and the dotted key, so that a bad file stops start-up with a message saying where.
 */
public final class ConfigFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private final String name;
    private final JsonNode root;
    private final String digest;

    private ConfigFile(String name, JsonNode root, String digest) {
        this.name = name;
        this.root = root;
        this.digest = digest;
    }

    /**
     * Reads {@code name} from the class loader.
     *
     * @throws IllegalArgumentException when the file is not on the classpath
     * @throws IllegalStateException    when it is not valid JSON
     */
    public static ConfigFile read(ClassLoader classLoader, String name) {
        Objects.requireNonNull(name, "name");
        try (InputStream in = classLoader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException(name + " is not on the classpath");
            }
            byte[] bytes = in.readAllBytes();
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !root.isObject()) {
                throw new IllegalStateException(name + ": expected a JSON object");
            }
            return new ConfigFile(name, root, sha256(bytes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(name + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot be read", e);
        }
    }

    /** Reads a text resource (a template) in UTF-8. */
    public static String readText(ClassLoader classLoader, String name) {
        try (InputStream in = classLoader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot be read", e);
        }
    }

    public String name() {
        return name;
    }

    /** The first 12 hex digits of the file's SHA-256: which exact file decided, for records that cite it. */
    public String digest() {
        return digest;
    }

    public Node root() {
        return new Node(root, "");
    }

    /** A JSON object or value inside the file, at a dotted key path. */
    public final class Node {
        private final JsonNode node;
        private final String path;

        Node(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        public String path() {
            return path;
        }

        public IllegalStateException error(String key, String message) {
            return new IllegalStateException(name + ": " + key(key) + ": " + message);
        }

        public IllegalStateException error(String message) {
            return new IllegalStateException(name + ": " + (path.isEmpty() ? "(root)" : path) + ": " + message);
        }

        private String key(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        /** Fails on a key outside {@code allowed}: a misspelt key must not be silently ignored. */
        public Node onlyKeys(Set<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    throw error(key, "unknown key (expected one of " + new java.util.TreeSet<>(allowed) + ")");
                }
            }
            return this;
        }

        public boolean has(String key) {
            return node.has(key) && !node.get(key).isNull();
        }

        public List<String> keys() {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            return keys;
        }

        public String text(String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                throw error(key, "is required");
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                throw error(key, "expected a non-empty string but was " + v);
            }
            return v.asText();
        }

        public String text(String key, String fallback) {
            return has(key) ? text(key) : fallback;
        }

        public int integer(String key, int min) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                throw error(key, "is required");
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min) {
                throw error(key, "expected a whole number >= " + min + " but was " + v);
            }
            return v.intValue();
        }

        public int integer(String key, int min, int fallback) {
            return has(key) ? integer(key, min) : fallback;
        }

        public boolean bool(String key, boolean fallback) {
            if (!has(key)) {
                return fallback;
            }
            JsonNode v = node.get(key);
            if (!v.isBoolean()) {
                throw error(key, "expected true or false but was " + v);
            }
            return v.booleanValue();
        }

        public LocalTime time(String key) {
            String text = text(key);
            try {
                return LocalTime.parse(text);
            } catch (DateTimeParseException e) {
                throw error(key, "not a time \"" + text + "\" (expected HH:mm)");
            }
        }

        public Node object(String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                throw error(key, "is required");
            }
            if (!v.isObject()) {
                throw error(key, "expected an object but was " + v);
            }
            return new Node(v, key(key));
        }

        public List<Node> objects(String key) {
            JsonNode v = array(key);
            List<Node> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isObject()) {
                    throw error(key + "[" + i + "]", "expected an object but was " + v.get(i));
                }
                out.add(new Node(v.get(i), key(key) + "[" + i + "]"));
            }
            return out;
        }

        public List<String> texts(String key) {
            JsonNode v = array(key);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isTextual() || v.get(i).asText().isBlank()) {
                    throw error(key + "[" + i + "]", "expected a non-empty string but was " + v.get(i));
                }
                if (out.contains(v.get(i).asText())) {
                    throw error(key + "[" + i + "]", "\"" + v.get(i).asText() + "\" is listed twice");
                }
                out.add(v.get(i).asText());
            }
            return out;
        }

        private JsonNode array(String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                throw error(key, "is required");
            }
            if (!v.isArray()) {
                throw error(key, "expected an array but was " + v);
            }
            return v;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

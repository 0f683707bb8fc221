package com.overdue.collections.core.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;

/** Reads the escalation configuration files from the class path and checks their values, naming file and key. */
final class ConfigFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConfigFiles() {
    }

    static JsonNode read(String file) {
        try (InputStream in = ConfigFiles.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + ": not found on the class path");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(file + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    static String text(String file, String key, JsonNode n) {
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new IllegalStateException(file + ": " + key + ": must be a non-empty string");
        }
        return n.asText();
    }

    static int positive(String file, String key, JsonNode n) {
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
            throw new IllegalStateException(file + ": " + key + ": must be a whole number >= 1");
        }
        return n.asInt();
    }

    static int whole(String file, String key, JsonNode n) {
        if (!n.isIntegralNumber() || n.asInt() < 0) {
            throw new IllegalStateException(file + ": " + key + ": must be a whole number >= 0");
        }
        return n.asInt();
    }
}

package com.overdue.collections.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A configuration directory for tests: the shipped files, with some replaced by files written here. */
final class ConfigOverlay {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    ConfigOverlay(Path directory) {
        this.directory = directory;
    }

    ConfigSource source() {
        return ConfigSource.directory(directory);
    }

    /** Writes {@code json} as {@code path} (relative to the configuration root). */
    ConfigOverlay write(String path, String json) {
        try {
            Path file = directory.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, json);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped file at {@code path} as an editable tree. */
    static ObjectNode shipped(String path) {
        try (var in = ConfigOverlay.class.getClassLoader().getResourceAsStream("config/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("config/" + path + " is not on the classpath");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ConfigOverlay write(String path, JsonNode tree) {
        return write(path, tree.toPrettyString());
    }
}

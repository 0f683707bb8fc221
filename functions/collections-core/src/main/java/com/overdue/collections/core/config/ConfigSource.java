package com.overdue.collections.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Where configuration files are read from: the classpath's {@code config/}, or a directory laid over it. */
public sealed interface ConfigSource {

    /** The file at {@code path} (relative to the configuration root, e.g. {@code products/index.json}), if any. */
    Optional<ConfigSource.File> read(String path);

    /** The name a message gives the file at {@code path} when it is missing. */
    String name(String path);

    /** The bytes of one configuration file and the name messages give it. */
    record File(String name, byte[] bytes) {
    }

    /** The files shipped on the classpath under {@code config/} (from {@code infra/config} in the repository). */
    static ConfigSource classpath() {
        return classpath(ConfigSource.class.getClassLoader());
    }

    static ConfigSource classpath(ClassLoader classLoader) {
        return new Classpath(Objects.requireNonNull(classLoader, "classLoader"));
    }

    /** Files in {@code directory} (laid out as {@code infra/config}) win; the others come from the classpath. */
    static ConfigSource directory(Path directory) {
        return new Overlay(Objects.requireNonNull(directory, "directory"), classpath());
    }

    /** The classpath under {@code config/}. */
    record Classpath(ClassLoader classLoader) implements ConfigSource {
        @Override
        public Optional<File> read(String path) {
            String name = name(path);
            try (InputStream in = classLoader.getResourceAsStream(name)) {
                return in == null ? Optional.empty() : Optional.of(new File(name, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(name + ": cannot be read", e);
            }
        }

        @Override
        public String name(String path) {
            return "config/" + path;
        }
    }

    /** A directory whose files replace the classpath's of the same path. */
    record Overlay(Path directory, ConfigSource below) implements ConfigSource {
        @Override
        public Optional<File> read(String path) {
            Path file = directory.resolve(path);
            if (!Files.isRegularFile(file)) {
                return below.read(path);
            }
            try {
                return Optional.of(new File(file.toString(), Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot be read", e);
            }
        }

        @Override
        public String name(String path) {
            return Files.isRegularFile(directory.resolve(path)) ? directory.resolve(path).toString() : below.name(path);
        }
    }
}

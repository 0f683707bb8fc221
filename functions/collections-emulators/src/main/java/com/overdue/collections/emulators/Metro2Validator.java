package com.overdue.collections.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The independent moov-io/metro2 validator (v0.9.2, built by {@code scripts/metro2-validator.sh}) as the tests of
 * every module call it. The binary comes from {@code -Dmetro2.validator}, else {@code METRO2_VALIDATOR}, else
 * {@code $COLLECTIONS_CACHE/bin/metro2}, else {@code $HOME/.cache/collections-engine/bin/metro2}; when none is there
 * (a plain {@code mvn verify} without the test command), {@code scripts/metro2-validator.sh} is run once to build it
 * (it needs {@code go}). A binary that still cannot be had is an error, never a skip.
 *
 * <p>The tool exits 0 whether or not the file is valid: success is "the file is valid" on stdout with nothing on
 * stderr, failure an "Error: ..." line on stderr (it stops at the first problem). {@link Run#valid()} reads that.
 */
public final class Metro2Validator {

    private static final String VALID = "the file is valid";
    private static final long TIMEOUT_SECONDS = 60;

    private final Path binary;

    private Metro2Validator(Path binary) {
        this.binary = binary;
    }

    /** One run of the tool. */
    public record Run(int exitCode, String stdout, String stderr) {
        /** Zero errors: the tool said the file is valid and printed no error. */
        public boolean valid() {
            return stdout.contains(VALID) && !stderr.contains("Error");
        }
    }

    /** @throws IllegalStateException when the binary is not there, saying how to build it */
    public static Metro2Validator locate() {
        String configured = System.getProperty("metro2.validator");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("METRO2_VALIDATOR");
        }
        Path binary;
        if (configured != null && !configured.isBlank()) {
            binary = Paths.get(configured);
        } else {
            String cache = System.getenv("COLLECTIONS_CACHE");
            binary = cache != null && !cache.isBlank()
                    ? Paths.get(cache, "bin", "metro2")
                    : Paths.get(System.getProperty("user.home"), ".cache", "collections-engine", "bin", "metro2");
        }
        if (!Files.isExecutable(binary) && (configured == null || configured.isBlank())) {
            binary = buildWithScript(binary);
        }
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("The moov-io/metro2 validator is not at " + binary
                    + ". Run scripts/metro2-validator.sh to build it (or point -Dmetro2.validator / METRO2_VALIDATOR"
                    + " at a metro2 binary).");
        }
        return new Metro2Validator(binary);
    }

    /**
     * Runs {@code scripts/metro2-validator.sh} of the repository this build runs in (found upwards from the working
     * directory) and returns the path it prints last; {@code fallback} when there is no script or it fails.
     */
    private static synchronized Path buildWithScript(Path fallback) {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.isExecutable(dir.resolve("scripts").resolve("metro2-validator.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return fallback;
        }
        try {
            Path log = Files.createTempFile("metro2-validator-build-", ".log");
            Process process = new ProcessBuilder(dir.resolve("scripts").resolve("metro2-validator.sh").toString())
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                return fallback;
            }
            List<String> lines = Files.readAllLines(log);
            Files.deleteIfExists(log);
            return lines.isEmpty() ? fallback : Paths.get(lines.get(lines.size() - 1).strip());
        } catch (IOException e) {
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
    }

    /** {@code metro2 validator --input FILE}. */
    public Run validate(Path file) {
        return run("validator", "--input", file.toString());
    }

    /** {@code metro2 print --input FILE --format json}: how the tool parsed every field. */
    public Run printJson(Path file) {
        return run("print", "--input", file.toString(), "--format", "json");
    }

    public Run run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(arguments));
        try {
            Path stdout = Files.createTempFile("metro2-", ".out");
            Path stderr = Files.createTempFile("metro2-", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command + " did not finish within " + TIMEOUT_SECONDS + " s");
                }
                return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}

package com.overdue.collections.local;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tiny demo in its own JVM, on this module's real class path, as the launcher starts it (no -D of ours): the
 * console carries our lines only. No JBoss LogManager complaint, no ANTLR version mismatch, no DynamoDB Local banner
 * (the runner uses DynamoDB Local's in-process engine, which prints none).
 */
class ConsoleNoiseTest {

    @Test
    void a_tiny_demo_prints_only_our_lines() throws Exception {
        Path out = CollectionsCliTest.DIR.resolve("noise");
        Path stdout = Files.createDirectories(CollectionsCliTest.DIR).resolve("noise.stdout");
        Path stderr = CollectionsCliTest.DIR.resolve("noise.stderr");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xss4m", "-cp", System.getProperty("java.class.path"),
                CollectionsCli.class.getName(), "demo", "--loans", "3", "--days", "2", "--out", out.toString()));
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String console = Files.readString(stdout, StandardCharsets.UTF_8) + Files.readString(stderr,
                StandardCharsets.UTF_8);

        assertThat(p.exitValue()).as(console).isZero();
        assertThat(console).doesNotContain("ANTLR", "LogManager", "Initializing DynamoDB Local", "InMemory:",
                "SharedDb", "SLF4J", "log4j", "WARN", "ERROR");
        assertThat(console).contains("Generating 3 loans (seed 42) ...", "Starting DynamoDB Local ...",
                "[day   2/2]", "Portfolio on 2026-09-02", "Done in");
        // DynamoDB Local runs as its in-process engine: no server, so no banner and no log of one.
        assertThat(out.resolve("logs")).doesNotExist();
    }
}

package com.overdue.collections.emulators;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The moto server (SQS, SNS, SES, S3, Scheduler emulator) started from the tools virtualenv that
 * {@code scripts/tools.sh} provisions, on a free loopback port, and stopped with its process tree.
 */
public final class MotoServer implements AutoCloseable {

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** The tools cache: {@code $COLLECTIONS_CACHE}, else {@code ~/.cache/collections-engine}. */
    public static Path cacheDir() {
        String configured = System.getenv("COLLECTIONS_CACHE");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "collections-engine");
    }

    public static MotoServer start() {
        Path venv = cacheDir().resolve("venv");
        Path executable = venv.resolve("bin").resolve("moto_server");
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("moto server not found at " + executable
                    + ": run scripts/tools.sh (the test command does it for you)");
        }
        int port = EmbeddedDynamoDb.freePort();
        try {
            Path log = Files.createTempFile("moto-server", ".log");
            Process process = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            MotoServer server = new MotoServer(process, endpoint);
            server.awaitReady(Duration.ofSeconds(60), log);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("moto server did not start", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    private void awaitReady(Duration timeout, Path log) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto", e);
            }
        }
        close();
        throw new IllegalStateException("moto server not ready after " + timeout + "; see " + log);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

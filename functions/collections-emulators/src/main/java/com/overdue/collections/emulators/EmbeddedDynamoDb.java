package com.overdue.collections.emulators;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * DynamoDB Local's HTTP server running in this JVM, in memory, on a free loopback port: what the Lambda functions'
 * tests and the benchmarks talk to over the SDK's HTTP path, as in AWS. No AWS account, no Docker, no network. (The
 * local runner uses the engine without the server: {@link InProcessDynamoDb}.)
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

    static {
        quietHttpWireLog();
    }

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private EmbeddedDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts DynamoDB Local's HTTP server; its banner is printed on the console (tests, benchmarks). */
    public static EmbeddedDynamoDb start() {
        configureNativeLibrary();
        int port = freePort();
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[]{"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
            server.start();
            return new EmbeddedDynamoDb(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * DynamoDB Local stores tables in SQLite through sqlite4java, whose native library Maven puts on the class path
     * as a plain {@code .so}/{@code .dylib}/{@code .dll} file. Copy it to a temporary folder under the name
     * sqlite4java looks for and point {@code sqlite4java.library.path} at it.
     */
    static synchronized void configureNativeLibrary() {
        if (System.getProperty("sqlite4java.library.path") != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("sqlite4java");
            dir.toFile().deleteOnExit();
            for (Path copy : copyNativeLibraries(dir)) {
                copy.toFile().deleteOnExit();
            }
            System.setProperty("sqlite4java.library.path", dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the sqlite4java native libraries into {@code dir} under the names sqlite4java looks for (no version);
     * also used to seed LocalStack's DynamoDB Local folder.
     */
    static List<Path> copyNativeLibraries(Path dir) throws IOException {
        List<Path> copies = new ArrayList<>();
        for (Path candidate : nativeLibraryCandidates()) {
            String name = candidate.getFileName().toString();
            if (name.contains("sqlite4java") && (name.endsWith(".so") || name.endsWith(".dylib")
                    || name.endsWith(".dll")) && Files.isRegularFile(candidate)) {
                Path copy = dir.resolve(name.replaceAll("-\\d+\\.\\d+\\.\\d+", ""));
                Files.copy(candidate, copy, StandardCopyOption.REPLACE_EXISTING);
                copies.add(copy);
            }
        }
        if (copies.isEmpty()) {
            throw new IllegalStateException("sqlite4java native library not found next to the sqlite4java jar "
                    + "or on the class path; depend on com.amazonaws:DynamoDBLocal with its runtime dependencies");
        }
        return copies;
    }

    /**
     * Where Maven leaves the native files: on the plain class path, in the folder of the sqlite4java jar (a copied
     * lib/ folder), or beside it in the local repository layout (surefire and Quarkus tests hide the class path).
     */
    private static List<Path> nativeLibraryCandidates() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                out.add(Path.of(entry));
            }
        }
        try {
            Path jar = Path.of(Class.forName("com.almworks.sqlite4java.SQLite").getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            Path folder = jar.getParent();
            try (Stream<Path> files = Files.list(folder)) {
                files.forEach(out::add);
            }
            // ~/.m2/repository/com/almworks/sqlite4java/sqlite4java/<v>/ → ../../libsqlite4java-*/<v>/
            Path group = folder.getParent().getParent();
            String version = folder.getFileName().toString();
            try (Stream<Path> artifacts = Files.list(group)) {
                for (Path artifact : artifacts.toList()) {
                    Path versioned = artifact.resolve(version);
                    if (Files.isDirectory(versioned)) {
                        try (Stream<Path> files = Files.list(versioned)) {
                            files.forEach(out::add);
                        }
                    }
                }
            }
        } catch (ReflectiveOperationException | java.net.URISyntaxException | RuntimeException e) {
            // fall back to the class path entries alone
        }
        return out;
    }

    /**
     * JBoss LogManager (the JUL manager the Quarkus adapters bring, named by the launcher and the test runs) starts
     * with its root logger at {@code ALL} when nothing configures it, which switches on Apache HttpClient's wire
     * log: every byte of every request to DynamoDB Local was formatted, with a stack walk per line, and dropped
     * (there is no handler). That made the local runs several times slower. The root is held at {@code INFO}, the
     * JDK's own default; a level someone set below it on purpose (a named logger) is left alone.
     */
    static void quietHttpWireLog() {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        if (root.getLevel() == null || root.getLevel().intValue() < java.util.logging.Level.INFO.intValue()) {
            root.setLevel(java.util.logging.Level.INFO);
        }
    }
}

package com.overdue.collections.emulators;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * LocalStack community in host mode (no Docker), started from the venv that {@code scripts/tools.sh localstack}
 * provisions, on a free loopback port, offline, with every file it writes under one temporary folder; stopped with
 * its process tree. Used by the LocalStack lane to deploy template.yaml into its CloudFormation.
 *
 * <p>Offline it cannot download what some services install on first use, so {@link #start} seeds its library folder:
 * <ul>
 *   <li>DynamoDB Local from this JVM's class path ({@code com.amazonaws:DynamoDBLocal} from the Maven cache): a
 *   manifest-only {@code DynamoDBLocal.jar} whose Class-Path names those jars, the sqlite4java native library beside
 *   it, and an empty Java agent in place of LocalStack's GSI-limit patch agent;</li>
 *   <li>its Java runtime: this JVM's {@code java.home};</li>
 *   <li>a Lambda runtime executor that runs nothing ({@code scripts/localstack/plugins}, selected with
 *   {@code LAMBDA_RUNTIME_EXECUTOR=noop}): functions are created, never run.</li>
 * </ul>
 */
public final class LocalStack implements AutoCloseable {

    private final Process process;
    private final URI endpoint;
    private final Path root;
    private final Path log;

    private LocalStack(Process process, URI endpoint, Path root, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.root = root;
        this.log = log;
    }

    /** The venv's interpreter, {@code $COLLECTIONS_CACHE/localstack-venv/bin/python}. */
    public static Path python() {
        return MotoServer.cacheDir().resolve("localstack-venv").resolve("bin").resolve("python");
    }

    /** Whether {@code scripts/tools.sh localstack} has provisioned the venv (its stamp is written last). */
    public static boolean provisioned() {
        Path venv = MotoServer.cacheDir().resolve("localstack-venv");
        return Files.isExecutable(python()) && Files.isRegularFile(venv.resolve(".requirements.sha256"));
    }

    /**
     * Starts LocalStack and waits until its health endpoint answers.
     *
     * @param plugins the folder of the noop Lambda executor plugin ({@code scripts/localstack/plugins})
     */
    public static LocalStack start(Path plugins) {
        if (!provisioned()) {
            throw new IllegalStateException("LocalStack venv not found at " + python().getParent().getParent()
                    + ": run scripts/tools.sh localstack (the test command does it for you)");
        }
        try {
            Path root = Files.createTempDirectory("localstack-lane");
            seedLibraries(root.resolve("fs/var/lib/localstack/lib"));
            int port = EmbeddedDynamoDb.freePort();
            Path log = root.resolve("localstack.log");
            ProcessBuilder builder = new ProcessBuilder(python().toString(), "-m", "localstack.runtime.main")
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.putAll(environment(root, port, plugins));
            Process process = builder.start();
            LocalStack server = new LocalStack(process, URI.create("http://127.0.0.1:" + port), root, log);
            server.awaitReady(Duration.ofSeconds(120));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("LocalStack did not start", e);
        }
    }

    static Map<String, String> environment(Path root, int port, Path plugins) {
        Map<String, String> env = new HashMap<>();
        String address = "127.0.0.1:" + port;
        // Host mode: files under FILESYSTEM_ROOT instead of /var/lib/localstack and /tmp/localstack.
        env.put("OVERRIDE_IN_DOCKER", "0");
        env.put("FILESYSTEM_ROOT", root.resolve("fs").toString());
        env.put("GATEWAY_LISTEN", address);
        // Queue URLs and other self-links name this address, not localhost.localstack.cloud (a public DNS name).
        env.put("LOCALSTACK_HOST", address);
        env.put("SQS_ENDPOINT_STRATEGY", "path");
        // Offline and quiet: no analytics, no DNS server of its own, no update checks.
        env.put("DISABLE_EVENTS", "1");
        env.put("DNS_ADDRESS", "0");
        env.put("SKIP_SSL_CERT_DOWNLOAD", "1");
        env.put("LAMBDA_RUNTIME_EXECUTOR", "noop");
        String pythonPath = System.getenv("PYTHONPATH");
        env.put("PYTHONPATH", plugins.toAbsolutePath() + (pythonPath == null || pythonPath.isBlank() ? ""
                : File.pathSeparator + pythonPath));
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        return env;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** LocalStack's own log (stdout and stderr). */
    public Path log() {
        return log;
    }

    /** A scratch folder inside LocalStack's temporary folder (deleted on {@link #close}). */
    public Path scratch(String name) {
        try {
            return Files.createDirectories(root.resolve("scratch").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code deploy.py} (the SAM template into LocalStack's CloudFormation, event source mappings disabled)
     * with the venv's Python and returns the JSON document it wrote (parameters, outputs, physical ids).
     */
    public Path deploy(Path deployScript, Path template, Duration timeout, String... parameters) {
        Path out = scratch("deploy").resolve("stack.json");
        Path deployLog = scratch("deploy").resolve("deploy.log");
        List<String> command = new ArrayList<>(List.of(python().toString(), deployScript.toString(),
                "--endpoint", endpoint.toString(), "--template", template.toString(), "--out", out.toString(),
                "--timeout", Long.toString(timeout.toSeconds())));
        for (String parameter : parameters) {
            command.add("--parameter");
            command.add(parameter);
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(deployLog.toFile());
            builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                    "AWS_DEFAULT_REGION", "us-east-1"));
            builder.environment().put("PYTHONPATH", deployScript.getParent().resolve("plugins").toString());
            Process deploy = builder.start();
            if (!deploy.waitFor(timeout.toSeconds() + 60, TimeUnit.SECONDS)) {
                deploy.descendants().forEach(ProcessHandle::destroy);
                deploy.destroy();
                throw new IllegalStateException("deploy.py did not finish in " + timeout + ": " + tail(deployLog));
            }
            if (deploy.exitValue() != 0) {
                throw new IllegalStateException("deploy.py failed (" + deploy.exitValue() + "):\n" + tail(deployLog)
                        + "\nLocalStack log: " + log);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deploying", e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                String tail = tail(log);
                close();
                throw new IllegalStateException("LocalStack exited with " + process.exitValue() + ":\n" + tail);
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/_localstack/health").toURL()
                        .openConnection();
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
                close();
                throw new IllegalStateException("interrupted while waiting for LocalStack", e);
            }
        }
        String tail = tail(log);
        close();
        throw new IllegalStateException("LocalStack not ready after " + timeout + ":\n" + tail);
    }

    // ------------------------------------------------------------------ offline seeding

    /** Seeds LocalStack's library folder ({@code <FILESYSTEM_ROOT>/var/lib/localstack/lib}). */
    static void seedLibraries(Path lib) throws IOException {
        // Its Java: LocalStack looks for lib/java/<version>/bin/java before downloading a JRE.
        Path java = Files.createDirectories(lib.resolve("java"));
        Files.createSymbolicLink(java.resolve("21"), Path.of(System.getProperty("java.home")));

        // DynamoDB Local, where LocalStack's installer would unpack it (lib/dynamodb-local/2).
        Path ddb = Files.createDirectories(lib.resolve("dynamodb-local").resolve("2"));
        Path ddbLib = Files.createDirectories(ddb.resolve("DynamoDBLocal_lib"));
        Manifest launcher = new Manifest();
        launcher.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        launcher.getMainAttributes().put(Attributes.Name.MAIN_CLASS,
                "com.amazonaws.services.dynamodbv2.local.main.ServerRunner");
        launcher.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", dynamoDbLocalClassPath()));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(ddb.resolve("DynamoDBLocal.jar")),
                launcher)) {
            // manifest only
        }
        // LocalStack starts it with -Djava.library.path=DynamoDBLocal_lib: the sqlite4java native library goes there.
        EmbeddedDynamoDb.copyNativeLibraries(ddbLib);
        // LocalStack adds -javaagent:ddb-local-loader-0.1.jar (its patch lifting the GSI limit, downloaded on
        // install). The template has one GSI, so an agent that does nothing stands in for it.
        Manifest agent = new Manifest();
        agent.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        agent.getMainAttributes().put(new Attributes.Name("Premain-Class"), NoopAgent.class.getName());
        try (JarOutputStream jar = new JarOutputStream(
                Files.newOutputStream(ddb.resolve("ddb-local-loader-0.1.jar")), agent);
             InputStream classFile = NoopAgent.class.getResourceAsStream(
                     "/" + NoopAgent.class.getName().replace('.', '/') + ".class")) {
            jar.putNextEntry(new JarEntry(NoopAgent.class.getName().replace('.', '/') + ".class"));
            classFile.transferTo(jar);
            jar.closeEntry();
        }
    }

    /**
     * This JVM's class path as absolute URLs, with the Class-Path of manifest-only jars (surefire's booter jar)
     * expanded: DynamoDB Local and all its dependencies are on it, as they are for {@link EmbeddedDynamoDb}.
     */
    static List<String> dynamoDbLocalClassPath() throws IOException {
        Set<String> urls = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath();
            urls.add(url(path));
            if (Files.isRegularFile(path) && path.toString().endsWith(".jar")) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    Manifest manifest = jar.getManifest();
                    String classPath = manifest == null ? null
                            : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
                    if (classPath != null) {
                        URL base = path.toUri().toURL();
                        for (String relative : classPath.trim().split("\\s+")) {
                            urls.add(new URL(base, relative).toString());
                        }
                    }
                }
            }
        }
        try {
            Class<?> runner = Class.forName("com.amazonaws.services.dynamodbv2.local.main.ServerRunner");
            urls.add(url(Path.of(runner.getProtectionDomain().getCodeSource().getLocation().toURI())));
        } catch (ReflectiveOperationException | java.net.URISyntaxException e) {
            throw new IllegalStateException("com.amazonaws:DynamoDBLocal is not on the class path", e);
        }
        return new ArrayList<>(urls);
    }

    private static String url(Path path) {
        String url = path.toUri().toString();
        // A folder on a manifest Class-Path must end with a slash.
        return Files.isDirectory(path) && !url.endsWith("/") ? url + "/" : url;
    }

    @Override
    public void close() {
        // SIGTERM to the tree: LocalStack, and the DynamoDB Local JVM it started.
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : tree) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        if (!Boolean.getBoolean("collections.localstack.keep")) {
            delete(root);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temporary folder
        }
    }

    /** Stands in for LocalStack's DynamoDB Local patch agent. */
    public static final class NoopAgent {
        private NoopAgent() {
        }

        public static void premain(String args) {
            // nothing to patch
        }
    }
}

package com.overdue.collections.bench;

import com.overdue.collections.bench.CapacityMeter.Reading;
import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.emulators.EmbeddedDynamoDb;
import com.overdue.collections.lambda.engine.CollectionsEngine;
import com.overdue.collections.lambda.engine.EngineAdapters;
import com.overdue.collections.lambda.engine.EngineSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * What every benchmark needs: DynamoDB Local in-process, one SDK client whose every request goes through a
 * {@link CapacityMeter}, and {@link #measure} to time and meter one phase. A new benchmark (reminders, escalation …)
 * starts a harness, takes its use cases from the {@link CollectionsEngine} that Lambda and the local runner build
 * ({@link #engine}), measures its phases and writes its section of bench/RESULTS.md with {@link Report#write}.
 */
final class Harness implements AutoCloseable {

    final EmbeddedDynamoDb dynamo;
    final DynamoDbClient client;
    final CapacityMeter meter;

    /** One measured phase: what it returned, what it cost, how long it took (wall and JVM CPU). */
    record Measured<T>(T value, Reading reading, double seconds, double cpuSeconds) {
    }

    private Harness(EmbeddedDynamoDb dynamo, DynamoDbClient client, CapacityMeter meter) {
        this.dynamo = dynamo;
        this.client = client;
        this.meter = meter;
    }

    /** The engine on this harness's metered client (below). */
    CollectionsEngine.Builder engine(String table, int shards, EngineAdapters adapters, Clock clock) {
        return engine(client, table, shards, adapters, clock);
    }

    /**
     * The engine Lambda runs, on {@code client} and {@code table}, with the default settings but {@code shards}
     * review shards (a benchmark option); the configuration files are read once per JVM.
     */
    static CollectionsEngine.Builder engine(DynamoDbClient client, String table, int shards, EngineAdapters adapters,
                                            Clock clock) {
        EngineSettings settings = EngineSettings.defaults().withTableName(table).withReviewShards(shards);
        return CollectionsEngine.builder(Configuration.FILES, settings, client, adapters, clock);
    }

    /** The configuration files, loaded when the first engine is built. */
    private static final class Configuration {
        static final EngineConfiguration FILES = EngineConfiguration.fromClasspath();
    }

    /** Starts DynamoDB Local and a metered client (keys of the single table and of its {@code review} index). */
    static Harness start(ReturnConsumedCapacity mode, int threads) {
        CapacityMeter meter = new CapacityMeter(mode, "PK", "SK", List.of("reviewShard", "reviewAt"));
        EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start();
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(dynamo.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(Math.max(8, threads * 2))
                        .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(60)))
                .overrideConfiguration(c -> c.addExecutionInterceptor(meter))
                .build();
        return new Harness(dynamo, client, meter);
    }

    /** Runs {@code phase} alone on a freshly reset meter (after a GC) and returns its value, reading and times. */
    <T> Measured<T> measure(Callable<T> phase) throws Exception {
        System.gc();
        meter.reset();
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        T value = phase.call();
        double seconds = seconds(t0);
        double cpu = (cpuNanos() - c0) / 1e9;
        return new Measured<>(value, meter.read(), seconds, cpu);
    }

    @Override
    public void close() {
        client.close();
        dynamo.close();
    }

    /** CPU time of this JVM (the benchmark, the SDK client and DynamoDB Local together). */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench %s] %s%n",
                LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")), String.format(Locale.ROOT, format,
                        args));
    }

    /** The machine, as the reports print it. */
    static Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("nproc", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("cpu", cpuModel());
        m.put("free -h", command("free", "-h"));
        m.put("uptime (at the end of the run)", command("uptime"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB)");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("DynamoDB Local", jarVersion("DynamoDBLocal-") + ", in-process, -inMemory");
        m.put("AWS SDK", jarVersion("dynamodb-2") + ", Apache HTTP client");
        return m;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String jarVersion(String prefix) {
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith(prefix) && name.endsWith(".jar")) {
                return name.substring(0, name.length() - 4);
            }
        }
        return prefix + "?";
    }

    private static String command(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String out = r.lines().collect(Collectors.joining("\n"));
                p.waitFor();
                return out;
            }
        } catch (IOException | InterruptedException e) {
            return "(" + String.join(" ", cmd) + " failed: " + e.getMessage() + ")";
        }
    }
}

package com.overdue.collections.bench;

import com.overdue.collections.emulators.EmbeddedDynamoDb;
import com.overdue.collections.emulators.UsLoanEvents;
import com.overdue.collections.lambda.dynamodb.LoanTable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Cold start of the deployed functions, measured the way the managed {@code java17} runtime starts them: a fresh JVM
 * running the AWS Lambda Java runtime interface client ({@code com.amazonaws.services.lambda.runtime.api.client
 * .AWSLambda}, from Maven Central) with the function's artifact as its task root ({@code LAMBDA_TASK_ROOT}: the
 * unpacked {@code functions/artifacts/<group>/target/lambda.zip}, loaded by the client's own class loader as in Lambda)
 * and the template's handler, polling a local Runtime API ({@link RuntimeApiServer}), with DynamoDB Local behind it.
 * Per variant and run: <b>init</b> = process start → its first {@code /invocation/next}; <b>first</b> and
 * <b>second</b> = an invocation handed out → its response. Median of {@code --runs}; beside a trivial Java handler
 * ({@link TrivialHandler}) started the same way. A 1 GB Lambda has about 0.58 of a vCPU: each process is pinned to
 * one CPU ({@code taskset -c 0}, {@code -XX:ActiveProcessorCount=1}) and, where the cgroup v1 cpu controller is
 * writable (root), held to {@code --cpu-share} of it by a CFS quota. Variants: as deployed (Java 17, warm-up in
 * init), without the warm-up ({@code COLLECTIONS_WARMUP=false}), Java 17 with an AppCDS archive
 * ({@code -XX:SharedArchiveFile}, trained by one run with {@code -XX:ArchiveClassesAtExit}), and with
 * {@code --jdk25} Java 25 plain and with its AOT cache ({@code -XX:AOTCacheOutput} training, {@code -XX:AOTCache}).
 * Timings only: nothing here is asserted.
 */
public final class ColdStartBenchmark {

    static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";
    static final String TRIVIAL = TrivialHandler.class.getName() + "::handleRequest";
    static final String TABLE = "collections-coldstart";
    /** The template's JAVA_TOOL_OPTIONS (Globals) and what the managed runtime adds for a 1 GB function. */
    static final String TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    static final List<String> RUNTIME_OPTIONS = List.of("-XX:MaxHeapSize=870m", "-XX:+UseSerialGC",
            "-Xshare:auto", "-XX:ActiveProcessorCount=1", "-Djava.net.preferIPv4Stack=true");

    /** The functions it can start, with their artifact group and two invocation events. */
    record Function(String export, String group, List<String> events) {
    }

    static final Map<String, Function> FUNCTIONS = new LinkedHashMap<>();

    static {
        FUNCTIONS.put("reminderInbox", new Function("reminderInbox", "inbox",
                List.of("{\"borrowerId\":\"B-COLD-1\"}", "{\"borrowerId\":\"B-COLD-2\"}")));
        FUNCTIONS.put("ingestEvents", new Function("ingestEvents", "ingest", List.of(
                sqs(UsLoanEvents.booked("E-COLD-%d-1", "L-COLD-%d-1")),
                sqs(UsLoanEvents.booked("E-COLD-%d-2", "L-COLD-%d-2")))));
    }

    record Variant(String name, Path java, boolean jdk25, List<String> extraOptions, Map<String, String> env) {
    }

    record Run(long initNanos, long firstNanos, long secondNanos) {
    }

    record Row(String function, String artifact, String variant, List<Run> runs) {
        double median(java.util.function.ToLongFunction<Run> f) {
            long[] v = runs.stream().mapToLong(f).sorted().toArray();
            return v.length == 0 ? Double.NaN : (v[(v.length - 1) / 2] + v[v.length / 2]) / 2e6;
        }

        double init() {
            return median(Run::initNanos);
        }

        double first() {
            return median(Run::firstNanos);
        }

        double second() {
            return median(Run::secondNanos);
        }

        double initPlusFirst() {
            return median(r -> r.initNanos() + r.firstNanos());
        }
    }

    private final Path root;
    private final Path work;
    private final int runs;
    private final double cpuShare;
    private final String runtimeClasspath;
    private final Map<String, String> baseEnv = new HashMap<>();
    private Path cgroup;
    private int process;

    ColdStartBenchmark(Path root, Path work, int runs, double cpuShare, String runtimeClasspath) {
        this.root = root;
        this.work = work;
        this.runs = runs;
        this.cpuShare = cpuShare;
        this.runtimeClasspath = runtimeClasspath;
    }

    /** {@code bench coldstart}: each function started as the managed Java runtime starts it, median of N. */
    @Command(name = "coldstart", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Cold start of the functions through the AWS Lambda runtime interface client against a "
                    + "local Runtime API (DynamoDB Local behind it): init, first and second invoke, median of N, "
                    + "beside a trivial handler started the same way; AppCDS and Java 25 AOT-cache rows.")
    static final class Cli implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
                description = "Cold starts per row, 1..50 (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--cpu-share", paramLabel = "F", defaultValue = "0.58",
                description = "Share of one core each function JVM gets, 0.05..1 (default: ${DEFAULT-VALUE}: "
                        + "a 1 GB Lambda).")
        double share;

        @Option(names = "--functions", paramLabel = "NAMES", split = ",", defaultValue = "reminderInbox,ingestEvents",
                description = "Functions to start (default: ${DEFAULT-VALUE}).")
        List<String> names;

        @Option(names = "--jdk25", paramLabel = "DIR", defaultValue = "/usr/lib/jvm/temurin-25-jdk-amd64",
                description = "A Java 25 JDK for the AOT-cache rows (default: ${DEFAULT-VALUE}).")
        String jdk25;

        @Option(names = "--results", paramLabel = "FILE", defaultValue = "bench/RESULTS.md",
                description = "Markdown file whose coldstart section is rewritten (default: ${DEFAULT-VALUE}).")
        Path results;

        @Override
        public Integer call() throws Exception {
            BenchCli.between(spec, "--runs", runs, 1, 50);
            if (!(share >= 0.05 && share <= 1)) {
                throw new ParameterException(spec.commandLine(), "--cpu-share must be between 0.05 and 1 (was "
                        + share + ")");
            }
            run(runs, share, names, jdk25, results);
            return 0;
        }
    }

    static void run(int runs, double share, List<String> names, String jdk25, Path results) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path work = Files.createTempDirectory("coldstart");
        Instant started = Instant.now();

        String ric = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> Path.of(p).getFileName().toString().matches(
                        "(aws-lambda-java-(runtime-interface-client|core|serialization)|utils-lite)-.*\\.jar"))
                .map(p -> Path.of(p).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        if (ric.isEmpty()) {
            throw new IllegalStateException("aws-lambda-java-runtime-interface-client is not on the class path");
        }
        ColdStartBenchmark bench = new ColdStartBenchmark(root, work, runs, share, ric);
        List<Row> rows = new ArrayList<>();
        try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start()) {
            try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint())
                    .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("test", "test"))).build()) {
                LoanTable.create(client, TABLE);
            }
            bench.baseEnv.putAll(Map.of("AWS_REGION", "us-east-1", "AWS_DEFAULT_REGION", "us-east-1",
                    "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024", "AWS_LAMBDA_FUNCTION_VERSION", "1",
                    "COLLECTIONS_TABLE_NAME", TABLE, "COLLECTIONS_REVIEW_SHARDS", "16",
                    "QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", dynamo.endpoint().toString()));
            bench.cgroup = cgroup(share);
            Path java17 = Path.of(System.getProperty("java.home"), "bin", "java");
            Path java25 = jdk25.equals("none") ? null : Path.of(jdk25, "bin", "java");
            if (java25 != null && !Files.isExecutable(java25)) {
                System.err.println("coldstart: no Java 25 at " + java25 + ": its rows are left out");
                java25 = null;
            }
            Path trivialRoot = bench.trivialTaskRoot();
            List<Variant> trivialVariants = new ArrayList<>(List.of(new Variant("Java 17", java17, false,
                    List.of(), Map.of())));
            if (java25 != null) {
                trivialVariants.add(new Variant("Java 25", java25, true, List.of(), Map.of()));
            }
            for (Variant v : trivialVariants) {
                rows.add(bench.measure("trivial handler", "-", trivialRoot, TRIVIAL, Map.of(),
                        List.of("{}", "{}"), v));
            }
            for (String name : names) {
                Function f = FUNCTIONS.get(name.trim());
                if (f == null) {
                    throw new IllegalArgumentException("unknown function " + name + "; known: " + FUNCTIONS.keySet());
                }
                Path task = bench.taskRoot(f.group());
                Map<String, String> env = Map.of("QUARKUS_FUNQY_EXPORT", f.export());
                List<Variant> variants = new ArrayList<>();
                variants.add(new Variant("Java 17, as deployed", java17, false, List.of(), Map.of()));
                variants.add(new Variant("Java 17, no warm-up", java17, false, List.of(),
                        Map.of("COLLECTIONS_WARMUP", "false")));
                Path jsa = task.resolve("app.jsa");
                bench.train(f, task, env, java17, List.of("-XX:ArchiveClassesAtExit=" + jsa), jsa);
                variants.add(new Variant("Java 17 + AppCDS", java17, false,
                        List.of("-XX:SharedArchiveFile=" + jsa), Map.of()));
                if (java25 != null) {
                    variants.add(new Variant("Java 25", java25, true, List.of(), Map.of()));
                    Path aot = task.resolve("app.aot");
                    bench.train(f, task, env, java25, List.of("-XX:AOTCacheOutput=" + aot), aot);
                    variants.add(new Variant("Java 25 + AOT cache", java25, true,
                            List.of("-XX:AOTCache=" + aot), Map.of()));
                }
                for (Variant v : variants) {
                    rows.add(bench.measure(f.export(), f.group(), task, HANDLER, env, f.events(), v));
                }
            }
        } finally {
            if (bench.cgroup != null) {
                Files.deleteIfExists(bench.cgroup);
            }
        }
        String report = report(rows, bench, Duration.between(started, Instant.now()));
        System.out.println(report);
        Report.write(results, "coldstart", report);
        System.err.println("coldstart: results written to " + results + " (logs in " + work + ")");
    }

    /** An SQS event of one record with this body ({@code %d} in it becomes the run's number). */
    static String sqs(String body) {
        String quoted = body.replace("\\", "\\\\").replace("\"", "\\\"");
        return "{\"Records\":[{\"messageId\":\"m-1\",\"receiptHandle\":\"r-1\",\"body\":\"" + quoted + "\","
                + "\"attributes\":{\"ApproximateReceiveCount\":\"1\",\"SentTimestamp\":\"1767225600000\"},"
                + "\"messageAttributes\":{},\"md5OfBody\":\"\",\"eventSource\":\"aws:sqs\","
                + "\"eventSourceARN\":\"arn:aws:sqs:us-east-1:000000000000:collections-events\","
                + "\"awsRegion\":\"us-east-1\"}]}";
    }

    /** Unpacks the group's deployed zip, as Lambda unpacks it into /var/task. */
    Path taskRoot(String group) throws IOException {
        Path zip = root.resolve("functions/artifacts").resolve(group).resolve("target/lambda.zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " is missing: make -C functions/artifacts/" + group
                    + " lambda-zips");
        }
        Path task = work.resolve("task-" + group);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = task.resolve(e.getName()).normalize();
                if (!target.startsWith(task)) {
                    throw new IOException("entry outside the task root: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return task;
    }

    /** A task root holding only the trivial handler's class. */
    Path trivialTaskRoot() throws IOException {
        Path task = work.resolve("task-trivial");
        String resource = TrivialHandler.class.getName().replace('.', '/') + ".class";
        Path target = task.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = TrivialHandler.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return task;
    }

    /** One training run that writes a class archive or AOT cache at exit. */
    void train(Function f, Path task, Map<String, String> env, Path java, List<String> options, Path output)
            throws Exception {
        Run r = once(task, HANDLER, env, f.events(), new Variant("training", java, false, options, Map.of()), 0);
        System.err.printf(Locale.ROOT, "coldstart: trained %s (%s): %s %s%n", f.export(), java,
                output.getFileName(), Files.exists(output) ? Files.size(output) / 1_000_000 + " MB" : "MISSING");
        if (r == null) {
            throw new IllegalStateException("training run failed");
        }
    }

    Row measure(String function, String artifact, Path task, String handler, Map<String, String> env,
                List<String> events, Variant v) throws Exception {
        once(task, handler, env, events, v, 0);  // discarded: fills the page cache with the artifact's files
        List<Run> result = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            result.add(once(task, handler, env, events, v, i));
        }
        Row row = new Row(function, artifact, v.name(), result);
        System.err.printf(Locale.ROOT, "coldstart: %-16s %-22s init %6.0f  first %6.0f  second %6.0f ms%n",
                function, v.name(), row.init(), row.first(), row.second());
        return row;
    }

    /** Starts one process, waits for its init, sends the two events, then stops it (SIGTERM, as Lambda does). */
    Run once(Path task, String handler, Map<String, String> env, List<String> events, Variant v, int n)
            throws Exception {
        List<String> command = new ArrayList<>();
        if (cgroup != null) {
            command.addAll(List.of("sh", "-c", "echo $$ > \"$0\" && exec \"$@\"", cgroup.resolve("tasks").toString()));
        }
        command.addAll(List.of("taskset", "-c", "0", v.java().toString()));
        // The AOT cache replaces the CDS archive: Java 25 refuses -Xshare with -XX:AOTCache(Output).
        boolean aot = v.extraOptions().stream().anyMatch(o -> o.startsWith("-XX:AOTCache"));
        RUNTIME_OPTIONS.stream().filter(o -> !(aot && o.startsWith("-Xshare"))).forEach(command::add);
        if (aot) {
            command.addAll(v.extraOptions());
        }
        command.addAll(List.of("-cp", runtimeClasspath, "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                handler));
        try (RuntimeApiServer api = RuntimeApiServer.start()) {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().clear();
            pb.environment().put("PATH", System.getenv("PATH"));
            pb.environment().putAll(baseEnv);
            pb.environment().putAll(env);
            pb.environment().putAll(v.env());
            pb.environment().put("JAVA_TOOL_OPTIONS", aot ? TOOL_OPTIONS : String.join(" ", TOOL_OPTIONS,
                    String.join(" ", v.extraOptions())).trim());
            pb.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
            pb.environment().put("LAMBDA_TASK_ROOT", task.toString());
            pb.directory(task.toFile());  // the client loads the task root from its working directory, as in Lambda
            pb.environment().put("_HANDLER", handler);
            pb.environment().put("AWS_LAMBDA_FUNCTION_NAME", "coldstart-" + task.getFileName());
            Path log = work.resolve(task.getFileName() + "-" + v.name().replaceAll("[^A-Za-z0-9]+", "_") + "-"
                    + n + ".log");
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            int id = ++process;
            long start = System.nanoTime();
            Process p = pb.start();
            try {
                long init = -1;
                for (int waited = 0; init < 0; waited++) {
                    try {
                        init = api.awaitFirstNext(1, TimeUnit.SECONDS) - start;
                    } catch (java.util.concurrent.TimeoutException e) {
                        if (!p.isAlive() || waited > 120) {
                            throw new IllegalStateException("the function did not start (" + log + ")");
                        }
                    }
                }
                long[] times = new long[2];
                for (int i = 0; i < 2; i++) {
                    RuntimeApiServer.Outcome o = RuntimeApiServer.await(api.invoke(
                            events.get(i).replace("%d", Integer.toString(id))), 120, TimeUnit.SECONDS);
                    if (o.error()) {
                        throw new IllegalStateException("invocation failed (" + log + "): " + o.body());
                    }
                    times[i] = o.nanos();
                }
                return new Run(init, times[0], times[1]);
            } finally {
                p.destroy();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            }
        }
    }

    /** A cgroup v1 cpu group with a CFS quota of {@code share} of one CPU, or null where none can be made. */
    static Path cgroup(double share) {
        Path cpu = Path.of("/sys/fs/cgroup/cpu");
        if (share >= 1 || !Files.isDirectory(cpu)) {
            return null;
        }
        Path group = cpu.resolve("coldstart-bench-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(group);
            Files.writeString(group.resolve("cpu.cfs_period_us"), "100000");
            Files.writeString(group.resolve("cpu.cfs_quota_us"), Long.toString(Math.round(share * 100_000)));
            return group;
        } catch (IOException | RuntimeException e) {
            System.err.println("coldstart: no cgroup cpu quota (" + e + "): pinned to one CPU only");
            try {
                Files.deleteIfExists(group);
            } catch (IOException ignored) {
                // nothing to clean
            }
            return null;
        }
    }

    static String report(List<Row> rows, ColdStartBenchmark bench, Duration wall) {
        Map<Boolean, Row> trivial = new HashMap<>();
        for (Row r : rows) {
            if (r.function().equals("trivial handler")) {
                trivial.put(r.variant().contains("25"), r);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("### Cold start (bench/run.sh coldstart)\n\n");
        out.append(String.format(Locale.ROOT, "Median of %d runs per row (one more run first, discarded: page "
                        + "cache). Each process: the runtime interface client with the artifact as task root, "
                        + "`taskset -c 0`, `-XX:ActiveProcessorCount=1`, %s; %s; load average at the end %.1f on "
                        + "%d CPUs, %s wall. × trivial = (init + first) over the trivial handler's on the same JDK.%n%n",
                bench.runs, bench.cgroup != null ? String.format(Locale.ROOT, "CFS quota %.0f %% of that CPU "
                        + "(cgroup v1)", bench.cpuShare * 100) : "no CPU quota (cgroup not writable)",
                String.join(" ", RUNTIME_OPTIONS) + " " + TOOL_OPTIONS,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(), wall.toSeconds() + " s"));
        out.append("| function | artifact | JVM | init ms | first invoke ms | init + first ms | × trivial "
                + "| second invoke ms |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            Row base = trivial.get(r.variant().contains("25"));
            double ratio = base == null ? Double.NaN : r.initPlusFirst() / base.initPlusFirst();
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %,.0f | %,.0f | %,.0f | %.1f× | %,.0f |%n",
                    r.function(), r.artifact(), r.variant(), r.init(), r.first(), r.initPlusFirst(), ratio,
                    r.second()));
        }
        return out.toString();
    }
}

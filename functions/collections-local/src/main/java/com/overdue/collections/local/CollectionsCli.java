package com.overdue.collections.local;

import com.overdue.collections.emulators.crash.CrashInjector;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local runner: {@code demo} generates a sample portfolio and runs the daily pipeline over it; {@code simulate}
 * runs the pipeline over an event file between two dates. Both on embedded DynamoDB Local, no AWS account.
 */
public final class CollectionsCli {

    private static final String USAGE = """
            usage:
              collections demo [--loans N] [--days N] [--from yyyy-MM-dd] [--seed N] [--out DIR]
              collections simulate --events FILE.jsonl --from yyyy-MM-dd --to yyyy-MM-dd --out DIR [--run-time HH:mm]
                                   [--crash-drill SEED [--crash-rate R]]
              collections compare OUT_A OUT_B [--out DIR]
            --crash-drill runs the input clean into DIR/clean/, then with seeded crashes (rate R per invocation,
            default 0.05) into DIR/, and compares: exit 3 when an effect is lost, an output differs or a cap breaks.
            compare puts two runs' figures side by side (strategy arms, cure rates, buckets, roll rates, contacts,
            penalty) into DIR/compare.html and DIR/compare.csv (default DIR: compare).
            """;

    private CollectionsCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            if (args[0].equals("compare")) {
                return compare(args, out);
            }
            Map<String, String> options = options(args);
            return switch (args[0]) {
                case "demo" -> demo(options, out);
                case "simulate" -> simulate(options, out);
                default -> throw new UsageException("unknown command \"" + args[0] + "\"");
            };
        } catch (UsageException e) {
            err.println("collections: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // One line, no stack trace (it could quote input), returned so that main's System.exit stops DynamoDB
            // Local's threads at once instead of the JVM hanging.
            err.println("collections: failed: " + oneLine(e));
            return 1;
        }
    }

    private static int demo(Map<String, String> o, PrintStream out) throws IOException {
        int loans = intOption(o, "loans", 1000);
        int days = intOption(o, "days", 90);
        LocalDate from = dateOption(o, "from", LocalDate.of(2026, 9, 1));
        LocalDate to = from.plusDays(days - 1L);
        Path dir = Path.of(o.getOrDefault("out", "out"));
        long seed = intOption(o, "seed", 42);
        Files.createDirectories(dir);
        out.printf("Generating %d loans (seed %d) ...%n", loans, seed);
        List<String> events = new DemoPortfolio(seed, from, to).events(loans);
        Files.write(dir.resolve("events.jsonl"), events, StandardCharsets.UTF_8);
        out.printf("Running the daily pipeline %s .. %s (%d days) over %d events on embedded DynamoDB Local ...%n",
                from, to, days, events.size());
        long started = System.nanoTime();
        SimulationReport report = new Simulation(LocalTime.of(6, 0), out, 10).run(events, from, to, dir);
        report.print(out);
        out.printf("%nDone in %.1f s. Output in %s/ (loans/, work.jsonl, rejected.jsonl, bucket-changes.jsonl, "
                + "summary.json, report.html; events.jsonl replays with `collections simulate`).%n",
                (System.nanoTime() - started) / 1e9, dir);
        return 0;
    }

    /** {@code compare OUT_A OUT_B [--out DIR]}: the two runs' figures side by side ({@link CompareRuns}). */
    private static int compare(String[] args, PrintStream out) throws IOException {
        if (args.length != 3 && !(args.length == 5 && args[3].equals("--out"))) {
            throw new UsageException("compare needs two run output directories: compare OUT_A OUT_B [--out DIR]");
        }
        Path dir = Path.of(args.length == 5 ? args[4] : "compare");
        int code = CompareRuns.run(Path.of(args[1]), Path.of(args[2]), dir, out);
        if (code == 2) {
            throw new UsageException("compare: OUT_A and OUT_B must be the --out directories of two runs");
        }
        return code;
    }

    private static int simulate(Map<String, String> o, PrintStream out) throws IOException {
        Path events = Path.of(required(o, "events"));
        LocalDate from = dateOption(o, "from", null);
        LocalDate to = dateOption(o, "to", null);
        if (from == null || to == null) {
            throw new UsageException("--from and --to are required");
        }
        Path dir = Path.of(required(o, "out"));
        LocalTime runTime;
        try {
            runTime = LocalTime.parse(o.getOrDefault("run-time", "06:00"));
        } catch (DateTimeParseException e) {
            throw new UsageException("--run-time must be HH:mm");
        }
        Long seed = null;
        double rate = CrashInjector.DEFAULT_RATE;
        if (o.containsKey("crash-drill")) {
            try {
                seed = Long.parseLong(o.get("crash-drill"));
            } catch (NumberFormatException e) {
                throw new UsageException("--crash-drill must be a whole number (the seed)");
            }
            try {
                rate = Double.parseDouble(o.getOrDefault("crash-rate", Double.toString(CrashInjector.DEFAULT_RATE)));
            } catch (NumberFormatException e) {
                throw new UsageException("--crash-rate must be a number between 0 and 1");
            }
            if (!(rate >= 0 && rate <= 1)) {
                throw new UsageException("--crash-rate must be a number between 0 and 1");
            }
        } else if (o.containsKey("crash-rate")) {
            throw new UsageException("--crash-rate needs --crash-drill SEED");
        }
        List<String> lines;
        try {
            lines = EventLines.read(events);
        } catch (NoSuchFileException e) {
            throw new UsageException("--events: no such file " + events);
        }
        if (seed != null) {
            out.printf("Clean run into %s ...%n", dir.resolve("clean"));
            CrashDrill drill = CrashDrill.run(new Simulation(runTime, out, 0), lines, from, to, dir, seed, rate);
            drill.drill.print(out);
            drill.print(out);
            return drill.passed() ? 0 : 3;
        }
        SimulationReport report = new Simulation(runTime, out, 10).run(lines, from, to, dir);
        report.print(out);
        return 0;
    }

    /**
     * The error as one line: the engine's and the JDK's own messages (file names, bad options, an unknown loan) are
     * shown, shortened; any other library's message is left out, since a parser's message may quote the input.
     */
    static String oneLine(Throwable e) {
        boolean ours = e instanceof IOException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException || e instanceof java.io.UncheckedIOException;
        String message = ours && e.getMessage() != null ? e.getMessage().replaceAll("[\\r\\n\\t]+", " ") : "";
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new UsageException("expected --name value, got \"" + args[i] + "\"");
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            throw new UsageException("--" + name + " is required");
        }
        return v;
    }

    private static int intOption(Map<String, String> o, String name, int fallback) {
        try {
            return o.containsKey(name) ? Integer.parseInt(o.get(name)) : fallback;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number");
        }
    }

    private static LocalDate dateOption(Map<String, String> o, String name, LocalDate fallback) {
        try {
            return o.containsKey(name) ? LocalDate.parse(o.get(name)) : fallback;
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + name + " must be a date yyyy-MM-dd");
        }
    }

    /** A command-line mistake: reported with the usage text and exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}

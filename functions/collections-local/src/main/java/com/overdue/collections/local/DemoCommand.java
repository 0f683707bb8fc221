package com.overdue.collections.local;

import com.overdue.collections.core.config.EngineConfiguration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code collections demo}: a generated sample portfolio through the daily pipeline, day by day. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generates a sample portfolio (seeded, deterministic) and runs the daily pipeline over it on "
                + "DynamoDB Local's engine in this JVM: every worker, every day from --from for --days days.",
        footer = {"", "Outputs in DIR: events.jsonl (replays with `collections simulate`), loans/, work.jsonl, "
                + "rejected.jsonl, bucket-changes.jsonl, decisions.jsonl, summary.json, report.html, analytics/."})
final class DemoCommand implements Callable<Integer> {

    static final int MAX_LOANS = 100_000;
    static final int MAX_DAYS = 3_660;

    @Spec
    CommandSpec spec;

    @Option(names = "--loans", paramLabel = "N", defaultValue = "1000",
            description = "Loans in the sample portfolio, 1.." + MAX_LOANS + " (default: ${DEFAULT-VALUE}).")
    int loans;

    @Option(names = "--days", paramLabel = "N", defaultValue = "90",
            description = "Days to run, 1.." + MAX_DAYS + " (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--from", paramLabel = "yyyy-MM-dd", defaultValue = "2026-09-01",
            description = "First day of the run (default: ${DEFAULT-VALUE}).")
    LocalDate from;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the generated portfolio (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    RunOptions run;

    private final PrintStream stdout;
    private final PrintStream stderr;

    DemoCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() throws IOException {
        if (loans < 1 || loans > MAX_LOANS) {
            throw new ParameterException(spec.commandLine(), "--loans must be between 1 and " + MAX_LOANS + " (was "
                    + loans + ")");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new ParameterException(spec.commandLine(), "--days must be between 1 and " + MAX_DAYS + " (was "
                    + days + ")");
        }
        RunOptions.requireOutputDirectory(spec, out);
        int threads = run.threads(spec);
        EngineConfiguration configuration = run.configuration(spec);
        ConsoleProgress progress = run.progress(stderr);
        run.unmatchedFiles().forEach(f -> stderr.println("warning: --config: " + run.config.resolve(f)
                + " replaces no shipped file; it is read only if an index of the overlay names it"));
        LocalDate to = from.plusDays(days - 1L);
        long started = System.nanoTime();
        Files.createDirectories(out);
        progress.status(String.format("Generating %d loans (seed %d) ...", loans, seed));
        List<String> events = new DemoPortfolio(seed, from, to).events(loans);
        Files.write(out.resolve("events.jsonl"), events, StandardCharsets.UTF_8);
        progress.status(String.format("Running the daily pipeline %s .. %s (%d days) over %d events%s ...", from, to,
                days, events.size(), run.config == null ? "" : " with the configuration of " + run.config));
        SimulationReport report = new Simulation(LocalTime.of(6, 0), progress, configuration)
                .workThreads(threads).run(events, from, to, out);
        report.print(stdout);
        stdout.printf("%nDone in %.1f s. Output in %s/ (loans/, work.jsonl, rejected.jsonl, bucket-changes.jsonl, "
                        + "summary.json, report.html; events.jsonl replays with `collections simulate`).%n",
                (System.nanoTime() - started) / 1e9, out);
        return 0;
    }
}

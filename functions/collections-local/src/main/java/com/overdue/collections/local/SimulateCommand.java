package com.overdue.collections.local;

import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.emulators.crash.CrashInjector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code collections simulate}: the daily pipeline over an event file, optionally under a seeded crash drill. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the daily pipeline over an event file (JSON Lines) on embedded DynamoDB Local: events in "
                + "occurredAt order, interleaved with each zone's daily scan, every day from --from to --to.",
        footer = {"", "--crash-drill runs the input clean into DIR/clean/, then with seeded crashes (rate R per "
                + "invocation) into DIR/, and compares: exit 3 when an effect is lost, an output differs or a cap "
                + "breaks."})
final class SimulateCommand implements Callable<Integer> {

    /** Exit code of a crash drill that failed. */
    static final int DRILL_FAILED = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--events", paramLabel = "FILE.jsonl", required = true, description = "The events, one per line.")
    Path events;

    @Option(names = "--from", paramLabel = "yyyy-MM-dd", required = true, description = "First day to run.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "yyyy-MM-dd", required = true, description = "Last day to run (>= --from).")
    LocalDate to;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--run-time", paramLabel = "HH:mm", defaultValue = "06:00",
            description = "Local time of each zone's daily scan (default: ${DEFAULT-VALUE}).")
    LocalTime runTime;

    @Option(names = "--crash-drill", paramLabel = "SEED",
            description = "Run a seeded crash drill against a clean run (see below).")
    Long crashDrill;

    @Option(names = "--crash-rate", paramLabel = "R",
            description = "Crash probability per invocation under --crash-drill, 0..1 (default: "
                    + CrashInjector.DEFAULT_RATE + ").")
    Double crashRate;

    @Mixin
    RunOptions run;

    private final PrintStream stdout;
    private final PrintStream stderr;

    SimulateCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() throws IOException {
        validate();
        int threads = run.threads(spec);
        EngineConfiguration configuration = run.configuration(spec);
        List<String> lines;
        try {
            lines = EventLines.read(events);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "--events: no such file " + events);
        }
        ConsoleProgress progress = run.progress(stderr);
        run.unmatchedFiles().forEach(f -> stderr.println("warning: --config: " + run.config.resolve(f)
                + " replaces no shipped file; it is read only if an index of the overlay names it"));
        if (crashDrill != null) {
            double rate = crashRate == null ? CrashInjector.DEFAULT_RATE : crashRate;
            progress.status(String.format("Crash drill (seed %d, rate %s): clean run into %s, then the drill into "
                    + "%s ...", crashDrill, rate, out.resolve("clean"), out));
            CrashDrill drill = CrashDrill.run(new Simulation(runTime, progress, configuration),
                    lines, from, to, out, crashDrill, rate);
            drill.drill.print(stdout);
            drill.print(stdout);
            return drill.passed() ? 0 : DRILL_FAILED;
        }
        progress.status(String.format("Running the daily pipeline %s .. %s (%d days) over %s%s ...", from, to,
                ChronoUnit.DAYS.between(from, to) + 1, events,
                run.config == null ? "" : " with the configuration of " + run.config));
        SimulationReport report = new Simulation(runTime, progress, configuration).workThreads(threads)
                .run(lines, from, to, out);
        report.print(stdout);
        return 0;
    }

    private void validate() {
        if (crashRate != null && crashDrill == null) {
            throw new ParameterException(spec.commandLine(), "--crash-rate needs --crash-drill SEED");
        }
        if (crashRate != null && !(crashRate >= 0 && crashRate <= 1)) {
            throw new ParameterException(spec.commandLine(), "--crash-rate must be a number between 0 and 1 (was "
                    + crashRate + ")");
        }
        if (to.isBefore(from)) {
            throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > DemoCommand.MAX_DAYS) {
            throw new ParameterException(spec.commandLine(), "--from .. --to spans more than " + DemoCommand.MAX_DAYS
                    + " days");
        }
        if (Files.isDirectory(events)) {
            throw new ParameterException(spec.commandLine(), "--events: " + events + " is a directory, not a file");
        }
        if (!Files.exists(events)) {
            throw new ParameterException(spec.commandLine(), "--events: no such file " + events);
        }
        if (!Files.isRegularFile(events) || !Files.isReadable(events)) {
            throw new ParameterException(spec.commandLine(), "--events: " + events + " is not a readable file");
        }
        RunOptions.requireOutputDirectory(spec, out);
    }
}

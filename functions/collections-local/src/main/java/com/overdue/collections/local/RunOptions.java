package com.overdue.collections.local;

import com.overdue.collections.core.config.ConfigSource;
import com.overdue.collections.core.config.EngineConfiguration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The options every run command has: the configuration overlay, the console's verbosity, the stack trace. */
final class RunOptions {

    @Option(names = "--config", paramLabel = "DIR",
            description = {"Configuration files laid over infra/config (same layout: a file in DIR replaces the file of "
                    + "the same relative path, e.g. DIR/escalation/CONSUMER-INSTALMENT.json). A back-test of a "
                    + "changed rule before deploying it."})
    Path config;

    @Option(names = {"-q", "--quiet"}, description = "No status or progress lines; only the final summary on stdout "
            + "(errors still on stderr).")
    boolean quiet;

    @Option(names = "--debug", description = "Print the stack trace of a failure.")
    boolean debug;

    /** The most work-item threads a run takes (beyond the cores + 1 they only queue on DynamoDB Local's table lock). */
    static final int MAX_THREADS = 64;

    @Option(names = "--threads", paramLabel = "N",
            description = {"Threads that run each scan's work items, as Lambda runs the workers' batches side by "
                    + "side; 1 runs them in turn. The outputs are the same either way. A crash drill always runs in "
                    + "turn. Default: one more than the processors."})
    Integer threads;

    /** The work-item threads of the run: {@code --threads}, checked, or {@link Simulation#defaultWorkThreads()}. */
    int threads(CommandSpec spec) {
        if (threads == null) {
            return Simulation.defaultWorkThreads();
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new ParameterException(spec.commandLine(), "--threads must be between 1 and " + MAX_THREADS
                    + " (was " + threads + ")");
        }
        return threads;
    }

    /**
     * The engine configuration of the run: the shipped one, or the {@code --config} overlay; a file of the overlay
     * that is refused (not JSON, against its schema, a bad value) is a usage error naming the file and the rule.
     */
    EngineConfiguration configuration(CommandSpec spec) {
        if (config == null) {
            return EngineConfiguration.fromClasspath();
        }
        if (!Files.isDirectory(config)) {
            throw new ParameterException(spec.commandLine(), "--config: " + config + " is not a directory");
        }
        try {
            return EngineConfiguration.load(ConfigSource.directory(config));
        } catch (IllegalStateException | UncheckedIOException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--config: " + e.getMessage().replaceAll("\\s+", " "),
                    e);
        }
    }

    /**
     * The files of the overlay that replace no shipped file (a misspelt name would otherwise be silently ignored):
     * they are read only if an index of the overlay names them.
     */
    List<String> unmatchedFiles() {
        if (config == null || !Files.isDirectory(config)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(config)) {
            return files.filter(Files::isRegularFile).map(f -> config.relativize(f).toString().replace('\\', '/'))
                    .filter(rel -> RunOptions.class.getClassLoader().getResource("config/" + rel) == null).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ConsoleProgress progress(PrintStream err) {
        return ConsoleProgress.of(err, quiet);
    }

    /** {@code --out}: a directory, or a path where one can be made; never an existing file. */
    static void requireOutputDirectory(CommandSpec spec, Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "--out: " + out + " is a file, not a directory");
        }
    }
}

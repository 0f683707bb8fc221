package com.overdue.collections.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench/run.sh} (and {@code ./collections bench}): one subcommand per benchmark, each with its own
 * {@code --help}; an unknown option or a value out of range is refused with the usage and exit 2.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "BENCHMARK",
        description = "The benchmarks on DynamoDB Local (in-process); figures in bench/RESULTS.md.",
        subcommands = {ScanBenchmark.Cli.class, AccrualBenchmark.Cli.class, CourtesyBenchmark.Cli.class,
                ColdStartBenchmark.Cli.class},
        footer = {"", "bench/run.sh with no benchmark runs scan, then accrual, with their defaults (a few minutes).",
                "Run 'bench BENCHMARK --help' for the options of one."})
public final class BenchCli implements Runnable {

    static {
        // As the local runner: JBoss LogManager (from the Quarkus adapters) is the JUL manager before anything logs.
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
    }

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        // System.exit: DynamoDB Local leaves a non-daemon job thread (ShardRolloverJobScheduler) running after
        // stop(), which would keep the JVM alive for minutes.
        System.exit(new CommandLine(new BenchCli()).execute(args));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a benchmark is required (scan, accrual, courtesy or coldstart)");
    }

    static void atLeast(CommandSpec spec, String option, int value, int min) {
        if (value < min) {
            throw new ParameterException(spec.commandLine(), option + " must be at least " + min + " (was " + value
                    + ")");
        }
    }

    static void between(CommandSpec spec, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " must be between " + min + " and " + max
                    + " (was " + value + ")");
        }
    }
}

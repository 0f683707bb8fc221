package com.overdue.collections.local;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code collections compare OUT_A OUT_B}: two runs' figures side by side ({@link CompareRuns}). */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Puts the figures of two runs side by side (strategy arms, cure rates, buckets, roll rates, "
                + "contacts, penalty) with their differences: the back-test of a changed configuration "
                + "(`simulate --config DIR`) against the shipped one.",
        footer = {"", "Outputs in DIR: compare.html and compare.csv (section,key,a,b,difference)."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT_A", description = "The --out directory of the first run (A).")
    Path outA;

    @Parameters(index = "1", paramLabel = "OUT_B", description = "The --out directory of the second run (B).")
    Path outB;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "compare",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    private final PrintStream stdout;

    CompareCommand(PrintStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public Integer call() throws IOException {
        for (Path dir : new Path[]{outA, outB}) {
            if (!Files.isRegularFile(dir.resolve("summary.json"))) {
                throw new ParameterException(spec.commandLine(), dir + " holds no summary.json: OUT_A and OUT_B "
                        + "must be the --out directories of two demo or simulate runs");
            }
        }
        RunOptions.requireOutputDirectory(spec, out);
        return CompareRuns.run(outA, outB, out, stdout);
    }
}

package com.overdue.collections.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark commands' options: the shared book options in both, and values out of range refused with exit 2. */
class BenchCliTest {

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void scanAndAccrualBothOfferTheBookOptions() {
        for (String benchmark : new String[]{"scan", "accrual"}) {
            Result help = run(benchmark, "--help");
            assertEquals(0, help.exit(), benchmark);
            for (String option : new String[]{"--installments=N", "--shards=N", "--zone=ZONE",
                    "--business-date=yyyy-MM-dd", "--results=FILE", "--capacity=INDEXES|TOTAL"}) {
                assertTrue(help.out().contains(option), benchmark + " --help lists " + option + ":\n" + help.out());
            }
            CommandLine.Model.CommandSpec spec = new CommandLine(new BenchCli()).getSubcommands().get(benchmark)
                    .getCommandSpec();
            assertEquals("bench/RESULTS.md", spec.findOption("--results").defaultValue(), benchmark);
            assertEquals("INDEXES", spec.findOption("--capacity").defaultValue(), benchmark);
            assertEquals("N", spec.findOption("--loans").paramLabel(), benchmark);
        }
    }

    @Test
    void aBookWithoutShardsOrInstallmentsIsAUsageError() {
        Result shards = run("scan", "--shards", "0");
        assertEquals(2, shards.exit());
        assertTrue(shards.err().contains("--shards must be at least 1 (was 0)"), shards.err());
        Result installments = run("accrual", "--installments", "-3");
        assertEquals(2, installments.exit());
        assertTrue(installments.err().contains("--installments must be at least 1 (was -3)"), installments.err());
        Result capacity = run("accrual", "--capacity", "SOME");
        assertEquals(2, capacity.exit());
        assertTrue(capacity.err().contains("--capacity"), capacity.err());
    }
}

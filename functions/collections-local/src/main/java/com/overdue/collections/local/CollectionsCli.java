package com.overdue.collections.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The local runner's command line (picocli): {@code demo} generates a sample portfolio and runs the daily pipeline
 * over it, {@code simulate} runs the pipeline over an event file between two dates; both on embedded DynamoDB Local,
 * no AWS account. Each subcommand is its own class; this one wires them and maps what goes wrong to exit codes:
 * 0 done, 1 the run failed (one line; {@code --debug} prints the stack trace), 2 a usage error (the message names
 * the option, then the usage), 3 a crash drill that lost an effect or changed an output.
 */
@Command(name = "collections", mixinStandardHelpOptions = true, version = "collections 1.0.0-SNAPSHOT",
        description = "Runs the overdue-loan collections pipeline locally on embedded DynamoDB Local.",
        footer = {"", "Run 'collections COMMAND --help' for the options of a command."},
        synopsisSubcommandLabel = "COMMAND")
public final class CollectionsCli implements Runnable {

    /** Exit code of a run that failed (not the user's mistake). */
    static final int FAILED = 1;
    /** Exit code of a usage error: unknown option, bad value, range. */
    static final int USAGE = CommandLine.ExitCode.USAGE;

    static {
        // The Quarkus adapters bring JBoss LogManager, whose System.LoggerFinder complains ("The LogManager accessed
        // before the java.util.logging.manager system property was set") when the JDK's LogManager is already in
        // place: name it before anything logs. The launcher passes the same -D; this covers a plain `java -cp`.
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
    }

    @Spec
    CommandSpec spec;

    private CollectionsCli() {
    }

    public static void main(String[] args) {
        // System.exit also stops DynamoDB Local's non-daemon threads at once instead of the JVM hanging.
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line with {@code out} for results and {@code err} for progress and errors; the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return commandLine(out, err).execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // Not an Exception, so past picocli's handler: still one line and an exit code.
            err.println("collections: failed: " + oneLine(e));
            return FAILED;
        }
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new CollectionsCli());
        cli.addSubcommand(new CommandLine(new DemoCommand(out, err)));
        cli.addSubcommand(new CommandLine(new SimulateCommand(out, err)));
        cli.addSubcommand(new CommandLine(new CompareCommand(out)));
        // After the subcommands (a converter applies to the commands added so far): messages without class names.
        cli.registerConverter(LocalDate.class, text -> parse(text, LocalDate::parse, "a date yyyy-MM-dd"));
        cli.registerConverter(LocalTime.class, text -> parse(text, LocalTime::parse, "a time HH:mm"));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler(CollectionsCli::usageError);
        cli.setExecutionExceptionHandler((e, command, parsed) -> failed(e, command, debug(parsed.originalArgs())));
        return cli;
    }

    private static <T> T parse(String text, Function<String, T> parser, String expected) {
        try {
            return parser.apply(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not " + expected);
        }
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required (demo, simulate or compare)");
    }

    /** A usage error: the message (naming the option), then the command's usage; exit 2, no stack trace. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        if (debug(Arrays.asList(args))) {
            e.printStackTrace(err);
        }
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.print("Usage: " + command.getHelp().synopsis(0));
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return USAGE;
    }

    /** A failed run: one line (its message could quote input), or the stack trace under --debug; exit 1. */
    private static int failed(Exception e, CommandLine command, boolean debug) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": failed: " + oneLine(e));
        if (debug) {
            e.printStackTrace(err);
        } else {
            err.println("(run again with --debug for the stack trace)");
        }
        err.flush();
        return FAILED;
    }

    private static boolean debug(List<String> args) {
        return args.contains("--debug");
    }

    /**
     * The error as one line: the engine's and the JDK's own messages (file names, bad options, an unknown loan) are
     * shown, shortened; any other library's message is left out, since a parser's message may quote the input.
     */
    static String oneLine(Throwable e) {
        boolean ours = e instanceof IOException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException || e instanceof UncheckedIOException;
        String message = ours && e.getMessage() != null ? e.getMessage().replaceAll("[\\r\\n\\t]+", " ") : "";
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}

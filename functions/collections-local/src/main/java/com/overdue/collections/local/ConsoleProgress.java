package com.overdue.collections.local;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The run's progress on the console (stderr): a bar with the days done and an ETA, redrawn in place, when stderr is
 * a terminal; a plain line every {@value #LINE_EVERY} days otherwise (a log, a CI job); nothing under {@code --quiet}.
 * The launcher tells whether stderr is a terminal ({@code -Dcollections.terminal=true|false}, from {@code [ -t 2 ]});
 * without it, a JVM with a console counts as one.
 */
final class ConsoleProgress implements ProgressListener {

    enum Mode { BAR, LINES, OFF }

    static final int LINE_EVERY = 10;
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream console;
    private final Mode mode;
    private final LongSupplier nanos;
    private long firstDayAt = -1;
    /** When the run's first message or day came: "done in" counts from here, as the summary's "Done in" does. */
    private long startedAt = -1;
    private long drawnAt;
    private boolean barShown;

    ConsoleProgress(PrintStream console, Mode mode, LongSupplier nanos) {
        this.console = console;
        this.mode = mode;
        this.nanos = nanos;
    }

    /** The progress of a command run from the launcher: quiet, a terminal (bar) or not (lines). */
    static ConsoleProgress of(PrintStream console, boolean quiet) {
        return new ConsoleProgress(console, quiet ? Mode.OFF : terminal() ? Mode.BAR : Mode.LINES, System::nanoTime);
    }

    static boolean terminal() {
        String told = System.getProperty("collections.terminal");
        return told != null ? Boolean.parseBoolean(told) : System.console() != null;
    }

    Mode mode() {
        return mode;
    }

    @Override
    public void status(String message) {
        started(nanos.getAsLong());
        if (mode != Mode.OFF) {
            endBar();
            console.println(message);
        }
    }

    /** On a terminal, a bar at 0 % with the events applied so far (redrawn at most every 100 ms); else nothing. */
    @Override
    public void beforeFirstDay(Day day) {
        long now = nanos.getAsLong();
        started(now);
        if (mode == Mode.BAR) {
            drawBar(now, day, String.format(Locale.ROOT, "events applied %,d", day.eventsApplied()), false);
        }
    }

    @Override
    public void day(Day day) {
        long now = nanos.getAsLong();
        started(now);
        if (firstDayAt < 0) {
            firstDayAt = now;
        }
        String eta = eta(day, now);
        switch (mode) {
            case BAR -> drawBar(now, day, eta, day.daysDone() == day.days());
            case LINES -> {
                if (day.daysDone() % LINE_EVERY == 0 || day.daysDone() == day.days()) {
                    console.println(line(day) + (eta.isEmpty() ? "" : "; " + eta));
                }
            }
            case OFF -> {
            }
        }
    }

    @Override
    public void finished() {
        endBar();
        firstDayAt = -1;
        startedAt = -1;
    }

    /** The run starts at its first message or day: "done in" counts from there. */
    private void started(long now) {
        if (startedAt < 0) {
            startedAt = now;
        }
    }

    /** Redraws the bar in place with {@code text}: at most every 100 ms, unless {@code force} (the last day). */
    private void drawBar(long now, Day day, String text, boolean force) {
        if (force || !barShown || now - drawnAt >= REDRAW_NANOS) {
            drawnAt = now;
            console.print("\r" + bar(day, text));
            console.flush();
            barShown = true;
        }
    }

    private void endBar() {
        if (barShown) {
            console.println();
            barShown = false;
        }
    }

    /**
     * "ETA m:ss" from the pace of the days after the first (the first one also warms the JVM up and applies the
     * events from before the window); on the last day "done in m:ss" since the run's first message, first day
     * included.
     */
    private String eta(Day day, long now) {
        if (day.daysDone() < 2 || day.daysDone() >= day.days()) {
            return day.daysDone() >= day.days() ? "done in " + clock(now - startedAt) : "";
        }
        double perDay = (double) (now - firstDayAt) / (day.daysDone() - 1);
        return "ETA " + clock((long) (perDay * (day.days() - day.daysDone())));
    }

    static String bar(Day day, String eta) {
        int filled = (int) ((long) WIDTH * day.daysDone() / Math.max(1, day.days()));
        return String.format(Locale.ROOT, "  [%s%s] %3d%%  day %d/%d  %s  %s  work items %,d   ",
                "#".repeat(filled), ".".repeat(WIDTH - filled), 100L * day.daysDone() / Math.max(1, day.days()),
                day.daysDone(), day.days(), day.date(), eta, day.workItems());
    }

    static String line(Day day) {
        return String.format(Locale.ROOT, "  [day %3d/%d] %s  events applied %d, duplicate %d, rejected %d; "
                        + "loans scanned %d; work items %d", day.daysDone(), day.days(), day.date(),
                day.eventsApplied(), day.eventsDuplicate(), day.eventsRejected(), day.loansScanned(),
                day.workItems());
    }

    private static String clock(long nanos) {
        long s = Math.round(nanos / 1e9);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

package com.overdue.collections.local;

import java.io.PrintStream;
import java.time.LocalDate;

/**
 * What a {@link Simulation} tells as it goes: a status line before a slow step (starting DynamoDB Local), the
 * events applied before the first day, each simulated day once its scans have run, and the end of the pipeline
 * (before the outputs are written). The console's implementation is {@link ConsoleProgress}; tests and the crash
 * drill pass {@link #NONE}.
 */
interface ProgressListener {

    /** Tells nothing. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void day(Day day) {
        }
    };

    /** One simulated day done: the {@code daysDone}-th of {@code days}, with the running totals. */
    record Day(LocalDate date, int daysDone, int days, long eventsApplied, long eventsDuplicate, long eventsRejected,
               long loansScanned, long workItems) {
    }

    void day(Day day);

    /**
     * Before the first day is done: the events from before the window being applied ({@code daysDone} 0, the
     * running totals so far), so that a long start shows movement. Called after each event; ignored by default.
     */
    default void beforeFirstDay(Day day) {
    }

    /** A step that takes a while and reports no days (start-up). */
    default void status(String message) {
    }

    /** The last day is done. */
    default void finished() {
    }

    /** A plain line on {@code console} every {@code every} days and on the last day; nothing when {@code every <= 0}. */
    static ProgressListener lines(PrintStream console, int every) {
        if (every <= 0) {
            return NONE;
        }
        return day -> {
            if (day.daysDone() % every == 0 || day.daysDone() == day.days()) {
                console.println(ConsoleProgress.line(day));
            }
        };
    }
}

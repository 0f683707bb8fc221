package com.overdue.collections.local;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the file adapters' effects go. On the simulation's main thread, straight to their files. While a work item
 * runs on one of the runner's work-item threads ({@link #capture}), into that item's list instead, which the main
 * thread applies afterwards in the order the scan sent the items: so the output files are written in the same
 * order, with the same bytes, however the items' DynamoDB work interleaved. An effect must not be needed by the code
 * that produced it (the adapters return what they would return anyway: a file name, a provider id).
 */
final class Effects {

    private static final ThreadLocal<List<Runnable>> CAPTURING = new ThreadLocal<>();

    private Effects() {
    }

    /** Applies {@code effect} now, or records it when this thread is capturing a work item's effects. */
    static void apply(Runnable effect) {
        List<Runnable> captured = CAPTURING.get();
        if (captured == null) {
            effect.run();
        } else {
            captured.add(effect);
        }
    }

    /** Runs {@code work} on this thread and returns the effects it produced, in order, not yet applied. */
    static List<Runnable> capture(Runnable work) {
        if (CAPTURING.get() != null) {
            throw new IllegalStateException("already capturing on this thread");
        }
        List<Runnable> captured = new ArrayList<>();
        CAPTURING.set(captured);
        try {
            work.run();
        } finally {
            CAPTURING.remove();
        }
        return captured;
    }
}

package com.overdue.collections.emulators.crash;

/**
 * The death of an invocation, thrown by {@link CrashInjector} at a crash point. It is an {@link Error}, not an
 * exception, on purpose: Lambda killing a function is not something the function can catch and handle, so code that
 * catches {@code RuntimeException} or {@code Exception} to record a failure must not swallow it; only the test or
 * the runner that plays Lambda, SQS and Scheduler catches it (and then redelivers).
 */
public final class InjectedCrash extends Error {

    private final String point;

    InjectedCrash(String point, long index) {
        super("injected crash at " + point + " (point " + index + ")", null, false, false);
        this.point = point;
    }

    /** Where it happened: {@code "<operation> BEFORE"} or {@code "<operation> AFTER"}. */
    public String point() {
        return point;
    }
}

package com.overdue.collections.local;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the DynamoDB requests the local pipeline makes, per operation (and, for PutItem, per item kind: the sort
 * key's prefix): a figure that, unlike run time, does not
 * depend on the machine (the summary prints it per work item).
 */
final class RequestCounter implements ExecutionInterceptor {

    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
    /** While set, requests are not counted: the run report's own reads (month-end snapshots), not the pipeline's. */
    private volatile boolean paused;
    /** "function operation" → requests: which function (step kind) made which requests. */
    private final Map<String, LongAdder> byFunction = new ConcurrentHashMap<>();
    /**
     * The function whose invocation the main thread is running. Not a thread-local: an invocation may make requests
     * from threads it starts (the credit-report export's parallel scan runs on the common fork-join pool, with the
     * caller taking part in a share that varies from run to run), which count under it too. With a thread-local,
     * those requests were attributed by chance and summary.json differed on a re-run. The work items the runner
     * itself runs on its pool are attributed per thread instead ({@link #threadFunction}).
     */
    private volatile String function;
    /**
     * The function whose invocation runs on this thread, for the work items the runner runs on its own threads
     * ({@link #onThisThread}); it takes precedence over {@link #function}, which stays what the main thread runs.
     */
    private final ThreadLocal<String> threadFunction = new ThreadLocal<>();
    private final Map<String, LongAdder> invocations = new ConcurrentHashMap<>();

    /** Runs {@code work} as an invocation of {@code kind}: its requests are also counted under that function. */
    <T> T during(String kind, java.util.function.Supplier<T> work) {
        String outer = function;
        function = kind;
        invocations.computeIfAbsent(kind, k -> new LongAdder()).increment();
        try {
            return work.get();
        } finally {
            function = outer;
        }
    }

    /**
     * Runs {@code work} as an invocation of {@code kind} on a work-item thread: counted as {@link #during} counts,
     * attributed to {@code kind} for this thread's requests only.
     */
    void onThisThread(String kind, Runnable work) {
        String outer = threadFunction.get();
        threadFunction.set(kind);
        invocations.computeIfAbsent(kind, k -> new LongAdder()).increment();
        try {
            work.run();
        } finally {
            if (outer == null) {
                threadFunction.remove();
            } else {
                threadFunction.set(outer);
            }
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (paused) {
            return;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (context.request() instanceof PutItemRequest put && put.item().containsKey("SK")) {
            String sk = put.item().get("SK").s();
            int hash = sk.indexOf('#');
            operation = operation + ":" + (hash < 0 ? sk : sk.substring(0, hash)) + (sk.contains("#ADJ#") ? "-ADJ" : "");
        }
        String name = operation == null ? "unknown" : operation;
        byOperation.computeIfAbsent(name, k -> new LongAdder()).increment();
        String kind = threadFunction.get();
        if (kind == null) {
            kind = function;
        }
        if (kind != null) {
            byFunction.computeIfAbsent(kind + " " + name, k -> new LongAdder()).increment();
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (paused) {
            return;
        }
        byOperation.computeIfAbsent("failed:" + context.exception().getClass().getSimpleName(),
                k -> new LongAdder()).increment();
    }

    /** Runs {@code reads} without counting its requests (the caller is single-threaded, as the simulation is). */
    void uncounted(Runnable reads) {
        paused = true;
        try {
            reads.run();
        } finally {
            paused = false;
        }
    }

    /** Requests per operation name so far, sorted by name. */
    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        byOperation.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Requests per "function operation" so far (the invocations' requests only), sorted. */
    Map<String, Long> byFunction() {
        Map<String, Long> out = new TreeMap<>();
        byFunction.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Invocations (attempts) per function so far, sorted. */
    Map<String, Long> invocations() {
        Map<String, Long> out = new TreeMap<>();
        invocations.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    long total() {
        return byOperation.values().stream().mapToLong(LongAdder::sum).sum();
    }
}

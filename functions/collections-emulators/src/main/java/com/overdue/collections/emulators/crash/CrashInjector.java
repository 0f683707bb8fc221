package com.overdue.collections.emulators.crash;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A seeded fault injector that kills the current invocation at an I/O call, the way Lambda dies mid-call (timeout,
 * out of memory, a host that goes away): either just <b>before</b> the call (the call never happens) or just
 * <b>after</b> it (the call's effect happened, the response is thrown away, as when Lambda dies on the way back).
 * "Kills" means it throws {@link InjectedCrash}, an {@link Error} the code under test does not catch.
 *
 * <h2>Crash points</h2>
 * Every I/O call has two points, {@code "<operation> BEFORE"} and {@code "<operation> AFTER"}, counted from 0 in the
 * order they are reached (call {@code i} of a run is points {@code 2i} and {@code 2i+1}).
 * <ul>
 *   <li>AWS SDK v2 clients: register the injector as an {@link ExecutionInterceptor}; operations are named
 *       {@code "<service>.<operation>"}, e.g. {@code "DynamoDb.PutItem"}, {@code "Sns.Publish"},
 *       {@code "Ses.SendEmail"}, {@code "S3.PutObject"}. BEFORE is {@code beforeExecution} (nothing was sent),
 *       AFTER is {@code afterExecution} (the service answered: the effect happened).</li>
 *   <li>Anything else with an outward effect (the local runner's file adapters, a sender lambda in a test) wraps the
 *       effect: {@code injector.call("file.actions", () -> write(line))}, or {@link #before}/{@link #after} around
 *       it.</li>
 * </ul>
 *
 * <h2>Modes</h2>
 * <ul>
 *   <li>{@link #perPoint(long, double)}: each point crashes with probability {@code rate}, from a
 *       {@link SplittableRandom} seeded with {@code seed}: the same seed over the same calls crashes at the same
 *       points. For small invocations (a property test over one decision → publish path).</li>
 *   <li>{@link #perAttempt(long, double)}: the local runner's crash drill. The runner frames each invocation attempt
 *       with {@link #beginAttempt(String)} and {@link #endAttempt()}; an attempt dies with probability {@code rate},
 *       at a point drawn uniformly over the points an attempt of that kind made last time (if it returns first, it
 *       dies on the way back: {@code endAttempt} throws with point {@code "<kind> RETURN"}). A redelivered attempt
 *       draws again, so an invocation of any size finishes after a few redeliveries, as in Lambda.</li>
 *   <li>{@link #atPoint(long)}, {@link #atPoints(Set)}: dies once at point {@code n} (at each of a set); to crash before and after each I/O call in turn, run
 *       the scenario once with {@link #recording()} to learn its {@link #points()}, then once per index.</li>
 *   <li>{@link #off()}: never crashes (counts points only).</li>
 * </ul>
 *
 * <h2>In a test</h2>
 * <pre>{@code
 * CrashInjector crashes = CrashInjector.atPoint(3);          // or perPoint(seed, CrashInjector.DEFAULT_RATE)
 * DynamoDbClient dynamo = DynamoDbClient.builder()...
 *         .overrideConfiguration(c -> c.addExecutionInterceptor(crashes)).build();
 * try {
 *     useCase.handle(message);                              // the invocation
 * } catch (InjectedCrash died) {
 *     useCase.handle(message);                              // SQS redelivers the same message
 * }
 * assertThat(crashes.crashesByPoint()).containsKey("DynamoDb.PutItem AFTER");
 * }</pre>
 * In a Quarkus test, where clients are built from configuration, name {@link SharedCrashInjector} in
 * {@code quarkus.dynamodb.interceptors} (and {@code quarkus.sns.interceptors}, ...) and give it the injector of the
 * test with {@link SharedCrashInjector#use(CrashInjector)}. Use
 * {@link #suspended(Supplier)} for setup and assertions that must not crash. Thread-safe; the random sequence is
 * deterministic when the calls come in a deterministic order (one thread).
 */
public final class CrashInjector implements ExecutionInterceptor {

    /** The crash rate of the drill when none is given: 5 %. */
    public static final double DEFAULT_RATE = 0.05;

    /** Where, relative to an I/O call, a crash point lies. */
    public enum Phase { BEFORE, AFTER }

    private enum Mode { OFF, PER_POINT, PER_ATTEMPT, AT_POINT }

    /** Points an attempt of a kind never seen before is assumed to make, to place its crash. */
    private static final int DEFAULT_ATTEMPT_POINTS = 16;

    private final Mode mode;
    private final double rate;
    private final Set<Long> targets;
    private final SplittableRandom random;
    private final Map<String, Long> crashesByPoint = new TreeMap<>();
    private final Map<String, Integer> pointsByKind = new HashMap<>();
    private final List<String> recorded;
    private final List<String> recordedKinds;
    private long points;
    private int suspended;
    private final Set<Long> fired = new java.util.HashSet<>();
    // the open attempt of PER_ATTEMPT mode
    private String attemptKind;
    private int attemptPoints;
    private long attemptTarget = -1;

    private CrashInjector(Mode mode, long seed, double rate, Set<Long> targets, boolean record) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be between 0 and 1");
        }
        this.mode = mode;
        this.rate = rate;
        this.targets = Set.copyOf(targets);
        this.random = new SplittableRandom(seed);
        this.recorded = record ? new ArrayList<>() : null;
        this.recordedKinds = record ? new ArrayList<>() : null;
    }

    public static CrashInjector off() {
        return new CrashInjector(Mode.OFF, 0, 0, Set.of(), false);
    }

    /**
     * Whether this injector never crashes and records nothing that depends on the order of calls ({@link #off()}):
     * work may then run on several threads at once. Every other mode places crashes (or learns points) by the
     * sequence of calls, which only a sequential run reproduces.
     */
    public boolean isInert() {
        return mode == Mode.OFF && recorded == null;
    }

    /** Never crashes; keeps the name of every point in order ({@link #points()}). */
    public static CrashInjector recording() {
        return new CrashInjector(Mode.OFF, 0, 0, Set.of(), true);
    }

    public static CrashInjector perPoint(long seed, double rate) {
        return new CrashInjector(Mode.PER_POINT, seed, rate, Set.of(), false);
    }

    public static CrashInjector perAttempt(long seed, double rate) {
        return new CrashInjector(Mode.PER_ATTEMPT, seed, rate, Set.of(), false);
    }

    /** Crashes once, at point {@code index} (0-based, counted over all calls since it was made). */
    public static CrashInjector atPoint(long index) {
        return atPoints(Set.of(index));
    }

    /** Crashes at each of the points {@code indexes} (0-based, counted over all calls since it was made). */
    public static CrashInjector atPoints(Set<Long> indexes) {
        if (indexes.stream().anyMatch(i -> i < 0)) {
            throw new IllegalArgumentException("point indexes must be 0 or more");
        }
        return new CrashInjector(Mode.AT_POINT, 0, 0, indexes, true);
    }

    // ------------------------------------------------------------------ the hook

    /** The point just before {@code operation}: a crash here means the call never happened. */
    public void before(String operation) {
        point(operation, Phase.BEFORE);
    }

    /** The point just after {@code operation}'s effect: a crash here throws the result away. */
    public void after(String operation) {
        point(operation, Phase.AFTER);
    }

    /** Runs {@code effect} between its two crash points. */
    public <T> T call(String operation, Supplier<T> effect) {
        before(operation);
        T result = effect.get();
        after(operation);
        return result;
    }

    /** Runs {@code effect} between its two crash points. */
    public void run(String operation, Runnable effect) {
        before(operation);
        effect.run();
        after(operation);
    }

    /** Runs {@code work} (setup, reading results) with every point ignored and uncounted. */
    public <T> T suspended(Supplier<T> work) {
        synchronized (this) {
            suspended++;
        }
        try {
            return work.get();
        } finally {
            synchronized (this) {
                suspended--;
            }
        }
    }

    private void point(String operation, Phase phase) {
        InjectedCrash crash;
        synchronized (this) {
            if (suspended > 0) {
                return;
            }
            String name = operation + " " + phase;
            long index = points++;
            if (recorded != null) {
                recorded.add(name);
                recordedKinds.add(attemptKind == null ? "" : attemptKind);
            }
            if (attemptKind != null) {
                attemptPoints++;
            }
            if (!crashesHere(index)) {
                return;
            }
            crash = crash(name, index);
        }
        throw crash;
    }

    private boolean crashesHere(long index) {
        return switch (mode) {
            case OFF -> false;
            case PER_POINT -> random.nextDouble() < rate;
            case AT_POINT -> targets.contains(index) && fired.add(index);
            case PER_ATTEMPT -> attemptKind != null && attemptPoints - 1 == attemptTarget;
        };
    }

    private InjectedCrash crash(String name, long index) {
        crashesByPoint.merge(name, 1L, Long::sum);
        attemptTarget = -1; // an attempt dies once
        return new InjectedCrash(name, index);
    }

    // ------------------------------------------------------------------ invocation attempts (PER_ATTEMPT)

    /**
     * Opens an invocation attempt of {@code kind} (e.g. {@code "overdueScan"}, {@code "penaltyAccrual"}): decides,
     * from the seed, whether and where it dies. Every mode counts the attempt's points; only PER_ATTEMPT acts on it.
     */
    public synchronized void beginAttempt(String kind) {
        attemptKind = kind;
        attemptPoints = 0;
        attemptTarget = -1;
        if (mode == Mode.PER_ATTEMPT && random.nextDouble() < rate) {
            int expected = Math.max(1, pointsByKind.getOrDefault(kind, DEFAULT_ATTEMPT_POINTS));
            attemptTarget = random.nextInt(expected);
        }
    }

    /**
     * Closes the attempt the invocation returned from. A doomed attempt that made fewer points than its crash was
     * placed at dies now, after its last effect: throws {@link InjectedCrash} with point {@code "<kind> RETURN"}.
     */
    public void endAttempt() {
        InjectedCrash crash = null;
        synchronized (this) {
            String kind = attemptKind;
            if (kind == null) {
                return;
            }
            pointsByKind.put(kind, attemptPoints);
            if (attemptTarget >= 0) {
                crash = crash(kind + " RETURN", points);
            }
            attemptKind = null;
        }
        if (crash != null) {
            throw crash;
        }
    }

    /** Closes the attempt that died (the caller caught the {@link InjectedCrash}). */
    public synchronized void abandonAttempt() {
        attemptKind = null;
        attemptTarget = -1;
    }

    // ------------------------------------------------------------------ figures

    /** Crashes injected so far. */
    public synchronized long crashes() {
        return crashesByPoint.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Crashes injected so far per point ({@code "<operation> BEFORE|AFTER"}, or {@code "<kind> RETURN"}). */
    public synchronized Map<String, Long> crashesByPoint() {
        return new TreeMap<>(crashesByPoint);
    }

    /** Points reached so far (not counting suspended ones). */
    public synchronized long pointsReached() {
        return points;
    }

    /** The name of every point reached, in order: for {@link #recording()} and {@link #atPoint(long)} only. */
    public synchronized List<String> points() {
        if (recorded == null) {
            throw new IllegalStateException("points are recorded by recording() and atPoint(n) injectors only");
        }
        return List.copyOf(recorded);
    }

    /**
     * The invocation kind ({@link #beginAttempt(String)}) each recorded point was reached in, in the order of
     * {@link #points()} ({@code ""} outside an attempt): to aim crashes at one function's calls.
     */
    public synchronized List<String> pointKinds() {
        if (recordedKinds == null) {
            throw new IllegalStateException("points are recorded by recording() and atPoint(n) injectors only");
        }
        return List.copyOf(recordedKinds);
    }

    // ------------------------------------------------------------------ ExecutionInterceptor

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        before(operation(attributes));
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        after(operation(attributes));
    }

    private static String operation(ExecutionAttributes attributes) {
        return attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }
}

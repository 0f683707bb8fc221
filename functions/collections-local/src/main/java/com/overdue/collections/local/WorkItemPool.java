package com.overdue.collections.local;

import com.overdue.collections.core.application.DailyWorker;
import com.overdue.collections.core.port.WorkItem;
import com.overdue.collections.lambda.engine.UnitOfWork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs one scan's work items on several threads, as Lambda runs the three workers' SQS batches side by side, with
 * outputs that do not depend on it:
 * <ul>
 *   <li>the items of one borrower run in turn, on one thread, in the order the scan sent them (a borrower's reminder
 *       of the day covers all of their loans, so two of their items must not race for it); items of different
 *       borrowers touch different partitions of the table;</li>
 *   <li>each thread has its own engine and workers ({@code workers}), as each Lambda instance has, and its own
 *       unit of work per item ({@link UnitOfWork#runWorkItem});</li>
 *   <li>each item's file effects are captured ({@link Effects#capture}) and applied on the caller's thread, item by
 *       item in the scan's order, after all items are done: the output files get the same lines in the same order
 *       as a run in turn.</li>
 * </ul>
 * A failure of an item (anything but the expected ones the workers handle) fails the run, as it would in turn; the
 * first failing item in the scan's order is the one reported.
 */
final class WorkItemPool implements AutoCloseable {

    private final ExecutorService threads;
    private final ThreadLocal<List<DailyWorker>> workers;

    WorkItemPool(int size, Supplier<List<DailyWorker>> workersOfAThread) {
        AtomicInteger n = new AtomicInteger();
        // The same stack size as the runner's main thread gets from the launcher (-Xss4m).
        this.threads = Executors.newFixedThreadPool(size, r -> {
            Thread t = new Thread(null, r, "work-item-" + n.incrementAndGet(), 4L << 20);
            t.setDaemon(true);
            return t;
        });
        this.workers = ThreadLocal.withInitial(workersOfAThread);
    }

    /** Runs every worker on every item of {@code sent}, then applies their file effects in the items' order. */
    void run(List<WorkItem> sent, RequestCounter requests, FileWorkDispatcher dispatcher) {
        Map<String, List<Integer>> byBorrower = new LinkedHashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            byBorrower.computeIfAbsent(sent.get(i).borrowerId(), b -> new ArrayList<>()).add(i);
        }
        @SuppressWarnings("unchecked")
        List<Runnable>[] effects = new List[sent.size()];
        RuntimeException[] failures = new RuntimeException[sent.size()];
        List<Future<?>> running = new ArrayList<>();
        for (List<Integer> items : byBorrower.values()) {
            running.add(threads.submit(() -> {
                for (int i : items) {
                    WorkItem item = sent.get(i);
                    try {
                        effects[i] = Effects.capture(() -> UnitOfWork.runWorkItem(item.businessDate(), () -> {
                            for (DailyWorker worker : workers.get()) {
                                requests.onThisThread(worker.name(), () -> dispatcher.handle(worker, item));
                            }
                        }));
                    } catch (RuntimeException e) {
                        failures[i] = e;
                        return;
                    }
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while work items ran", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a work-item thread failed", e.getCause());
            }
        }
        for (int i = 0; i < sent.size(); i++) {
            if (failures[i] != null) {
                throw failures[i];
            }
            if (effects[i] != null) {
                effects[i].forEach(Runnable::run);
            }
        }
        if (!dispatcher.takeQueued().isEmpty()) {
            throw new IllegalStateException("a worker sent work items; only the scan does");
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}

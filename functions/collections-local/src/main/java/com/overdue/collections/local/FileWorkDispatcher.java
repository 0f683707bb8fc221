package com.overdue.collections.local;

import com.overdue.collections.core.application.DailyWorker;
import com.overdue.collections.core.calendar.CalendarNotLoadedException;
import com.overdue.collections.core.port.WorkDispatcher;
import com.overdue.collections.core.port.WorkItem;
import com.overdue.collections.emulators.crash.CrashInjector;
import com.overdue.collections.lambda.sqs.WorkItemMessage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The local stand-in for the work topic: writes one JSON line per work item (the body the SNS adapter publishes) and
 * queues each item for the daily workers, as their SQS queues would; the simulation delivers the queued items to
 * each worker, one invocation per item and worker, once the invocation that sent them has ended. A worker that fails
 * an item for a missing calendar year fails that item only, as SQS would fail that one message, and it is counted.
 */
final class FileWorkDispatcher implements WorkDispatcher, AutoCloseable {

    private final BufferedWriter out;
    private final CrashInjector crashes;
    private final List<DailyWorker> workers = new ArrayList<>();
    private final List<WorkItem> queued = new ArrayList<>();
    /** "worker loanId jurisdiction year" of every item a worker failed for a missing calendar year. */
    private final List<String> calendarMissing = new ArrayList<>();
    private long sent;

    FileWorkDispatcher(Path file, CrashInjector crashes) {
        this.crashes = crashes;
        try {
            Files.createDirectories(file.getParent());
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(DailyWorker worker) {
        workers.add(worker);
    }

    List<DailyWorker> workers() {
        return List.copyOf(workers);
    }

    @Override
    public void dispatch(List<WorkItem> items) {
        // One publish of the batch: a crash before it sends nothing, a crash after it has sent every item.
        crashes.run("file.work", () -> {
            try {
                for (WorkItem item : items) {
                    out.write(WorkItemMessage.write(item));
                    out.write('\n');
                    sent++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            queued.addAll(items);
        });
    }

    /** The items sent since the last call, in order: the messages now waiting in the workers' queues. */
    List<WorkItem> takeQueued() {
        List<WorkItem> items = List.copyOf(queued);
        queued.clear();
        return items;
    }

    /** One worker's invocation for one item; a missing calendar year fails the item and is counted. */
    void handle(DailyWorker worker, WorkItem item) {
        try {
            worker.handle(item);
        } catch (CalendarNotLoadedException e) {
            // Lambda: this message alone fails and is retried, then dead-lettered; the run goes on.
            String failed = worker.name() + " " + item.loanId() + " " + e.jurisdiction() + " " + e.year() + " "
                    + item.businessDate();
            Effects.apply(() -> calendarMissing.add(failed));
        }
    }

    /** The items failed for a missing calendar year: "worker loanId jurisdiction year businessDate". */
    List<String> calendarMissing() {
        return List.copyOf(calendarMissing);
    }

    long sent() {
        return sent;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

package com.overdue.collections.local;

import com.overdue.collections.core.application.DailyWorker;
import com.overdue.collections.core.calendar.CalendarNotLoadedException;
import com.overdue.collections.core.port.WorkDispatcher;
import com.overdue.collections.core.port.WorkItem;
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
 * hands each item to the daily workers in order, as their queues would. A worker that fails an item for a missing
 * calendar year fails that item only, as SQS would fail that one message, and the failure is counted.
 */
final class FileWorkDispatcher implements WorkDispatcher, AutoCloseable {

    private final BufferedWriter out;
    private final List<DailyWorker> workers = new ArrayList<>();
    /** "worker loanId jurisdiction year" of every item a worker failed for a missing calendar year. */
    private final List<String> calendarMissing = new ArrayList<>();
    private long sent;

    FileWorkDispatcher(Path file) {
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

    @Override
    public void dispatch(List<WorkItem> items) {
        try {
            for (WorkItem item : items) {
                out.write(WorkItemMessage.write(item));
                out.write('\n');
                sent++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (WorkItem item : items) {
            for (DailyWorker worker : workers) {
                try {
                    worker.handle(item);
                } catch (CalendarNotLoadedException e) {
                    // Lambda: this message alone fails and is retried, then dead-lettered; the run goes on.
                    calendarMissing.add(worker.name() + " " + item.loanId() + " " + e.jurisdiction() + " " + e.year()
                            + " " + item.businessDate());
                }
            }
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

package com.overdue.collections.local;

import com.overdue.collections.core.application.DailyWorker;
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
 * hands each item to the daily workers in order, as their queues would.
 */
final class FileWorkDispatcher implements WorkDispatcher, AutoCloseable {

    private final BufferedWriter out;
    private final List<DailyWorker> workers = new ArrayList<>();
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
                worker.handle(item);
            }
        }
    }

    long sent() {
        return sent;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

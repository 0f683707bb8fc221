package com.overdue.collections.local;

import com.overdue.collections.core.port.WorkDispatcher;
import com.overdue.collections.core.port.WorkItem;
import com.overdue.collections.lambda.sqs.WorkItemJson;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The local stand-in for the work queue: one JSON line per work item, in the same body the SQS adapter sends. */
final class FileWorkDispatcher implements WorkDispatcher, AutoCloseable {

    private final BufferedWriter out;
    private long sent;

    FileWorkDispatcher(Path file) {
        try {
            Files.createDirectories(file.getParent());
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void dispatch(List<WorkItem> items) {
        try {
            for (WorkItem item : items) {
                out.write(WorkItemJson.write(item));
                out.write('\n');
                sent++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

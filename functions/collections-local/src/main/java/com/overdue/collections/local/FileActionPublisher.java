package com.overdue.collections.local;

import com.overdue.collections.core.port.ActionPublisher;
import com.overdue.collections.lambda.dynamodb.DynamoDbEscalationStore;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The local stand-in for the {@code collections-actions} topic: one JSON line per published action (the SNS message
 * body plus its {@code action} attribute), and a count per action for the summary.
 */
final class FileActionPublisher implements ActionPublisher, AutoCloseable {

    private final BufferedWriter out;
    private final Map<String, Integer> byAction = new TreeMap<>();

    FileActionPublisher(Path file) {
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void publish(CollectionAction action) {
        try {
            out.write(DynamoDbEscalationStore.actionMessage(action).toString());
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byAction.merge(action.action(), 1, Integer::sum);
    }

    Map<String, Integer> byAction() {
        return byAction;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

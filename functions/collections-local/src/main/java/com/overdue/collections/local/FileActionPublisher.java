package com.overdue.collections.local;

import com.overdue.collections.core.port.ActionPublisher;
import com.overdue.collections.core.port.CollectionsAction;
import com.overdue.collections.emulators.crash.CrashInjector;
import com.overdue.collections.lambda.sns.ActionMessage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@link ActionPublisher} of the local runner: one JSON line per publish in {@code DIR/actions.jsonl}. As the SNS
 * adapter, it publishes every time it is called (the once-per-id bookkeeping is the caller's outbox item), so a
 * publish repeated after a crash is a second line with the same {@code actionId}: the at-least-once duplicate
 * receivers dedupe. The {@code file.actions} crash points lie before and after the line.
 */
final class FileActionPublisher implements ActionPublisher, AutoCloseable {

    private final BufferedWriter out;
    private final CrashInjector crashes;
    private final Deliveries deliveries;
    private final Set<String> published = new HashSet<>();
    private final Map<String, Integer> byAction = new java.util.TreeMap<>();

    FileActionPublisher(Path file, CrashInjector crashes, Deliveries deliveries) {
        this.crashes = crashes;
        this.deliveries = deliveries;
        try {
            Files.createDirectories(file.getParent());
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public Outcome publish(CollectionsAction action) {
        String line = ActionMessage.write(action);
        crashes.run("file.actions", () -> Effects.apply(() -> {
            synchronized (this) {
                try {
                    out.write(line);
                    out.newLine();
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write actions.jsonl", e);
                }
                deliveries.delivered("action", action.actionId());
                if (published.add(action.actionId())) {
                    byAction.merge(action.action(), 1, Integer::sum);
                }
            }
        }));
        return Outcome.PUBLISHED;
    }

    /** Distinct actions published so far, per kind, for the summary. */
    synchronized Map<String, Integer> byAction() {
        return new java.util.TreeMap<>(byAction);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

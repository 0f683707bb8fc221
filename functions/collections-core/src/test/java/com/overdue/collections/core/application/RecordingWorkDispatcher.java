package com.overdue.collections.core.application;

import com.overdue.collections.core.port.WorkDispatcher;
import com.overdue.collections.core.port.WorkItem;

import java.util.ArrayList;
import java.util.List;

/** A {@link WorkDispatcher} that keeps every work item it was given, in order. */
public final class RecordingWorkDispatcher implements WorkDispatcher {

    private final List<WorkItem> sent = new ArrayList<>();

    @Override
    public synchronized void dispatch(List<WorkItem> items) {
        sent.addAll(items);
    }

    public synchronized List<WorkItem> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<String> keys() {
        return sent.stream().map(WorkItem::key).toList();
    }
}

package com.overdue.collections.core.port;

import java.util.List;

/** Sends work items to the daily workers; at-least-once, so workers are idempotent on {@link WorkItem#key()}. */
public interface WorkDispatcher {
    void dispatch(List<WorkItem> items);
}

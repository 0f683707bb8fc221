package com.overdue.collections.core.application;

import com.overdue.collections.core.port.WorkItem;

/**
 * One daily step that acts on the scan's work items (penalty accrual, reminders, escalation). In AWS each worker is
 * a Lambda on its own queue subscribed to the work topic; the local runner calls the workers in order for each
 * item. A worker must be idempotent on {@link WorkItem#key()}: at-least-once delivery and re-runs are normal.
 */
public interface DailyWorker {

    /** The function name, for logs and the local runner's summary. */
    String name();

    void handle(WorkItem item);
}

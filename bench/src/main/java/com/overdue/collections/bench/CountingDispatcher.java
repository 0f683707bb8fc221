package com.overdue.collections.bench;

import com.overdue.collections.core.port.WorkDispatcher;
import com.overdue.collections.core.port.WorkItem;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends nothing; counts the work items and the SQS SendMessageBatch calls (ten entries each, as
 * {@code SqsWorkDispatcher} batches them) that the real dispatcher would have made.
 */
final class CountingDispatcher implements WorkDispatcher {

    final LongAdder calls = new LongAdder();
    final LongAdder items = new LongAdder();
    final LongAdder sqsBatches = new LongAdder();

    void reset() {
        calls.reset();
        items.reset();
        sqsBatches.reset();
    }

    @Override
    public void dispatch(List<WorkItem> work) {
        calls.increment();
        items.add(work.size());
        sqsBatches.add((work.size() + 9) / 10);
    }
}

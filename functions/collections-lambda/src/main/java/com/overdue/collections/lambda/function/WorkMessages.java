package com.overdue.collections.lambda.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.overdue.collections.core.port.WorkItem;
import com.overdue.collections.lambda.engine.UnitOfWork;
import com.overdue.collections.lambda.sqs.WorkItemMessage;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.function.Consumer;

/**
 * What every daily worker function does with one SQS record of its work queue: read the work item, put its ids in
 * the log context, run the worker (in a {@link UnitOfWork}: one read of the loan for the whole item), and
 * turn a failure into a failed record (a batch item failure: SQS retries it, then dead-letters it) while the other
 * records of the batch go on.
 */
final class WorkMessages {

    private WorkMessages() {
    }

    static Uni<Void> handle(String function, SQSEvent.SQSMessage message, Logger log, Consumer<WorkItem> worker) {
        MDC.put("function", function);
        MDC.put("messageId", message.getMessageId());
        try {
            WorkItem item = WorkItemMessage.read(message.getBody());
            MDC.put("loanId", item.loanId());
            MDC.put("borrowerId", item.borrowerId());
            MDC.put("businessDate", item.businessDate().toString());
            // The loan's escalation state, events, snapshot and penalty postings: one read (LoanPartitionScope).
            UnitOfWork.runWorkItem(item.businessDate(), () -> worker.accept(item));
            return Uni.createFrom().voidItem();
        } catch (RuntimeException e) {
            log.errorf(e, "work message %s failed; it will be retried", message.getMessageId());
            return Uni.createFrom().failure(e);
        } finally {
            MDC.clear();
        }
    }
}

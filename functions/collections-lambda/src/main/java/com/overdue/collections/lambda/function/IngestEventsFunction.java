package com.overdue.collections.lambda.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.overdue.collections.core.application.IngestEventUseCase;
import com.overdue.collections.core.application.IngestOutcome;
import com.overdue.collections.core.ingest.EventRejection;
import com.overdue.collections.lambda.engine.UnitOfWork;
import com.overdue.collections.lambda.metrics.EmfMetrics;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.Map;

/**
 * {@code ingestEvents}: one SQS record of {@code collections-events} → one event applied to the ledger. Funqy's
 * advanced event handling unpacks the batch and reports each failed record as a batch item failure, so a bad
 * event is retried alone and dead-lettered while the rest of the batch applies.
 */
public class IngestEventsFunction {

    private static final Logger LOG = Logger.getLogger(IngestEventsFunction.class);
    private static final String FUNCTION = "ingestEvents";

    @Inject
    IngestEventUseCase ingest;

    @Inject
    EmfMetrics metrics;

    @Funq(FUNCTION)
    public Uni<Void> ingestEvents(SQSEvent.SQSMessage message) {
        MDC.put("function", FUNCTION);
        MDC.put("messageId", message.getMessageId());
        try {
            // One read of the loan's partition serves the replay and the offers (LoanPartitionScope).
            IngestOutcome outcome = UnitOfWork.call(() -> ingest.ingest(message.getBody()));
            if (outcome instanceof IngestOutcome.Rejected rejected) {
                EventRejection r = rejected.rejection();
                putIds(r.eventId(), r.type(), r.loanId());
                MDC.put("outcome", rejected.conflict() ? "conflict" : "rejected");
                MDC.put("field", r.field());
                MDC.put("reason", r.reason());
                LOG.warnf("event rejected: %s", r.describe());
                metrics.count(FUNCTION, rejected.conflict() ? Map.of("EventsRejected", 1, "EventConflicts", 1)
                        : Map.of("EventsRejected", 1));
                return Uni.createFrom().failure(new RejectedEventException(r));
            }
            if (outcome instanceof IngestOutcome.Duplicate d) {
                putIds(d.eventId(), d.type(), d.loanId());
                MDC.put("outcome", "duplicate");
                LOG.infof("event %s already applied (%s): nothing changed", d.eventId(), d.why());
                metrics.count(FUNCTION, Map.of("EventsDuplicate", 1));
            } else if (outcome instanceof IngestOutcome.Applied a) {
                putIds(a.eventId(), a.type(), a.loanId());
                MDC.put("borrowerId", a.borrowerId());
                MDC.put("outcome", "applied");
                LOG.infof("event %s applied to loan %s%s", a.eventId(), a.loanId(), a.change() == null ? ""
                        : ", bucket " + a.change().fromBucket() + " -> " + a.change().toBucket());
                metrics.count(FUNCTION, Map.of("EventsApplied", 1));
            }
            return Uni.createFrom().voidItem();
        } catch (RuntimeException e) {
            LOG.errorf(e, "event in message %s failed; it will be retried", message.getMessageId());
            return Uni.createFrom().failure(e);
        } finally {
            MDC.clear();
        }
    }

    private static void putIds(String eventId, String type, String loanId) {
        if (eventId != null) {
            MDC.put("eventId", eventId);
        }
        if (type != null) {
            MDC.put("eventType", type);
        }
        if (loanId != null) {
            MDC.put("loanId", loanId);
        }
    }
}

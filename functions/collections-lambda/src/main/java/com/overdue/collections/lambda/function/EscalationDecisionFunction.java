package com.overdue.collections.lambda.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.overdue.collections.core.application.EscalationDecisionUseCase;
import com.overdue.collections.lambda.metrics.EmfMetrics;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.Map;

/** {@code escalationDecision}: one work item of the daily scan → at most one escalation decision and its actions. */
public class EscalationDecisionFunction {

    private static final Logger LOG = Logger.getLogger(EscalationDecisionFunction.class);
    private static final String FUNCTION = "escalationDecision";

    @Inject
    EscalationDecisionUseCase escalation;

    @Inject
    EmfMetrics metrics;

    @Funq(FUNCTION)
    public Uni<Void> escalationDecision(SQSEvent.SQSMessage message) {
        return WorkMessages.handle(FUNCTION, message, LOG, item -> {
            EscalationDecisionUseCase.Result r = escalation.decide(item.loanId(), item.businessDate());
            MDC.put("outcome", r.outcome().name());
            if (r.decision() != null) {
                MDC.put("decisionId", r.decision().decisionId());
                MDC.put("rule", r.decision().rule());
                LOG.infof("escalation %s %s: %s -> %s (%s, %s), %d action(s) published", r.loanId(),
                        r.businessDate(), r.decision().from(), r.decision().to(), r.decision().rule(),
                        r.decision().strategy(), r.actionsPublished());
            } else {
                LOG.infof("escalation %s %s: %s, %d action(s) published", r.loanId(), r.businessDate(), r.outcome(),
                        r.actionsPublished());
            }
            Map<String, Integer> counts = new java.util.HashMap<>(Map.of("EscalationDecisions",
                    r.decision() == null ? 0 : 1, "ActionsPublished", r.actionsPublished()));
            if (r.decision() != null) {
                counts.put("DecisionsTo_" + r.decision().to(), 1);
            }
            metrics.count(FUNCTION, counts);
        });
    }
}

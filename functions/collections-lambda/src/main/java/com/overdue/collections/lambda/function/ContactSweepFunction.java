package com.overdue.collections.lambda.function;

import com.overdue.collections.core.application.ContactSweepUseCase;
import com.overdue.collections.core.application.OutboxRecoveryUseCase;
import com.overdue.collections.core.contact.ContactState;
import com.overdue.collections.lambda.metrics.EmfMetrics;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code contactSweep} (every 15 minutes): sends the contacts whose planned or deferred time has come (and those
 * whose sender died, once its lease has run out), then recovers the outbox: actions left PENDING past their delivery
 * deadline are published again. Metrics: {@code Contacts<STATE>}, {@code OutboxRedelivered}, {@code OutboxFailed},
 * {@code OutboxFilesPending} and {@code OutboxOldestAgeSeconds} (alarmed).
 */
public class ContactSweepFunction {

    private static final Logger LOG = Logger.getLogger(ContactSweepFunction.class);
    private static final String FUNCTION = "contactSweep";

    /** What the sweep did, by outcome. */
    @RegisterForReflection
    public static class SweepResult {
        private int attempted;
        private Map<String, Integer> outcomes = new HashMap<>();
        private int actionsRedelivered;
        private int filesPending;

        public int getAttempted() { return attempted; }
        public void setAttempted(int attempted) { this.attempted = attempted; }
        public Map<String, Integer> getOutcomes() { return outcomes; }
        public void setOutcomes(Map<String, Integer> outcomes) { this.outcomes = outcomes; }
        public int getActionsRedelivered() { return actionsRedelivered; }
        public void setActionsRedelivered(int n) { this.actionsRedelivered = n; }
        public int getFilesPending() { return filesPending; }
        public void setFilesPending(int n) { this.filesPending = n; }
    }

    @Inject
    ContactSweepUseCase sweep;

    @Inject
    OutboxRecoveryUseCase outbox;

    @Inject
    EmfMetrics metrics;

    @Funq(FUNCTION)
    public SweepResult contactSweep(Map<String, Object> scheduledEvent) {
        MDC.put("function", FUNCTION);
        try {
            ContactSweepUseCase.Result r = sweep.sweep();
            SweepResult out = new SweepResult();
            out.setAttempted(r.attempted());
            Map<String, Integer> counts = new HashMap<>();
            for (ContactState state : ContactState.values()) {
                int n = r.count(state);
                if (n > 0) {
                    out.getOutcomes().put(state.name(), n);
                    counts.put("Contacts" + state.name(), n);
                }
            }
            OutboxRecoveryUseCase.Result o = outbox.recover();
            out.setActionsRedelivered(o.actionsRedelivered());
            out.setFilesPending(o.filesPending().size());
            counts.put("OutboxRedelivered", o.actionsRedelivered());
            counts.put("OutboxFailed", o.actionsFailed());
            counts.put("OutboxFilesPending", o.filesPending().size());
            counts.put("OutboxOldestAgeSeconds", (int) o.oldest().toSeconds());
            LOG.infof("sweep attempted %d contact(s): %s; outbox: %d action(s) redelivered, %d failed, files pending %s",
                    r.attempted(), out.getOutcomes(), o.actionsRedelivered(), o.actionsFailed(), o.filesPending());
            metrics.count(FUNCTION, counts);
            return out;
        } finally {
            MDC.clear();
        }
    }
}

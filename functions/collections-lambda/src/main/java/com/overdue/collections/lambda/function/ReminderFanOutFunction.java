package com.overdue.collections.lambda.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.overdue.collections.core.application.ReminderFanOutUseCase;
import com.overdue.collections.core.calendar.CalendarNotLoadedException;
import com.overdue.collections.lambda.metrics.EmfMetrics;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.HashMap;
import java.util.Map;

/** {@code reminderFanOut}: one work item of the daily scan → the borrower's reminder of the day, opened once. */
public class ReminderFanOutFunction {

    private static final Logger LOG = Logger.getLogger(ReminderFanOutFunction.class);
    private static final String FUNCTION = "reminderFanOut";

    @Inject
    ReminderFanOutUseCase reminders;

    @Inject
    EmfMetrics metrics;

    @Funq(FUNCTION)
    public Uni<Void> reminderFanOut(SQSEvent.SQSMessage message) {
        return WorkMessages.handle(FUNCTION, message, LOG, item -> {
            ReminderFanOutUseCase.Result r;
            try {
                r = reminders.fanOut(item.loanId(), item.borrowerId(), item.businessDate());
            } catch (CalendarNotLoadedException e) {
                // Only this message fails (a batch item failure); the alarm on CalendarMissing asks for the file.
                LOG.errorf("calendar missing loanId=%s jurisdiction=%s year=%d businessDate=%s: %s", item.loanId(),
                        e.jurisdiction(), e.year(), item.businessDate(), e.getMessage());
                metrics.count(FUNCTION, Map.of("CalendarMissing", 1));
                throw e;
            }
            MDC.put("outcome", r.opened() ? "opened" : "nothing-new");
            LOG.infof("reminder %s %s: rounds %s, outcomes %s", r.borrowerId(), r.businessDate(), r.roundsOpened(),
                    r.outcomes());
            Map<String, Integer> counts = new HashMap<>();
            counts.put("ReminderRoundsOpened", r.roundsOpened().size());
            r.outcomes().forEach((channel, state) -> counts.merge("Contacts" + state.name(), 1, Integer::sum));
            metrics.count(FUNCTION, counts);
        });
    }
}

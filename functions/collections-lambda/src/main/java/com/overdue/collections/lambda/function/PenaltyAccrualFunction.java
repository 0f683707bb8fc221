package com.overdue.collections.lambda.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.overdue.collections.core.application.PenaltyAccrualUseCase;
import com.overdue.collections.lambda.metrics.EmfMetrics;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.Map;

/** {@code penaltyAccrual}: one work item of the daily scan → penalty posted exactly once per installment-day. */
public class PenaltyAccrualFunction {

    private static final Logger LOG = Logger.getLogger(PenaltyAccrualFunction.class);
    private static final String FUNCTION = "penaltyAccrual";

    @Inject
    PenaltyAccrualUseCase penalties;

    @Inject
    EmfMetrics metrics;

    @Funq(FUNCTION)
    public Uni<Void> penaltyAccrual(SQSEvent.SQSMessage message) {
        return WorkMessages.handle(FUNCTION, message, LOG, item -> {
            PenaltyAccrualUseCase.Result r = penalties.accrue(item.loanId(), item.businessDate());
            MDC.put("outcome", r.daysPosted() + r.adjustmentsPosted() > 0 ? "posted" : "nothing-new");
            LOG.infof("penalty %s %s: %d day(s) posted (%s), %d adjustment(s) (%s)", r.loanId(), r.businessDate(),
                    r.daysPosted(), r.accrued(), r.adjustmentsPosted(), r.adjusted());
            metrics.count(FUNCTION, Map.of("PenaltyDaysPosted", r.daysPosted(),
                    "PenaltyAdjustmentsPosted", r.adjustmentsPosted()));
        });
    }
}

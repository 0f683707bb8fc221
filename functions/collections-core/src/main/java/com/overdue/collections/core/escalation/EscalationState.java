package com.overdue.collections.core.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a loan stands on its ladder, kept between daily runs ({@code ESCALATION} item): the stage, the strategy arm,
 * when each stage of the open episode was entered, the actions to publish when the episode ends (e.g. the agency
 * recall), the broken promises already acted on, the holds last recorded, a call task waiting for the contact rules,
 * recent call tasks (they count as attempts), and the last decision. {@code version} guards concurrent writers.
 */
public record EscalationState(String loanId, String stage, String strategy, LocalDate episodeStartedOn,
                              Map<String, LocalDate> stagesEntered, Set<String> recallActions,
                              Set<String> brokenPromisesActedOn, List<String> heldBy, DeferredAction deferred,
                              List<Instant> callTasksIssued, LocalDate lastDecisionOn, String lastDecisionId,
                              long version) {

    public EscalationState {
        stagesEntered = Map.copyOf(stagesEntered);
        recallActions = Set.copyOf(recallActions);
        brokenPromisesActedOn = Set.copyOf(brokenPromisesActedOn);
        heldBy = List.copyOf(heldBy);
        callTasksIssued = List.copyOf(callTasksIssued);
    }

    /** A call task the contact rule pack deferred: published once the pack allows it. */
    public record DeferredAction(String actionId, String action, String decisionId, Instant until, String stage) {
    }

    public static EscalationState start(String loanId, String strategy) {
        return new EscalationState(loanId, EscalationLadder.CURRENT, strategy, null, Map.of(), Set.of(), Set.of(),
                List.of(), null, List.of(), null, null, 0);
    }
}

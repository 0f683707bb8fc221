package com.overdue.collections.core.escalation;

import java.util.List;

/**
 * One rung of an escalation ladder: the stage, the rule id that decisions cite, the action published on entering it
 * ({@code null}: none, e.g. reminders run on their own), the action published when the episode ends after this stage
 * was entered (e.g. AGENCY_RECALL after a placement), the entry conditions, and its rank on the ladder.
 */
public record LadderStep(String stage, String rule, String action, String recallAction,
                         List<StepCondition> conditions, int rank) {

    public LadderStep {
        conditions = List.copyOf(conditions);
    }

    public boolean canEnter(EscalationFacts facts) {
        return conditions.stream().allMatch(c -> c.holds(facts));
    }

    /** Whether the compliance waits alone allow entry (what a broken promise needs to move one step at once). */
    public boolean waitsMet(EscalationFacts facts) {
        return conditions.stream().filter(StepCondition::isWait).allMatch(c -> c.holds(facts));
    }

    public String explain(EscalationFacts facts) {
        return String.join(", ", conditions.stream().map(c -> c.explain(facts)).toList());
    }

    LadderStep withConditions(List<StepCondition> replaced) {
        return new LadderStep(stage, rule, action, recallAction, replaced, rank);
    }
}

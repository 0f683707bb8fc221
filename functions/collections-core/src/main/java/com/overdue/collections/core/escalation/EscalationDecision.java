package com.overdue.collections.core.escalation;

import com.overdue.collections.core.contact.ContactEvaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One recorded escalation decision (RULES §6): date, from, to, the rule, the strategy arm and ability variant, the
 * inputs it looked at (DPD, amounts, holds), one sentence that explains it, and the actions it publishes. At most one
 * per loan per business date ({@code DECISION#<date>}).
 */
public record EscalationDecision(String decisionId, String loanId, String borrowerId, String productCode,
                                 LocalDate businessDate, String from, String to, String rule, String strategy,
                                 Ability ability, Map<String, String> inputs, String explanation,
                                 List<PlannedAction> actions) {

    public EscalationDecision {
        inputs = Map.copyOf(inputs);
        actions = List.copyOf(actions);
    }

    public static String idFor(String loanId, LocalDate businessDate) {
        return "D-" + loanId + "-" + businessDate;
    }

    /** What happens to an action of a decision. */
    public enum ActionStatus { PENDING, PUBLISHED, DEFERRED, SKIPPED }

    /**
     * An action of a decision: published (PENDING until confirmed), deferred by a contact rule until a moment, or
     * skipped with the rule and reason. A contact of the borrower (a call task) also carries the contact rule pack's
     * evaluation that decided it, every rule's verdict included, as reminders record theirs; other actions carry none.
     */
    public record PlannedAction(String actionId, String action, ActionStatus status, Instant until, String rule,
                                String reason, ContactEvaluation contact) {

        /** An action no contact rule was asked about. */
        public PlannedAction(String actionId, String action, ActionStatus status, Instant until, String rule,
                             String reason) {
            this(actionId, action, status, until, rule, reason, null);
        }

        public static String idFor(String decisionId, String action) {
            return decisionId + "#" + action;
        }
    }
}

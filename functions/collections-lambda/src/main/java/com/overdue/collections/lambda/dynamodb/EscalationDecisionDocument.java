package com.overdue.collections.lambda.dynamodb;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.escalation.Ability;
import com.overdue.collections.core.escalation.EscalationDecision;
import com.overdue.collections.core.escalation.EscalationDecision.ActionStatus;
import com.overdue.collections.core.escalation.EscalationDecision.PlannedAction;
import com.overdue.collections.lambda.json.DocumentMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * An escalation decision: the {@code body} of {@code LOAN#<id> / DECISION#<date>} and one line of the local runner's
 * decisions.jsonl. Absent values are written as {@code null}; {@code inputs} are sorted by name, so that the same
 * decision always writes the same line (version 1 wrote them in the unspecified order of an immutable map).
 *
 * <p>Versions: 1 had no {@code "v"}; 2 adds it and is otherwise the same. A call task's action may also carry
 * {@code contact}, the contact rule pack's evaluation (the shape of a contact record's {@code evaluations} entry);
 * it is left out when absent, so other actions and decisions written before it read and write as they did, and a
 * reader that does not know it ignores it (tolerant reader): no new version.
 */
@RegisterForReflection
public record EscalationDecisionDocument(int v, String decisionId, String loanId, String borrowerId,
                                         String productCode, LocalDate businessDate, String from, String to,
                                         String rule, String strategy, Ability ability, String explanation,
                                         Map<String, String> inputs, List<Action> actions) {

    /** The current format version. */
    public static final int VERSION = 2;

    static final List<UnaryOperator<ObjectNode>> UPGRADES = List.of(UnaryOperator.identity());

    /** One planned action of the decision; {@code contact} only on an action the contact rules were asked about. */
    public record Action(String actionId, String action, ActionStatus status, String rule, String reason,
                         Instant until,
                         @JsonInclude(JsonInclude.Include.NON_NULL) ContactRecordDocument.Evaluation contact) {

        static Action from(PlannedAction a) {
            return new Action(a.actionId(), a.action(), a.status(), a.rule(), a.reason(), a.until(),
                    a.contact() == null ? null : ContactRecordDocument.evaluation(a.contact()));
        }

        PlannedAction toDomain() {
            return new PlannedAction(actionId, action, status, until, rule, reason,
                    contact == null ? null : ContactRecordDocument.evaluation(contact));
        }
    }

    public static EscalationDecisionDocument from(EscalationDecision d) {
        return new EscalationDecisionDocument(VERSION, d.decisionId(), d.loanId(), d.borrowerId(), d.productCode(),
                d.businessDate(), d.from(), d.to(), d.rule(), d.strategy(), d.ability(), d.explanation(),
                new TreeMap<>(d.inputs()),
                d.actions().stream().map(Action::from).toList());
    }

    public static String write(EscalationDecision d) {
        return DocumentMapper.write(from(d));
    }

    /** Reads a decision of any version this engine knows. */
    public static EscalationDecision read(String json) {
        return DocumentMapper.readVersioned(json, EscalationDecisionDocument.class, "escalation decision", UPGRADES)
                .toDomain();
    }

    public EscalationDecision toDomain() {
        return new EscalationDecision(decisionId, loanId, borrowerId, productCode, businessDate, from, to, rule,
                strategy, ability, inputs == null ? Map.of() : inputs, explanation,
                actions == null ? List.of() : actions.stream().map(Action::toDomain).toList());
    }
}

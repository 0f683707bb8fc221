package com.overdue.collections.lambda.dynamodb;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.escalation.EscalationDecision.ActionStatus;
import com.overdue.collections.core.escalation.EscalationDecision.PlannedAction;
import com.overdue.collections.core.port.CollectionsAction;
import com.overdue.collections.lambda.json.DocumentMapper;
import com.overdue.collections.lambda.sns.ActionMessage;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The {@code body} of {@code LOAN#<id> / ACTION#<actionId>}: the planned action and the exact message to publish,
 * so that a retry publishes what the decision wrote. The item's {@code status} attribute, not this body, says whether
 * it was published.
 *
 * <p>Versions: 1 had no {@code "v"}; 2 adds it and is otherwise the same. A call task's body also carries
 * {@code contact}, the contact rule pack's evaluation (as in {@link EscalationDecisionDocument}); left out when
 * absent and ignored by readers that do not know it, so no new version.
 */
@RegisterForReflection
public record EscalationActionDocument(int v, String actionId, String action, ActionStatus status, String rule,
                                       String reason, Instant until, ActionMessage message,
                                       @JsonInclude(JsonInclude.Include.NON_NULL)
                                       ContactRecordDocument.Evaluation contact) {

    /** The current format version. */
    public static final int VERSION = 2;

    private static final List<UnaryOperator<ObjectNode>> UPGRADES = List.of(UnaryOperator.identity());

    public static EscalationActionDocument from(PlannedAction a, CollectionsAction message) {
        return new EscalationActionDocument(VERSION, a.actionId(), a.action(), a.status(), a.rule(), a.reason(),
                a.until(), ActionMessage.from(message),
                a.contact() == null ? null : ContactRecordDocument.evaluation(a.contact()));
    }

    public static String write(PlannedAction a, CollectionsAction message) {
        return DocumentMapper.write(from(a, message));
    }

    /** The message to publish, from a body of any version this engine knows. */
    public static CollectionsAction readMessage(String json) {
        return DocumentMapper.readVersioned(json, EscalationActionDocument.class, "escalation action", UPGRADES)
                .message().toDomain();
    }
}

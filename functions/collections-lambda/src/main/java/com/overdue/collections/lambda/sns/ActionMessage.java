package com.overdue.collections.lambda.sns;

import com.overdue.collections.core.port.CollectionsAction;
import com.overdue.collections.lambda.json.DocumentMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;

/**
 * The message body of a {@link CollectionsAction} on the {@code collections-actions} topic (docs/events.md), the
 * same in the local runner's actions.jsonl and inside the stored ACTION# item. A wire contract: no version field,
 * it only ever gains optional fields.
 */
@RegisterForReflection
public record ActionMessage(String actionId, String action, String loanId, String borrowerId, String stage,
                            String decisionId, LocalDate businessDate, String reason) {

    public static ActionMessage from(CollectionsAction a) {
        return new ActionMessage(a.actionId(), a.action(), a.loanId(), a.borrowerId(), a.stage(), a.decisionId(),
                a.businessDate(), a.reason());
    }

    /** The message as published. */
    public static String write(CollectionsAction a) {
        return DocumentMapper.write(from(a));
    }

    public static CollectionsAction read(String json) {
        return DocumentMapper.read(json, ActionMessage.class, "action message").toDomain();
    }

    public CollectionsAction toDomain() {
        return new CollectionsAction(actionId, action, loanId, borrowerId, stage, decisionId, businessDate, reason);
    }
}

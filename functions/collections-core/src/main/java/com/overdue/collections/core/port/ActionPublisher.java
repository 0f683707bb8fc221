package com.overdue.collections.core.port;

/** Publishes collection actions to downstream systems (SNS {@code collections-actions}); ids only, no PII. */
public interface ActionPublisher {

    void publish(CollectionAction action);

    /** One published action (EVENTS.md, "What the engine publishes"). */
    record CollectionAction(String actionId, String action, String loanId, String borrowerId, String stage,
                            String decisionId, String businessDate, String reason) {
    }
}

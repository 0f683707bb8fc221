package com.overdue.collections.core.port;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One action the engine publishes for downstream systems (SNS topic {@code collections-actions}, message attribute
 * {@code action}). Ids only, never PII: the receiver looks the borrower up itself.
 *
 * @param actionId     stable business key: the same decision always yields the same id, receivers dedupe on it
 * @param action       the kind, e.g. {@code NEGATIVE_REPORT_NOTICE}, {@code CHARGE_OFF_PROPOSAL}
 * @param stage        the collection stage or step that decided it
 * @param decisionId   the decision record behind it
 * @param businessDate the business date of the decision, in the loan's time zone
 * @param reason       one sentence saying why, with codes and figures but no personal data
 */
public record CollectionsAction(String actionId, String action, String loanId, String borrowerId, String stage,
                                String decisionId, LocalDate businessDate, String reason) {

    public CollectionsAction {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(loanId, "loanId");
        Objects.requireNonNull(borrowerId, "borrowerId");
        Objects.requireNonNull(businessDate, "businessDate");
    }
}

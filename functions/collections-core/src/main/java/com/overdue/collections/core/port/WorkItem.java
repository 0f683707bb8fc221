package com.overdue.collections.core.port;

import java.time.LocalDate;

/**
 * A message to the daily workers (penalty, reminders, escalation): this loan needs attention on this business date.
 * Ids and figures only, never PII.
 */
public record WorkItem(String loanId, String borrowerId, LocalDate businessDate, String timeZone, int daysPastDue,
                       String severity, String bucket, String overdueAmount, String currency) {

    /** The business key of this work: a worker that sees it twice does the work once. */
    public String key() {
        return loanId + "#" + businessDate;
    }
}

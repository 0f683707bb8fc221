package com.overdue.collections.core.port;

import java.time.Instant;

/** An applied event as kept in the ledger ({@code EVT#<eventId>}): the replay source. */
public record StoredEvent(String loanId, String eventId, String type, Instant occurredAt, String json) {
}

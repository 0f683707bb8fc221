package com.overdue.collections.core.port;

import java.time.Instant;

/**
 * An applied event as kept in the ledger ({@code EVT#<eventId>}): the replay source, without a borrower's personal
 * data, and the canonical hash of the event as received ({@code null} for copies stored before hashes were kept,
 * which hold the whole event, so the hash can be computed from {@code json}).
 */
public record StoredEvent(String loanId, String eventId, String type, Instant occurredAt, String json,
                          String contentHash) {

    public StoredEvent(String loanId, String eventId, String type, Instant occurredAt, String json) {
        this(loanId, eventId, type, occurredAt, json, null);
    }
}

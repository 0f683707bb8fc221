package com.overdue.collections.core.ingest;

import java.time.Instant;

/**
 * One validated event of the contract: the envelope, its typed payload, the original JSON as received, the canonical
 * hash of its content (to tell a redelivery from a conflicting reuse of its eventId) and the copy the ledger stores
 * (the event without a borrower's personal data). An event read back from the ledger has no hash of its own.
 */
public record CollectionsEvent(String eventId, EventType type, int schemaVersion, Instant occurredAt, String loanId,
                               EventPayload payload, String json, String contentHash, String storedJson) {

    public CollectionsEvent(String eventId, EventType type, int schemaVersion, Instant occurredAt, String loanId,
                            EventPayload payload, String json) {
        this(eventId, type, schemaVersion, occurredAt, loanId, payload, json, null, json);
    }
}

package com.overdue.collections.core.ingest;

import java.time.Instant;

/** One validated event of the contract: the envelope, its typed payload and the original JSON as received. */
public record CollectionsEvent(String eventId, EventType type, int schemaVersion, Instant occurredAt, String loanId,
                              EventPayload payload, String json) {
}

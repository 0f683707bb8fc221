package com.overdue.collections.lambda.dynamodb;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code LOAN#<id> / EVT#<eventId>}: an applied event, written once (idempotency key and replay source). The body is
 * the event without a borrower's personal data (a booking's {@code payload.borrower} stays in the borrower record);
 * items written before that hold the whole event and no {@code contentHash}, and still replay.
 */
@RegisterForReflection
public class EventItem {
    private String pk;
    private String sk;
    private String eventId;
    private String type;
    private String occurredAt;
    private String body;
    private String contentHash;

    public String getPk() { return pk; }
    public void setPk(String pk) { this.pk = pk; }

    public String getSk() { return sk; }
    public void setSk(String sk) { this.sk = sk; }

    public String getEventId() { return eventId; }
    public void setEventId(String eventId) { this.eventId = eventId; }

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }

    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }

    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }

    /** SHA-256 of the event as received (canonical form); absent on items written before it was kept. */
    public String getContentHash() { return contentHash; }
    public void setContentHash(String contentHash) { this.contentHash = contentHash; }
}

package com.overdue.collections.lambda.dynamodb;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code LOAN#<id> / EVT#<eventId>}: an applied event, written once (idempotency key and replay source). */
@RegisterForReflection
public class EventItem {
    private String pk;
    private String sk;
    private String eventId;
    private String type;
    private String occurredAt;
    private String body;

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
}

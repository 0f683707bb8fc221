package com.overdue.collections.core.ingest;

/**
 * Why an event was refused: the event id and type when they could be read, the dotted path of the offending field
 * (e.g. {@code payload.installments[0].dueDate}) and a sentence a platform engineer can act on.
 */
public record EventRejection(String eventId, String type, String loanId, String field, String reason) {

    public String describe() {
        return "event " + (eventId == null ? "<no eventId>" : eventId) + " (" + (type == null ? "<no type>" : type)
                + "): " + field + ": " + reason;
    }
}

package com.overdue.collections.core.port;

/** The event id was already applied to this loan: the write was refused and nothing changed. */
public final class DuplicateEventException extends RuntimeException {
    public DuplicateEventException(String loanId, String eventId) {
        super("event " + eventId + " already applied to loan " + loanId, null, false, false);
    }
}

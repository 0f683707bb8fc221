package com.overdue.collections.core.ingest;

/** Thrown by the parser when an event breaks the contract; carries the rejection to report. */
public final class InvalidEventException extends RuntimeException {

    private final transient EventRejection rejection;

    public InvalidEventException(EventRejection rejection) {
        super(rejection.describe(), null, false, false);
        this.rejection = rejection;
    }

    public EventRejection rejection() {
        return rejection;
    }
}

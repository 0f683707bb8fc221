package com.overdue.collections.core.contact;

/** Where one planned contact stands. PENDING and DEFERRED wait for their time; the others are final. */
public enum ContactState {
    /** Planned, not yet evaluated (waits for its send time). */
    PENDING,
    /** Claimed by a sender; a crash here leaves it for the sweep to report, never to send twice. */
    SENDING,
    SENT,
    DEFERRED,
    SUPPRESSED,
    /** The provider refused it; retried by the sweep until the attempt limit, then final. */
    FAILED;

    public boolean waiting() {
        return this == PENDING || this == DEFERRED || this == FAILED;
    }
}

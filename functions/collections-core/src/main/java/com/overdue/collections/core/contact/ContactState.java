package com.overdue.collections.core.contact;

/**
 * Where one planned contact stands. PENDING, DEFERRED and FAILED wait for their time; SENDING waits for its sender,
 * and for the sweep once the sender's lease has run out; SENT and SUPPRESSED are final.
 */
public enum ContactState {
    /** Planned, not yet evaluated (waits for its send time). */
    PENDING,
    /**
     * Claimed by a sender until its lease ends ({@code dueAt}); a sender that dies here leaves it to the sweep, which
     * claims it again after the lease and sends it (at least once: it may reach the borrower twice).
     */
    SENDING,
    SENT,
    DEFERRED,
    SUPPRESSED,
    /** The provider refused it; retried by the sweep until the attempt limit, then final. */
    FAILED;

    public boolean waiting() {
        return this == PENDING || this == DEFERRED || this == FAILED;
    }

    /** Waiting, or being sent: the states the sweep attempts once their {@code dueAt} has come. */
    public boolean attemptable() {
        return waiting() || this == SENDING;
    }
}

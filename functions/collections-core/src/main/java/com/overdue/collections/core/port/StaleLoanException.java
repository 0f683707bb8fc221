package com.overdue.collections.core.port;

/** Another writer changed the loan since it was read (optimistic locking): read again and retry. */
public final class StaleLoanException extends RuntimeException {
    public StaleLoanException(String loanId, long expectedVersion) {
        super("loan " + loanId + " is no longer at version " + expectedVersion, null, false, false);
    }
}

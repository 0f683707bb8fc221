package com.overdue.collections.core.bureau;

/** What a cycle did with one account. */
public enum ReportingDisposition {
    /** A base segment for the account is in the cycle's file. */
    REPORTED,
    /**
     * The account would have been reported negative for the first time, and its jurisdiction wants the borrower
     * notified before that (CN): the notice went out this cycle and the account is reported from the next one.
     */
    WITHHELD_PENDING_NOTICE,
    /** The Metro 2 writer refused the account (the manifest says why); it is tried again next cycle. */
    REJECTED
}

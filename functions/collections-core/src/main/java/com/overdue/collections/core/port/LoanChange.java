package com.overdue.collections.core.port;

import com.overdue.collections.core.delinquency.DelinquencyChange;

/**
 * Everything one step writes for one loan, applied atomically: the new loan record (expected at
 * {@code expectedVersion}, 0 for a new loan), and optionally the event that caused it (written only if its id is
 * new), a change of the borrower record (applied newest-change-wins), and a bucket/severity change record.
 */
public record LoanChange(LoanRecord record, long expectedVersion, StoredEvent event, BorrowerChange borrower,
                         DelinquencyChange delinquencyChange) {
}

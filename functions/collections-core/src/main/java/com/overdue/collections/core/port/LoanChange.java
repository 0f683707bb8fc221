package com.overdue.collections.core.port;

import com.overdue.collections.core.delinquency.DelinquencyChange;
import com.overdue.collections.core.loan.Borrower;

/**
 * Everything one step writes for one loan, applied atomically: the new loan record (expected at
 * {@code expectedVersion}, 0 for a new loan), and optionally the event that caused it (written only if its id is
 * new), the borrower profile, and a bucket/severity change record.
 */
public record LoanChange(LoanRecord record, long expectedVersion, StoredEvent event, Borrower borrower,
                         DelinquencyChange delinquencyChange) {
}

package com.overdue.collections.core.port;

import com.overdue.collections.core.loan.BorrowerProfile;

import java.util.Optional;

/** The borrower record with its change stamps, for the one operation that rewrites it outside an event: erasure. */
public interface BorrowerRecords {

    Optional<BorrowerProfile> findProfile(String borrowerId);

    /** Replaces the record if it is still {@code expected} (else {@link StaleLoanException}); PII is never logged. */
    void replaceProfile(BorrowerProfile expected, BorrowerProfile updated);
}

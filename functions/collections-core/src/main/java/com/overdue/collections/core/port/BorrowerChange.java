package com.overdue.collections.core.port;

import com.overdue.collections.core.loan.BorrowerDetails;

import java.time.Instant;

/**
 * A change of a borrower's data carried by an event (a booking or a details change): the repository applies it to
 * the borrower record with {@link com.overdue.collections.core.loan.BorrowerProfile#apply} in the same atomic write
 * as the loan change, and records which fields it set (names, never values).
 */
public record BorrowerChange(BorrowerDetails details, Instant occurredAt, String eventId) {

    public String borrowerId() {
        return details.borrowerId();
    }
}

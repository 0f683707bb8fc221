package com.overdue.collections.core.ingest;

import com.overdue.collections.core.loan.Borrower;

import java.time.LocalDate;

/**
 * The borrower data an event carries; a field is {@code null} when the event does not send it (a details change
 * sends only what changed). PII: {@link #toString()} prints the borrower id alone.
 */
public record BorrowerDetails(String borrowerId, String firstName, String middleName, String lastName, String locale,
                              String timeZone, String email, String phone, LocalDate dateOfBirth, String nationalId,
                              Borrower.PostalAddress address) {

    public Borrower asBorrower() {
        return new Borrower(borrowerId, firstName, middleName, lastName, locale, timeZone, email, phone, dateOfBirth,
                nationalId, address);
    }

    @Override
    public String toString() {
        return "BorrowerDetails[" + borrowerId + "]";
    }
}

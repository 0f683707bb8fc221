package com.overdue.collections.core.loan;


import java.time.LocalDate;

/**
 * The borrower data an event carries; a field is {@code null} when the event does not send it (a details change
 * sends only what changed). PII: {@link #toString()} prints the borrower id alone.
 */
public record BorrowerDetails(String borrowerId, String firstName, String middleName, String lastName, String locale,
                              String timeZone, String email, String phone, LocalDate dateOfBirth, String nationalId,
                              Borrower.PostalAddress address) {

    /** All the data of a booking's borrower, as details (every field it has counts as sent). */
    public static BorrowerDetails of(Borrower b) {
        return new BorrowerDetails(b.borrowerId(), b.firstName(), b.middleName(), b.lastName(), b.locale(),
                b.timeZone(), b.email(), b.phone(), b.dateOfBirth(), b.nationalId(), b.address());
    }

    public Borrower asBorrower() {
        return new Borrower(borrowerId, firstName, middleName, lastName, locale, timeZone, email, phone, dateOfBirth,
                nationalId, address);
    }

    @Override
    public String toString() {
        return "BorrowerDetails[" + borrowerId + "]";
    }
}

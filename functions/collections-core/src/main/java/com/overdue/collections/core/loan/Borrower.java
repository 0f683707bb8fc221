package com.overdue.collections.core.loan;

import java.time.LocalDate;

/**
 * The borrower's contact profile. It carries PII, so it is stored only in the borrower record and never logged:
 * {@link #toString()} prints the id alone.
 */
public record Borrower(
        String borrowerId,
        String firstName,
        String middleName,
        String lastName,
        String locale,
        String timeZone,
        String email,
        String phone,
        LocalDate dateOfBirth,
        String nationalId,
        PostalAddress address) {

    /** A postal address as the lending platform sends it. */
    public record PostalAddress(String line1, String line2, String city, String state, String postalCode,
                                String country) {
        @Override
        public String toString() {
            return "PostalAddress[redacted]";
        }
    }

    @Override
    public String toString() {
        return "Borrower[" + borrowerId + "]";
    }
}

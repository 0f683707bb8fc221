package com.overdue.collections.core.port;

import com.overdue.collections.core.loan.Borrower;

import java.util.Optional;

/** Reads borrower profiles (PII) for the steps that must contact or report the borrower; nothing else may. */
public interface BorrowerDirectory {
    Optional<Borrower> findBorrower(String borrowerId);
}

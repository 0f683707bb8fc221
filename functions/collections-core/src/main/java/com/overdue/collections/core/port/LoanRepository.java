package com.overdue.collections.core.port;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The loan ledger store: loan records, their applied events, and the work-queue index of loans to review. */
public interface LoanRepository {

    Optional<LoanRecord> findLoan(String loanId);

    List<StoredEvent> findEvents(String loanId);

    /**
     * The loan and its applied events. A store that keeps them in one partition reads both in one request (the
     * DynamoDB adapter does); this default reads them one after the other.
     */
    default Optional<LoanHistory> findLoanWithEvents(String loanId) {
        return findLoan(loanId).map(loan -> new LoanHistory(loan, findEvents(loanId)));
    }

    /**
     * Writes the change atomically.
     *
     * @throws DuplicateEventException when the change's event id is already stored
     * @throws StaleLoanException      when the loan is no longer at the expected version
     */
    void save(LoanChange change);

    /** Loans of one time zone and shard whose next review date is on or before {@code date}. */
    ReviewPage findDueForReview(String timeZone, int shard, LocalDate date, String cursor, int limit);
}

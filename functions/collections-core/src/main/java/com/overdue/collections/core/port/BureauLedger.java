package com.overdue.collections.core.port;

import com.overdue.collections.core.bureau.BureauRecord;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What each cycle reported to the credit bureaus per loan ({@code LOAN#<id> / BUREAU#<cycle>}): immutable records,
 * read back by the next cycle to shift the payment history, keep the date of first delinquency, remember the notice
 * and report corrections and restoration.
 */
public interface BureauLedger {

    /** The record of exactly this cycle, when the cycle already ran for the loan (a re-run). */
    Optional<BureauRecord> find(String loanId, LocalDate cycleDate);

    /** The most recent record of a cycle before {@code cycleDate}. */
    Optional<BureauRecord> findLatestBefore(String loanId, LocalDate cycleDate);

    /**
     * Writes the record unless one exists for the same loan and cycle.
     *
     * @return false when a record was already there (nothing written)
     */
    boolean record(BureauRecord record);
}

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
    default boolean record(BureauRecord record) {
        return record(record, null);
    }

    /**
     * Writes the record and, when the cycle decided one, the notice before negative reporting as a PENDING action
     * of the {@link ActionOutbox}, in one write, unless a record exists for the same loan and cycle.
     *
     * @param notice the notice to publish after the write, or null
     * @return false when a record was already there (nothing written)
     */
    boolean record(BureauRecord record, CollectionsAction notice);

    /**
     * Records that the cycle's Metro 2 file is to be written (PENDING, the file's outbox item), unless it is
     * recorded already; a run that dies before {@link #fileWritten} leaves it PENDING for the alarm and the re-run.
     */
    void fileDue(LocalDate cycleDate, java.time.Instant at);

    /** Marks the cycle's file and manifest written (DELIVERED), with the file's SHA-256 (null when not submittable). */
    void fileWritten(LocalDate cycleDate, String sha256);

    /** The cycles whose file is still PENDING and whose delivery deadline is at or before {@code now}. */
    java.util.List<Undelivered> filesDueBy(java.time.Instant now);

    /** A cycle whose file was recorded PENDING at {@code recordedAt} and is not written yet. */
    record Undelivered(LocalDate cycleDate, java.time.Instant recordedAt) {
    }
}

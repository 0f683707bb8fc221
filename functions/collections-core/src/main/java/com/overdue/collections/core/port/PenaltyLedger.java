package com.overdue.collections.core.port;

import com.overdue.collections.core.penalty.PostedPenalty;

import java.util.List;
import java.util.Optional;

/** The posted penalty records of loans: append-only, each written once by its business key. */
public interface PenaltyLedger {

    /** The last posting of the loan (the highest key), if any. */
    Optional<PostedPenalty> latest(String loanId);

    /** Every posting of the loan in key order (for audit and reconciliation). */
    List<PostedPenalty> all(String loanId);

    /** Writes the posting unless its key exists; {@code false} when it already did (a re-run). */
    boolean post(PostedPenalty posting);

    /**
     * Writes the postings in order, each unless its key exists, and returns how many were new. A store may write a
     * catch-up of many days in few requests (the DynamoDB ledger does); the outcome is the same as posting one by one.
     */
    default int postAll(List<PostedPenalty> postings) {
        int written = 0;
        for (PostedPenalty posting : postings) {
            if (post(posting)) {
                written++;
            }
        }
        return written;
    }
}

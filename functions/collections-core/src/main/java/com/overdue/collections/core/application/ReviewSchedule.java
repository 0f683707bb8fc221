package com.overdue.collections.core.application;

import com.overdue.collections.core.ledger.LoanPosition;

import java.time.LocalDate;
import java.util.zip.CRC32;

/**
 * When a loan next needs the daily scan, and which shard of the work-queue index it sits in. A loan that is not
 * overdue is next looked at the day after its next due date, so healthy loans cost no reads until then.
 */
public final class ReviewSchedule {

    private final int shards;

    public ReviewSchedule(int shards) {
        if (shards < 1 || shards > 100) {
            throw new IllegalArgumentException("review shards must be 1..100, was " + shards);
        }
        this.shards = shards;
    }

    public int shards() {
        return shards;
    }

    /**
     * When the loan next needs the scan, seen on {@code businessDate}: {@code null} when never again (closed or paid
     * off). An overdue loan needs a look every day; it keeps the review date it already has when that is due
     * ({@code current} on or before tomorrow), so the daily scan does not rewrite an overdue loan just to move it.
     */
    public LocalDate nextReview(LoanPosition position, LocalDate businessDate, LocalDate current) {
        if (position.isClosed() || position.isFullyPaid()) {
            return null;
        }
        if (position.isOverdue()) {
            return current != null && !current.isAfter(businessDate.plusDays(1)) ? current
                    : businessDate.plusDays(1);
        }
        LocalDate next = position.nextUnpaid().orElseThrow().dueDate().plusDays(1);
        return next.isAfter(businessDate) ? next : businessDate.plusDays(1);
    }

    /**
     * Whether the stored loan is marked for an episode-end review: an event ended its delinquency episode (a cure or
     * a closure) and set the review date to that day, so that the next scan hands it to the daily workers once more
     * (the escalation step returns it to CURRENT and recalls an agency placement). Otherwise a loan that is not
     * overdue always has its review date after its status date.
     */
    public boolean isEpisodeEndReview(com.overdue.collections.core.port.LoanRecord loan) {
        return !loan.position().isOverdue() && loan.nextReviewOn() != null
                && !loan.nextReviewOn().isAfter(loan.status().asOf());
    }

    /** A stable shard for the loan id (CRC32), so a loan always lands in the same partition of the index. */
    public int shardOf(String loanId) {
        CRC32 crc = new CRC32();
        crc.update(loanId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return (int) (crc.getValue() % shards);
    }
}

package com.overdue.collections.core.application;

import com.overdue.collections.core.ledger.LoanPosition;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * When a loan next needs the daily scan, and which shard of the work-queue index it sits in. A loan that is not
 * overdue is next looked at the day after its next due date, so healthy loans cost no reads until then; a loan of a
 * product with the courtesy reminder is looked at once more, {@code daysBeforeDue} days before each due date.
 */
public final class ReviewSchedule {

    private final int shards;
    private final Set<String> courtesyProducts;
    private final int courtesyDaysBeforeDue;

    /** No product has the courtesy reminder. */
    public ReviewSchedule(int shards) {
        this(shards, Set.of(), 0);
    }

    /**
     * The loans of {@code courtesyProducts} are also reviewed {@code courtesyDaysBeforeDue} days before each due date,
     * the day their courtesy reminder goes out.
     */
    public ReviewSchedule(int shards, Set<String> courtesyProducts, int courtesyDaysBeforeDue) {
        if (shards < 1 || shards > 100) {
            throw new IllegalArgumentException("review shards must be 1..100, was " + shards);
        }
        if (!courtesyProducts.isEmpty() && courtesyDaysBeforeDue < 1) {
            throw new IllegalArgumentException("courtesy daysBeforeDue must be at least 1, was "
                    + courtesyDaysBeforeDue);
        }
        this.shards = shards;
        this.courtesyProducts = Set.copyOf(courtesyProducts);
        this.courtesyDaysBeforeDue = courtesyDaysBeforeDue;
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
        LocalDate due = position.nextUnpaid().orElseThrow().dueDate();
        Optional<LocalDate> courtesy = courtesyDay(position);
        if (courtesy.isPresent() && courtesy.get().isAfter(businessDate)) {
            return courtesy.get();
        }
        LocalDate next = due.plusDays(1);
        return next.isAfter(businessDate) ? next : businessDate.plusDays(1);
    }

    /**
     * The day the courtesy reminder for the loan's next unpaid installment is due: {@code daysBeforeDue} before its
     * due date, empty when the product has no courtesy reminder or nothing is left to pay.
     */
    public Optional<LocalDate> courtesyDay(LoanPosition position) {
        if (!courtesyProducts.contains(position.terms().productCode()) || position.isClosed()) {
            return Optional.empty();
        }
        return position.nextUnpaid().map(i -> i.dueDate().minusDays(courtesyDaysBeforeDue));
    }

    /**
     * Whether the scan on {@code date} owes the loan its courtesy work item: not overdue, and {@code date} falls in
     * the courtesy window of the next unpaid installment (from its courtesy day up to the day before it is due). The
     * schedule wakes the loan once in that window, so the scan sends one item per installment; a missed day is
     * caught up on the next, still before the due date.
     */
    public boolean isCourtesyReview(LoanPosition position, LocalDate date) {
        if (position.isOverdue() || position.isFullyPaid()) {
            return false;
        }
        Optional<LocalDate> day = courtesyDay(position);
        return day.isPresent() && !date.isBefore(day.get())
                && date.isBefore(position.nextUnpaid().orElseThrow().dueDate());
    }

    /** Whether loans of the product get the courtesy reminder. */
    public boolean hasCourtesy(String productCode) {
        return courtesyProducts.contains(productCode);
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

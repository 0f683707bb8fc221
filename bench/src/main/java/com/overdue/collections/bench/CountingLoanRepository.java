package com.overdue.collections.bench;

import com.overdue.collections.core.port.LoanChange;
import com.overdue.collections.core.port.LoanHistory;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.ReviewPage;
import com.overdue.collections.core.port.StoredEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntPredicate;

/**
 * Wraps the real repository and tells which loans each read returned, so that the reads the scan spends on healthy
 * loans can be counted by loan, not guessed from totals.
 */
final class CountingLoanRepository implements LoanRepository {

    private final LoanRepository delegate;
    private final IntPredicate isOverdue;

    final LongAdder pages = new LongAdder();
    final LongAdder emptyPages = new LongAdder();
    final LongAdder pagesWithHealthy = new LongAdder();
    final LongAdder overdueReturned = new LongAdder();
    final LongAdder healthyReturned = new LongAdder();
    final LongAdder loanLookups = new LongAdder();
    final LongAdder healthyLookups = new LongAdder();
    final LongAdder eventReads = new LongAdder();
    final LongAdder saves = new LongAdder();
    final LongAdder savesOfHealthy = new LongAdder();

    CountingLoanRepository(LoanRepository delegate, IntPredicate isOverdue) {
        this.delegate = delegate;
        this.isOverdue = isOverdue;
    }

    void reset() {
        for (LongAdder a : List.of(pages, emptyPages, pagesWithHealthy, overdueReturned, healthyReturned,
                loanLookups, healthyLookups, eventReads, saves, savesOfHealthy)) {
            a.reset();
        }
    }

    private boolean healthy(String loanId) {
        return !isOverdue.test(Portfolio.indexOf(loanId));
    }

    @Override
    public Optional<LoanRecord> findLoan(String loanId) {
        loanLookups.increment();
        if (healthy(loanId)) {
            healthyLookups.increment();
        }
        return delegate.findLoan(loanId);
    }

    @Override
    public Optional<LoanHistory> findLoanWithEvents(String loanId) {
        loanLookups.increment();
        eventReads.increment();
        if (healthy(loanId)) {
            healthyLookups.increment();
        }
        return delegate.findLoanWithEvents(loanId);
    }

    @Override
    public List<StoredEvent> findEvents(String loanId) {
        eventReads.increment();
        return delegate.findEvents(loanId);
    }

    @Override
    public void save(LoanChange change) {
        saves.increment();
        if (healthy(change.record().loanId())) {
            savesOfHealthy.increment();
        }
        delegate.save(change);
    }

    @Override
    public ReviewPage findDueForReview(String timeZone, int shard, LocalDate date, String cursor, int limit) {
        ReviewPage page = delegate.findDueForReview(timeZone, shard, date, cursor, limit);
        pages.increment();
        if (page.loans().isEmpty()) {
            emptyPages.increment();
        }
        boolean anyHealthy = false;
        for (LoanRecord loan : page.loans()) {
            if (healthy(loan.loanId())) {
                healthyReturned.increment();
                anyHealthy = true;
            } else {
                overdueReturned.increment();
            }
        }
        if (anyHealthy) {
            pagesWithHealthy.increment();
        }
        return page;
    }
}

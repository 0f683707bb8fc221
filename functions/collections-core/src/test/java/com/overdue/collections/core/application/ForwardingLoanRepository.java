package com.overdue.collections.core.application;

import com.overdue.collections.core.port.LoanChange;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.ReviewPage;
import com.overdue.collections.core.port.StoredEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A repository that passes every call to another one: tests override {@link #save} to inject a failure. */
abstract class ForwardingLoanRepository implements LoanRepository {

    protected final LoanRepository delegate;

    ForwardingLoanRepository(LoanRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<LoanRecord> findLoan(String loanId) {
        return delegate.findLoan(loanId);
    }

    @Override
    public List<StoredEvent> findEvents(String loanId) {
        return delegate.findEvents(loanId);
    }

    @Override
    public void save(LoanChange change) {
        delegate.save(change);
    }

    @Override
    public ReviewPage findDueForReview(String timeZone, int shard, LocalDate date, String cursor, int limit) {
        return delegate.findDueForReview(timeZone, shard, date, cursor, limit);
    }
}

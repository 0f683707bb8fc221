package com.overdue.collections.core.port;

import com.overdue.collections.core.delinquency.DelinquencyStatus;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.LoanTerms;

import java.time.LocalDate;

/**
 * The stored loan ({@code META}): terms, the position snapshot with its delinquency status, the optimistic-locking
 * version, and the date the loan next needs the daily scan ({@code null}: never again, e.g. closed or paid off).
 */
public record LoanRecord(LoanTerms terms, LoanPosition position, DelinquencyStatus status, long version,
                         LocalDate nextReviewOn) {

    public String loanId() {
        return terms.loanId();
    }
}

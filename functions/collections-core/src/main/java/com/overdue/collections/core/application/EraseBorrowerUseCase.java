package com.overdue.collections.core.application;

import com.overdue.collections.core.loan.BorrowerProfile;
import com.overdue.collections.core.port.BorrowerLoans;
import com.overdue.collections.core.port.BorrowerRecords;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.StaleLoanException;

import java.time.Clock;
import java.util.Optional;

/**
 * Erases a borrower's personal data from the one place it lives, the borrower record (RULES §8). Contact data goes
 * at once; the identity the credit bureau needs (name, date of birth, national id, address) goes too unless a loan
 * of the borrower is still open, in which case it is kept and the outcome says so. What the law makes the engine keep
 * is not touched: the ledger (loans, stored events, penalty postings, contact and escalation records, which carry ids
 * only) and the bureau records and Metro 2 files already produced (kept 5 years in CN, 7 in the US, RULES §7).
 */
public final class EraseBorrowerUseCase {

    private static final int MAX_ATTEMPTS = 5;

    private final BorrowerRecords records;
    private final BorrowerLoans borrowerLoans;
    private final LoanRepository loans;
    private final Clock clock;

    public EraseBorrowerUseCase(BorrowerRecords records, BorrowerLoans borrowerLoans, LoanRepository loans,
                                Clock clock) {
        this.records = records;
        this.borrowerLoans = borrowerLoans;
        this.loans = loans;
        this.clock = clock;
    }

    /** The erasure's outcome, or empty for a borrower the engine does not know. Field names only, never values. */
    public Optional<BorrowerProfile.Erased> erase(String borrowerId) {
        for (int attempt = 1; ; attempt++) {
            Optional<BorrowerProfile> current = records.findProfile(borrowerId);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            boolean openLoan = borrowerLoans.loanIdsOf(borrowerId).stream().map(loans::findLoan)
                    .flatMap(Optional::stream).anyMatch(EraseBorrowerUseCase::open);
            BorrowerProfile.Erased erased = current.get().erase(clock.instant(), openLoan);
            try {
                records.replaceProfile(current.get(), erased.profile());
                return Optional.of(erased);
            } catch (StaleLoanException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static boolean open(LoanRecord loan) {
        return !loan.position().isClosed();
    }
}

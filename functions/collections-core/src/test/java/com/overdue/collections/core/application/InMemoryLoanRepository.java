package com.overdue.collections.core.application;

import com.overdue.collections.core.delinquency.DelinquencyChange;
import com.overdue.collections.core.loan.Borrower;
import com.overdue.collections.core.loan.BorrowerProfile;
import com.overdue.collections.core.port.BorrowerRecords;
import com.overdue.collections.core.port.DuplicateEventException;
import com.overdue.collections.core.port.LoanChange;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.ReviewPage;
import com.overdue.collections.core.port.StaleLoanException;
import com.overdue.collections.core.port.StoredEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link LoanRepository} in memory, with the store's guarantees: a save checks the expected version and the event id
 * before it writes anything, and then writes the loan, event, borrower and change record together. The review index
 * is sparse like the DynamoDB GSI: only loans with a next review date, keyed by (time zone, shard) and sorted by
 * {@code nextReviewOn#loanId}; a page's cursor is the key of its last loan.
 */
public final class InMemoryLoanRepository implements LoanRepository, BorrowerRecords {

    private final ReviewSchedule reviewSchedule;
    private final Map<String, LoanRecord> loans = new TreeMap<>();
    private final Map<String, List<StoredEvent>> events = new HashMap<>();
    private final Map<String, Borrower> borrowers = new HashMap<>();
    private final Map<String, BorrowerProfile> profiles = new HashMap<>();
    private final Map<String, List<DelinquencyChange>> changes = new HashMap<>();
    private int loansReturnedForReview;
    private int saves;

    public InMemoryLoanRepository(int shards) {
        this.reviewSchedule = new ReviewSchedule(shards);
    }

    @Override
    public synchronized Optional<LoanRecord> findLoan(String loanId) {
        return Optional.ofNullable(loans.get(loanId));
    }

    @Override
    public synchronized List<StoredEvent> findEvents(String loanId) {
        return List.copyOf(events.getOrDefault(loanId, List.of()));
    }

    @Override
    public synchronized void save(LoanChange change) {
        LoanRecord record = change.record();
        String loanId = record.loanId();
        if (change.event() != null && events.getOrDefault(loanId, List.of()).stream()
                .anyMatch(e -> e.eventId().equals(change.event().eventId()))) {
            throw new DuplicateEventException(loanId, change.event().eventId());
        }
        LoanRecord current = loans.get(loanId);
        long currentVersion = current == null ? 0 : current.version();
        if (currentVersion != change.expectedVersion()) {
            throw new StaleLoanException(loanId, change.expectedVersion());
        }
        if (record.version() != change.expectedVersion() + 1) {
            throw new IllegalArgumentException("a save must write version " + (change.expectedVersion() + 1)
                    + ", was " + record.version());
        }
        loans.put(loanId, record);
        if (change.event() != null) {
            events.computeIfAbsent(loanId, id -> new ArrayList<>()).add(change.event());
        }
        if (change.borrower() != null) {
            BorrowerProfile profile = profiles.getOrDefault(change.borrower().borrowerId(),
                    BorrowerProfile.empty(change.borrower().borrowerId()))
                    .apply(change.borrower().details(), change.borrower().occurredAt(), change.borrower().eventId())
                    .profile();
            profiles.put(profile.borrower().borrowerId(), profile);
            borrowers.put(profile.borrower().borrowerId(), profile.borrower());
        }
        if (change.delinquencyChange() != null) {
            changes.computeIfAbsent(loanId, id -> new ArrayList<>()).add(change.delinquencyChange());
        }
        saves++;
    }

    @Override
    public synchronized ReviewPage findDueForReview(String timeZone, int shard, LocalDate date, String cursor,
                                                   int limit) {
        List<LoanRecord> page = loans.values().stream()
                .filter(r -> r.nextReviewOn() != null && !r.nextReviewOn().isAfter(date))
                .filter(r -> r.terms().timeZone().getId().equals(timeZone))
                .filter(r -> reviewSchedule.shardOf(r.loanId()) == shard)
                .sorted(Comparator.comparing(InMemoryLoanRepository::indexKey))
                .filter(r -> cursor == null || indexKey(r).compareTo(cursor) > 0)
                .limit(limit)
                .toList();
        loansReturnedForReview += page.size();
        // Like DynamoDB's LastEvaluatedKey: a full page always has a cursor, even if the next page is empty.
        String next = page.size() == limit ? indexKey(page.get(page.size() - 1)) : null;
        return new ReviewPage(page, next);
    }

    private static String indexKey(LoanRecord r) {
        return r.nextReviewOn() + "#" + r.loanId();
    }

    // ---- what the tests look at

    public synchronized LoanRecord loan(String loanId) {
        return loans.get(loanId);
    }

    /** A copy of every stored loan record by loan id. */
    public synchronized Map<String, LoanRecord> loans() {
        return new LinkedHashMap<>(loans);
    }

    /** A copy of every loan's bucket/severity change records. */
    public synchronized Map<String, List<DelinquencyChange>> changes() {
        Map<String, List<DelinquencyChange>> copy = new TreeMap<>();
        changes.forEach((id, list) -> copy.put(id, List.copyOf(list)));
        return copy;
    }

    public synchronized List<DelinquencyChange> changes(String loanId) {
        return List.copyOf(changes.getOrDefault(loanId, List.of()));
    }

    public synchronized Optional<Borrower> borrower(String borrowerId) {
        return Optional.ofNullable(borrowers.get(borrowerId));
    }

    /** How many loan records findDueForReview has handed out: the reads the daily scan cost. */
    public synchronized int loansReturnedForReview() {
        return loansReturnedForReview;
    }

    public synchronized int saves() {
        return saves;
    }

    @Override
    public synchronized Optional<BorrowerProfile> findProfile(String borrowerId) {
        return Optional.ofNullable(profiles.get(borrowerId));
    }

    @Override
    public synchronized void replaceProfile(BorrowerProfile expected, BorrowerProfile updated) {
        if (!expected.equals(profiles.get(expected.borrower().borrowerId()))) {
            throw new StaleLoanException(expected.borrower().borrowerId(), 0);
        }
        profiles.put(updated.borrower().borrowerId(), updated);
        borrowers.put(updated.borrower().borrowerId(), updated.borrower());
    }
}

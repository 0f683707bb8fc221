package com.overdue.collections.core.port;

import com.overdue.collections.core.contact.ContactRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The contact records of borrowers and the reminder rounds already opened (idempotency): {@code ROUND#<key>} and
 * {@code CONTACT#<businessDate>#<channel>} under {@code BORROWER#<id>}.
 */
public interface ContactLedger {

    /** The keys ({@code <loanId>#<episode>#<round>}) of every reminder round already opened for the borrower. */
    Set<String> openedRounds(String borrowerId);

    /**
     * Writes the round markers and the planned contacts of one message atomically, each only if absent.
     *
     * @return false when any of them exists already (a re-run or a duplicate work item): nothing is written
     */
    boolean open(String borrowerId, List<String> roundKeys, List<ContactRecord> contacts);

    /** The contacts of the borrower's message of that business date. */
    List<ContactRecord> message(String borrowerId, LocalDate businessDate);

    /** The borrower's contacts of business dates on or after {@code from} (what caps and call limits count). */
    List<ContactRecord> since(String borrowerId, LocalDate from);

    /**
     * Waiting contacts (pending, deferred, failed) whose time has come, and contacts being sent whose sender's lease
     * has run out, oldest first, at most {@code limit}.
     */
    List<ContactRecord> dueBy(Instant now, int limit);

    /** Replaces the stored record if it is still at {@code expectedVersion}; false when it moved on (a race). */
    boolean update(ContactRecord next, long expectedVersion);

    /**
     * What the reminder fan-out reads of a borrower for a business date: the borrower's loans, the rounds already
     * opened and that date's message (empty when none was opened).
     */
    record BorrowerView(List<String> loanIds, Set<String> openedRounds, List<ContactRecord> message) {
        public BorrowerView {
            loanIds = List.copyOf(loanIds);
            openedRounds = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(openedRounds));
            message = List.copyOf(message);
        }
    }

    /**
     * The {@link BorrowerView}: here three reads; a store that keeps the three under the borrower's key (the
     * DynamoDB ledger, when it is also {@code loans}) answers with one.
     */
    default BorrowerView view(BorrowerLoans loans, String borrowerId, LocalDate businessDate) {
        return new BorrowerView(loans.loanIdsOf(borrowerId), openedRounds(borrowerId), message(borrowerId,
                businessDate));
    }
}

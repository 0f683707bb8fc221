package com.overdue.collections.lambda.dynamodb;

import com.overdue.collections.core.penalty.PostedPenalty;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One read of a loan's working set for one unit of work (a work item, an event): the items of the loan's partition
 * from the unit's first penalty posting to the snapshot — the recent postings ({@code DPI#<day>…}), the escalation
 * state ({@code ESCALATION}), the events ({@code EVT#…}) and the snapshot ({@code META}) sort next to each other, in
 * that order — fetched with one strongly consistent Query the first time an adapter asks for any of them inside the
 * scope, and served from memory after that. Without an open scope (the scan, the export, tests) every adapter reads
 * as before.
 *
 * <p>The key range is what keeps the read small: a work item of business date D reads from {@code DPI#<D-1>}, so a
 * long-delinquent loan's older postings (one a day) are neither returned nor read, and cost no read units; an
 * event's unit reads from {@code ESCALATION} (ingestion needs no posting). The loan's other items sort before the
 * range ({@code ACTION#}, {@code BUCKET#}, {@code BUREAU#}, {@code DECISION#}); a new kind of loan item must sort
 * outside {@code [DPI#, META]} too, or every unit of work reads it ({@code LoanPartitionScopeTest} holds the order).
 *
 * <p>Consistency: each adapter that writes to a loan partition ({@link DynamoDbLoanRepository#save},
 * {@link DynamoDbPenaltyLedger}'s posts, {@link DynamoDbEscalationStore}'s records) drops that loan's entry before
 * its write, whether the write then succeeds, fails or dies, so a read after a write in the same scope goes to
 * the table again; the penalty ledger, whose posts are unconditional on anything but their own key, puts back
 * what it wrote once the write has returned, so the next worker of the item needs no read. Writes by anyone else
 * (another invocation) are caught by the conditional writes, as with any read-then-write. The scope is per thread
 * and ends with the unit of work.
 *
 * <p>Cost: one request instead of up to three (the penalty worker read the loan with its events, the latest posting
 * and, for offers, the escalation state; the escalation worker the state and the history). A penalty worker whose
 * loan has no posting in the window (grace days, accrual paused, a cured loan) reads the latest posting on its own.
 */
public final class LoanPartitionScope {

    /** Where an event's read starts: the escalation state, the first item of the working set after the postings. */
    static final String WORKING_SET = "ESCALATION";
    /** Where every read ends: the snapshot. */
    static final String LAST = "META";

    private static final ThreadLocal<Open> OPEN = new ThreadLocal<>();

    /** An open scope: what it has read, per table and loan, from which sort key on, and what it decoded. */
    private record Open(Map<String, NavigableMap<String, Map<String, AttributeValue>>> reads, String first,
                        Map<String, Object> decoded) {
    }

    private LoanPartitionScope() {
    }

    /**
     * Runs {@code work} with a scope open on this thread (an enclosing scope is reused) that reads no penalty posting:
     * an event's unit of work. The penalty ledger, if asked, reads on its own.
     */
    public static <T> T call(Supplier<T> work) {
        return call(null, work);
    }

    /**
     * Runs {@code work} with a scope that reads the penalty postings of {@code postingsFrom} and later only
     * ({@code null}: none), for a work item of business date {@code postingsFrom + 1}: its penalty worker needs the
     * latest posting, which a daily run posted for the day before. The key range starts at that posting, so older
     * ones are not read at all (a filter would still have read them, and DynamoDB charges for what a Query reads).
     * Should the latest posting be older than that (grace days, accrual paused), {@link DynamoDbPenaltyLedger} reads
     * it on its own.
     */
    public static <T> T call(java.time.LocalDate postingsFrom, Supplier<T> work) {
        if (OPEN.get() != null) {
            return work.get();
        }
        String first = postingsFrom == null ? WORKING_SET : PostedPenalty.KEY_PREFIX + postingsFrom;
        OPEN.set(new Open(new HashMap<>(), first, new HashMap<>()));
        try {
            return work.get();
        } finally {
            OPEN.remove();
        }
    }

    public static void run(Runnable work) {
        run(null, work);
    }

    /** {@link #call(java.time.LocalDate, Supplier)} without a result. */
    public static void run(java.time.LocalDate postingsFrom, Runnable work) {
        call(postingsFrom, () -> {
            work.run();
            return null;
        });
    }

    /**
     * {@code decoder.apply(text)}, computed once per open scope for equal texts: the workers of one work item each
     * read the same loan snapshot, and decoding it (JSON to the domain records) was the largest single cost of a
     * worker in the local runner's profile. The decoded value must be immutable (it is shared by the scope's
     * readers); texts are compared by content, so a snapshot the scope wrote in between decodes anew. Without a
     * scope, it decodes every time.
     */
    @SuppressWarnings("unchecked")
    static <T> T decoded(String text, java.util.function.Function<String, T> decoder) {
        Open open = OPEN.get();
        if (open == null) {
            return decoder.apply(text);
        }
        return (T) open.decoded().computeIfAbsent(text, decoder);
    }

    static boolean isOpen() {
        return OPEN.get() != null;
    }

    /**
     * The loan's items by sort key, read now if this scope has not read them; {@code null} without a scope. Penalty
     * postings older than the scope's window are not among them, so "no posting here" does not mean "none".
     */
    static NavigableMap<String, Map<String, AttributeValue>> items(LoanTable table, String loanId) {
        Open open = OPEN.get();
        if (open == null) {
            return null;
        }
        return open.reads().computeIfAbsent(table.tableName + "\u0000" + loanId, k -> read(table, loanId, open.first()));
    }

    /** What this scope has read of the loan, or {@code null} (no scope, or not read yet). */
    static NavigableMap<String, Map<String, AttributeValue>> cached(LoanTable table, String loanId) {
        Open open = OPEN.get();
        return open == null ? null : open.reads().get(table.tableName + "\u0000" + loanId);
    }

    /** Forgets what this scope read of the loan: called before every write to its partition. */
    static void invalidate(String tableName, String loanId) {
        Open open = OPEN.get();
        if (open != null) {
            open.reads().remove(tableName + "\u0000" + loanId);
        }
    }

    /**
     * After a write that succeeded: the items it put, added to what the scope had read of the loan (if it had), so
     * that the next worker of the same item is served without reading again. Called only once the write returned.
     */
    static void written(LoanTable table, String loanId, NavigableMap<String, Map<String, AttributeValue>> before,
                        Map<String, Map<String, AttributeValue>> put) {
        Open open = OPEN.get();
        if (open == null || before == null) {
            return;
        }
        NavigableMap<String, Map<String, AttributeValue>> items = new TreeMap<>(before);
        put.forEach((sk, item) -> {
            if (sk.compareTo(open.first()) >= 0 && sk.compareTo(LAST) <= 0) {
                items.put(sk, item); // only what the scope's own read would have returned
            }
        });
        open.reads().put(table.tableName + "\u0000" + loanId, Collections.unmodifiableNavigableMap(items));
    }

    private static NavigableMap<String, Map<String, AttributeValue>> read(LoanTable table, String loanId,
                                                                         String first) {
        NavigableMap<String, Map<String, AttributeValue>> items = new TreeMap<>();
        String pk = DynamoDbLoanRepository.loanKey(loanId);
        QueryEnhancedRequest query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(
                        Key.builder().partitionValue(pk).sortValue(first).build(),
                        Key.builder().partitionValue(pk).sortValue(LAST).build()))
                .consistentRead(true)
                .build();
        for (EnhancedDocument doc : table.documents.query(query).items()) {
            items.put(doc.getString("SK"), table.documents.tableSchema().itemToMap(doc, true));
        }
        return Collections.unmodifiableNavigableMap(items);
    }
}

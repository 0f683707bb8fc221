package com.overdue.collections.lambda.dynamodb;

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
 * from {@code ESCALATION} to {@code PEN#…} — the escalation state, the events, the snapshot ({@code META}) and the
 * penalty postings sort next to each other — fetched with one strongly consistent Query the first time an adapter
 * asks for any of them inside the scope, and served from memory after that. Without an open scope (the scan, the
 * export, tests) every adapter reads as before.
 *
 * <p>Consistency: each adapter that writes to a loan partition ({@link DynamoDbLoanRepository#save},
 * {@link DynamoDbPenaltyLedger}'s posts, {@link DynamoDbEscalationStore}'s records) drops that loan's entry before
 * its write, whether the write then succeeds, fails or dies, so a read after a write in the same scope goes to
 * the table again; the penalty ledger, whose posts are unconditional on anything but their own key, puts back
 * what it wrote once the write has returned, so the next worker of the item needs no read. Writes by anyone else (another invocation) are caught by the conditional writes, as with any
 * read-then-write. The scope is per thread and ends with the unit of work.
 *
 * <p>Cost: one request instead of up to three (the penalty worker read the loan with its events, the latest posting
 * and, for offers, the escalation state; the escalation worker the state and the history), at the price of reading
 * every posting of a long-delinquent loan (read units grow with the partition, requests do not).
 */
public final class LoanPartitionScope {

    static final String FIRST = "ESCALATION";
    static final String LAST = "PEN#\uffff";

    private static final ThreadLocal<Map<String, NavigableMap<String, Map<String, AttributeValue>>>> OPEN =
            new ThreadLocal<>();

    private LoanPartitionScope() {
    }

    /** Runs {@code work} with a scope open on this thread (an enclosing scope is reused). */
    public static <T> T call(Supplier<T> work) {
        if (OPEN.get() != null) {
            return work.get();
        }
        OPEN.set(new HashMap<>());
        try {
            return work.get();
        } finally {
            OPEN.remove();
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    static boolean isOpen() {
        return OPEN.get() != null;
    }

    /** The loan's items by sort key, read now if this scope has not read them; {@code null} without a scope. */
    static NavigableMap<String, Map<String, AttributeValue>> items(LoanTable table, String loanId) {
        Map<String, NavigableMap<String, Map<String, AttributeValue>>> open = OPEN.get();
        if (open == null) {
            return null;
        }
        String key = table.tableName + "\u0000" + loanId;
        NavigableMap<String, Map<String, AttributeValue>> items = open.get(key);
        if (items == null) {
            items = read(table, loanId);
            open.put(key, items);
        }
        return items;
    }

    /** What this scope has read of the loan, or {@code null} (no scope, or not read yet). */
    static NavigableMap<String, Map<String, AttributeValue>> cached(LoanTable table, String loanId) {
        Map<String, NavigableMap<String, Map<String, AttributeValue>>> open = OPEN.get();
        return open == null ? null : open.get(table.tableName + "\u0000" + loanId);
    }

    /** Forgets what this scope read of the loan: called before every write to its partition. */
    static void invalidate(String tableName, String loanId) {
        Map<String, NavigableMap<String, Map<String, AttributeValue>>> open = OPEN.get();
        if (open != null) {
            open.remove(tableName + "\u0000" + loanId);
        }
    }

    /**
     * After a write that succeeded: the items it put, added to what the scope had read of the loan (if it had), so
     * that the next worker of the same item is served without reading again. Called only once the write returned.
     */
    static void written(LoanTable table, String loanId, NavigableMap<String, Map<String, AttributeValue>> before,
                        Map<String, Map<String, AttributeValue>> put) {
        Map<String, NavigableMap<String, Map<String, AttributeValue>>> open = OPEN.get();
        if (open == null || before == null) {
            return;
        }
        NavigableMap<String, Map<String, AttributeValue>> items = new TreeMap<>(before);
        put.forEach((sk, item) -> {
            if (sk.compareTo(FIRST) >= 0 && sk.compareTo(LAST) <= 0) {
                items.put(sk, item);
            }
        });
        open.put(table.tableName + "\u0000" + loanId, Collections.unmodifiableNavigableMap(items));
    }

    private static NavigableMap<String, Map<String, AttributeValue>> read(LoanTable table, String loanId) {
        NavigableMap<String, Map<String, AttributeValue>> items = new TreeMap<>();
        String pk = DynamoDbLoanRepository.loanKey(loanId);
        for (EnhancedDocument doc : table.documents.query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(
                        Key.builder().partitionValue(pk).sortValue(FIRST).build(),
                        Key.builder().partitionValue(pk).sortValue(LAST).build()))
                .consistentRead(true).build()).items()) {
            items.put(doc.getString("SK"), table.documents.tableSchema().itemToMap(doc, true));
        }
        return Collections.unmodifiableNavigableMap(items);
    }
}

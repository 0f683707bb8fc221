package com.overdue.collections.lambda.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
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

    private static final ThreadLocal<Open> OPEN = new ThreadLocal<>();

    /**
     * An open scope: what it has read, per table and loan, and from which day on it reads penalty postings
     * ({@code null}: all of them).
     */
    private record Open(Map<String, Partition> reads, java.time.LocalDate postingsFrom, Map<String, Object> decoded) {
    }

    /**
     * What the scope read of one loan. {@code olderPostingsOmitted}: the read left out postings before the scope's
     * {@code postingsFrom} (the Query's scanned count exceeded its count), so "no posting here" does not mean "none".
     */
    private record Partition(NavigableMap<String, Map<String, AttributeValue>> items, boolean olderPostingsOmitted) {
    }

    private LoanPartitionScope() {
    }

    /** Runs {@code work} with a scope open on this thread (an enclosing scope is reused); it reads every posting. */
    public static <T> T call(Supplier<T> work) {
        return call(null, work);
    }

    /**
     * Runs {@code work} with a scope that reads the penalty postings of {@code postingsFrom} and later only
     * ({@code null}: all), for a work item of business date {@code postingsFrom + 1}: its penalty worker needs the
     * latest posting, which a daily run posted for the day before. The Query still reads (and is charged for) every
     * posting; a filter expression keeps the older ones out of the response, which is what a long-delinquent loan's
     * read spent its time on (converting hundreds of postings a day that nobody looked at). Should the latest
     * posting be older than that (accrual paused for days), {@link DynamoDbPenaltyLedger} reads it on its own.
     */
    public static <T> T call(java.time.LocalDate postingsFrom, Supplier<T> work) {
        if (OPEN.get() != null) {
            return work.get();
        }
        OPEN.set(new Open(new HashMap<>(), postingsFrom, new HashMap<>()));
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

    /** The loan's items by sort key, read now if this scope has not read them; {@code null} without a scope. */
    static NavigableMap<String, Map<String, AttributeValue>> items(LoanTable table, String loanId) {
        Partition read = partition(table, loanId);
        return read == null ? null : read.items();
    }

    /**
     * Whether this scope's read of the loan left out postings older than its {@code postingsFrom}: then an empty
     * {@code PEN#} range does not mean the loan has no posting. {@code false} without a scope.
     */
    static boolean olderPostingsOmitted(LoanTable table, String loanId) {
        Partition read = partition(table, loanId);
        return read != null && read.olderPostingsOmitted();
    }

    private static Partition partition(LoanTable table, String loanId) {
        Open open = OPEN.get();
        if (open == null) {
            return null;
        }
        String key = table.tableName + "\u0000" + loanId;
        Partition read = open.reads().get(key);
        if (read == null) {
            read = read(table, loanId, open.postingsFrom());
            open.reads().put(key, read);
        }
        return read;
    }

    /** What this scope has read of the loan, or {@code null} (no scope, or not read yet). */
    static NavigableMap<String, Map<String, AttributeValue>> cached(LoanTable table, String loanId) {
        Open open = OPEN.get();
        Partition read = open == null ? null : open.reads().get(table.tableName + "\u0000" + loanId);
        return read == null ? null : read.items();
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
            if (sk.compareTo(FIRST) >= 0 && sk.compareTo(LAST) <= 0) {
                items.put(sk, item);
            }
        });
        // Under a posting filter, older postings may have been left out of the read and still are (the flag of
        // that read went with its invalidation: assume they were).
        open.reads().put(table.tableName + "\u0000" + loanId, new Partition(Collections.unmodifiableNavigableMap(items),
                open.postingsFrom() != null));
    }

    private static Partition read(LoanTable table, String loanId, java.time.LocalDate postingsFrom) {
        NavigableMap<String, Map<String, AttributeValue>> items = new TreeMap<>();
        String pk = DynamoDbLoanRepository.loanKey(loanId);
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(
                        Key.builder().partitionValue(pk).sortValue(FIRST).build(),
                        Key.builder().partitionValue(pk).sortValue(LAST).build()))
                .consistentRead(true);
        if (postingsFrom != null) {
            // A filter cannot name the sort key; of the items in the range only postings have a "day".
            query.filterExpression(Expression.builder().expression("attribute_not_exists(#day) OR #day >= :from")
                    .putExpressionName("#day", "day")
                    .putExpressionValue(":from", AttributeValue.fromS(postingsFrom.toString())).build());
        }
        boolean omitted = false;
        for (Page<EnhancedDocument> page : table.documents.query(query.build())) {
            for (EnhancedDocument doc : page.items()) {
                items.put(doc.getString("SK"), table.documents.tableSchema().itemToMap(doc, true));
            }
            omitted |= page.scannedCount() != null && page.count() != null && page.scannedCount() > page.count();
        }
        return new Partition(Collections.unmodifiableNavigableMap(items), omitted);
    }
}

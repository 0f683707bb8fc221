package com.overdue.collections.lambda.dynamodb;

import com.overdue.collections.core.delinquency.DelinquencyChange;
import com.overdue.collections.core.loan.Borrower;
import com.overdue.collections.core.port.BorrowerDirectory;
import com.overdue.collections.core.port.BorrowerChange;
import com.overdue.collections.core.port.BorrowerRecords;
import com.overdue.collections.core.loan.BorrowerProfile;
import com.overdue.collections.core.port.DuplicateEventException;
import com.overdue.collections.core.port.LoanCatalog;
import com.overdue.collections.core.port.LoanChange;
import com.overdue.collections.core.port.LoanHistory;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.ReviewPage;
import com.overdue.collections.core.port.StaleLoanException;
import com.overdue.collections.core.port.StoredEvent;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * {@link LoanRepository} on the single DynamoDB table: every multi-item change is one TransactWriteItems with the
 * loan's version checked (VersionedRecordExtension) and the event written only if its id is new.
 */
public final class DynamoDbLoanRepository implements LoanRepository, BorrowerDirectory, BorrowerRecords, LoanCatalog {

    private static final String META = "META";
    private static final String EVENT_PREFIX = "EVT#";
    private static final Expression NEW_ITEM = Expression.builder().expression("attribute_not_exists(PK)").build();

    private final DynamoDbEnhancedClient enhanced;
    private final LoanTable table;
    private final int shards;

    public DynamoDbLoanRepository(DynamoDbEnhancedClient enhanced, String tableName, int shards) {
        this.enhanced = enhanced;
        this.table = new LoanTable(enhanced, tableName);
        this.shards = shards;
    }

    static String loanKey(String loanId) {
        return "LOAN#" + loanId;
    }

    static String shardKey(String timeZone, int shard) {
        return String.format("REVIEW#%s#%02d", timeZone, shard);
    }

    @Override
    public Optional<LoanRecord> findLoan(String loanId) {
        java.util.NavigableMap<String, Map<String, AttributeValue>> scoped = LoanPartitionScope.cached(table, loanId);
        if (scoped != null) {
            return Optional.ofNullable(scoped.get(META)).map(m -> toRecord(table.loans.tableSchema().mapToItem(m)));
        }
        LoanItem item = table.loans.getItem(r -> r.key(Key.builder().partitionValue(loanKey(loanId)).sortValue(META)
                .build()).consistentRead(true));
        return Optional.ofNullable(item).map(this::toRecord);
    }

    @Override
    public Optional<Borrower> findBorrower(String borrowerId) {
        BorrowerItem b = table.borrowers.getItem(r -> r.key(Key.builder().partitionValue("BORROWER#" + borrowerId)
                .sortValue("PROFILE").build()));
        return Optional.ofNullable(b).map(item -> toBorrower(borrowerId, item));
    }

    private static Borrower toBorrower(String borrowerId, BorrowerItem b) {
        Borrower.PostalAddress address = b.getAddressLine1() == null && b.getCity() == null ? null
                : new Borrower.PostalAddress(b.getAddressLine1(), b.getAddressLine2(), b.getCity(), b.getState(),
                b.getPostalCode(), b.getCountry());
        return new Borrower(borrowerId, b.getFirstName(), b.getMiddleName(), b.getLastName(),
                b.getLocale(), b.getTimeZone(), b.getEmail(), b.getPhone(),
                b.getDateOfBirth() == null ? null : LocalDate.parse(b.getDateOfBirth()), b.getNationalId(), address);
    }

    @Override
    public List<StoredEvent> findEvents(String loanId) {
        if (LoanPartitionScope.isOpen()) {
            return findLoanWithEvents(loanId).map(LoanHistory::events).orElse(List.of());
        }
        List<StoredEvent> out = new ArrayList<>();
        table.events.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(loanKey(loanId))
                                .sortValue(EVENT_PREFIX).build()))
                        .consistentRead(true)
                        .build())
                .items()
                .forEach(e -> out.add(toStoredEvent(loanId, e)));
        return out;
    }

    private static StoredEvent toStoredEvent(String loanId, EventItem e) {
        return new StoredEvent(loanId, e.getEventId(), e.getType(), Instant.parse(e.getOccurredAt()), e.getBody(),
                e.getContentHash());
    }

    /**
     * One strongly consistent Query for {@code SK BETWEEN "EVT#" AND "META"}: the events and the snapshot share the
     * loan's partition and sort next to each other, so a replay costs one request instead of two. Items of other
     * kinds that sort in that range are skipped.
     */
    @Override
    public Optional<LoanHistory> findLoanWithEvents(String loanId) {
        java.util.NavigableMap<String, Map<String, AttributeValue>> scoped = LoanPartitionScope.items(table, loanId);
        if (scoped != null) {
            Map<String, AttributeValue> meta = scoped.get(META);
            if (meta == null) {
                return Optional.empty();
            }
            List<StoredEvent> events = new ArrayList<>();
            scoped.subMap(EVENT_PREFIX, true, EVENT_PREFIX + "\uffff", true).values().forEach(m ->
                    events.add(toStoredEvent(loanId, table.events.tableSchema().mapToItem(m))));
            return Optional.of(new LoanHistory(toRecord(table.loans.tableSchema().mapToItem(meta)), events));
        }
        LoanItem meta = null;
        List<StoredEvent> events = new ArrayList<>();
        for (EnhancedDocument doc : table.documents.query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(
                        Key.builder().partitionValue(loanKey(loanId)).sortValue(EVENT_PREFIX).build(),
                        Key.builder().partitionValue(loanKey(loanId)).sortValue(META).build()))
                .consistentRead(true).build()).items()) {
            String sk = doc.getString("SK");
            Map<String, AttributeValue> attributes = table.documents.tableSchema().itemToMap(doc, true);
            if (META.equals(sk)) {
                meta = table.loans.tableSchema().mapToItem(attributes);
            } else if (sk.startsWith(EVENT_PREFIX)) {
                events.add(toStoredEvent(loanId, table.events.tableSchema().mapToItem(attributes)));
            }
        }
        return meta == null ? Optional.empty() : Optional.of(new LoanHistory(toRecord(meta), events));
    }

    @Override
    public void save(LoanChange change) {
        LoanRecord record = change.record();
        LoanPartitionScope.invalidate(table.tableName, record.loanId());
        LoanItem loan = toItem(record, change.expectedVersion());
        if (change.event() == null && change.borrower() == null && change.delinquencyChange() == null) {
            try {
                table.loans.putItem(loan);
            } catch (ConditionalCheckFailedException e) {
                throw new StaleLoanException(record.loanId(), change.expectedVersion());
            }
            return;
        }
        TransactWriteItemsEnhancedRequest.Builder tx = TransactWriteItemsEnhancedRequest.builder();
        tx.addPutItem(table.loans, loan);
        if (change.event() != null) {
            tx.addPutItem(table.events, TransactPutItemEnhancedRequest.builder(EventItem.class)
                    .item(toItem(change.event())).conditionExpression(NEW_ITEM).build());
        }
        int borrowerAt = -1;
        if (change.borrower() != null) {
            BorrowerChange b = change.borrower();
            BorrowerItem existing = profileItem(b.borrowerId());
            BorrowerProfile current = existing == null ? BorrowerProfile.empty(b.borrowerId()) : toProfile(existing);
            BorrowerProfile.Applied applied = current.apply(b.details(), b.occurredAt(), b.eventId());
            borrowerAt = change.event() == null ? 1 : 2;
            tx.addPutItem(table.borrowers, TransactPutItemEnhancedRequest.builder(BorrowerItem.class)
                    .item(toItem(applied.profile(), existing)).conditionExpression(sameRevision(existing)).build());
            // CHANGE#<occurredAt>#<eventId>: every change is recorded, by field name (values stay in PROFILE).
            BorrowerItem recorded = new BorrowerItem();
            recorded.setPk("BORROWER#" + b.borrowerId());
            recorded.setSk("CHANGE#" + b.occurredAt() + "#" + b.eventId());
            recorded.setEventId(b.eventId());
            recorded.setOccurredAt(b.occurredAt().toString());
            recorded.setChangedFields(String.join(",", applied.changedFields()));
            tx.addPutItem(table.borrowers, recorded);
            // BORROWER#<id> / LOAN#<loanId>: which loans a borrower has (ids only), for the per-borrower reminder.
            BorrowerItem link = new BorrowerItem();
            link.setPk("BORROWER#" + b.borrowerId());
            link.setSk("LOAN#" + record.loanId());
            tx.addPutItem(table.borrowers, link);
        }
        if (change.delinquencyChange() != null) {
            tx.addPutItem(table.changes, TransactPutItemEnhancedRequest.builder(DelinquencyChangeItem.class)
                    .item(toItem(record.loanId(), record.version(), change.delinquencyChange()))
                    .conditionExpression(NEW_ITEM).build());
        }
        try {
            enhanced.transactWriteItems(tx.build());
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (change.event() != null && reasons.size() > 1 && isConditionFailure(reasons.get(1))) {
                throw new DuplicateEventException(record.loanId(), change.event().eventId());
            }
            if (!reasons.isEmpty() && isConditionFailure(reasons.get(0))) {
                throw new StaleLoanException(record.loanId(), change.expectedVersion());
            }
            if (borrowerAt > 0 && reasons.size() > borrowerAt && isConditionFailure(reasons.get(borrowerAt))) {
                // Another change of the same borrower won the race: read the record again and re-apply.
                throw new StaleLoanException(record.loanId(), change.expectedVersion());
            }
            throw e;
        }
    }

    @Override
    public ReviewPage findDueForReview(String timeZone, int shard, LocalDate date, String cursor, int limit) {
        QueryEnhancedRequest.Builder q = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortLessThanOrEqualTo(Key.builder()
                        .partitionValue(shardKey(timeZone, shard)).sortValue(date + "#\uffff").build()))
                .limit(limit);
        if (cursor != null) {
            q.exclusiveStartKey(decodeCursor(cursor));
        }
        Page<LoanItem> page = table.loans.index(LoanTable.REVIEW_INDEX).query(q.build()).iterator().next();
        List<LoanRecord> loans = page.items().stream().map(this::toRecord).toList();
        return new ReviewPage(loans, page.lastEvaluatedKey() == null ? null : encodeCursor(page.lastEvaluatedKey()));
    }

    /**
     * A parallel scan in one segment per review shard, keeping only the {@code META} items. It reads the whole table
     * (events and postings too), which is acceptable once a month; the daily steps never call it.
     */
    @Override
    public void forEachLoan(Consumer<LoanRecord> action) {
        Expression metaOnly = Expression.builder().expression("SK = :meta")
                .putExpressionValue(":meta", AttributeValue.fromS(META)).build();
        IntStream.range(0, shards).parallel().forEach(segment -> table.loans.scan(ScanEnhancedRequest.builder()
                        .filterExpression(metaOnly).segment(segment).totalSegments(shards).consistentRead(true).build())
                .items().forEach(item -> action.accept(toRecord(item))));
    }

    private static boolean isConditionFailure(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }

    private LoanRecord toRecord(LoanItem item) {
        LoanSnapshotDocument.Snapshot s = LoanPartitionScope.decoded(item.getSnapshot(), LoanSnapshotDocument::read);
        LocalDate next = item.getReviewAt() == null ? null : LocalDate.parse(item.getReviewAt().substring(0, 10));
        return new LoanRecord(s.terms(), s.position(), s.status(), item.getVersion(), next);
    }

    private LoanItem toItem(LoanRecord record, long expectedVersion) {
        LoanItem item = new LoanItem();
        item.setPk(loanKey(record.loanId()));
        item.setSk(META);
        // VersionedRecordExtension: null means "must not exist yet"; otherwise it checks and increments.
        item.setVersion(expectedVersion == 0 ? null : expectedVersion);
        item.setBorrowerId(record.terms().borrowerId());
        item.setTimeZone(record.terms().timeZone().getId());
        item.setAsOf(record.position().asOf().toString());
        item.setDaysPastDue(record.status().daysPastDue());
        item.setSeverity(record.status().severity().name());
        item.setBucket(record.status().bucket());
        item.setSnapshot(LoanSnapshotDocument.write(record));
        if (record.nextReviewOn() != null) {
            item.setReviewShard(shardKey(record.terms().timeZone().getId(), shardOf(record.loanId())));
            item.setReviewAt(record.nextReviewOn() + "#" + record.loanId());
        }
        return item;
    }

    private int shardOf(String loanId) {
        return new com.overdue.collections.core.application.ReviewSchedule(shards).shardOf(loanId);
    }

    private static EventItem toItem(StoredEvent event) {
        EventItem item = new EventItem();
        item.setPk(loanKey(event.loanId()));
        item.setSk("EVT#" + event.eventId());
        item.setEventId(event.eventId());
        item.setType(event.type());
        item.setOccurredAt(event.occurredAt().toString());
        item.setBody(event.json());
        item.setContentHash(event.contentHash());
        return item;
    }

    private BorrowerItem profileItem(String borrowerId) {
        return table.borrowers.getItem(r -> r.key(Key.builder().partitionValue("BORROWER#" + borrowerId)
                .sortValue("PROFILE").build()).consistentRead(true));
    }

    private static Expression sameRevision(BorrowerItem existing) {
        if (existing == null) {
            return NEW_ITEM;
        }
        return existing.getRevision() == null
                ? Expression.builder().expression("attribute_exists(PK) AND attribute_not_exists(revision)").build()
                : Expression.builder().expression("revision = :r")
                .putExpressionValue(":r", AttributeValue.fromS(existing.getRevision())).build();
    }

    private static BorrowerProfile toProfile(BorrowerItem b) {
        Map<String, String> stamps = new java.util.LinkedHashMap<>();
        if (b.getStamps() != null && !b.getStamps().isEmpty()) {
            for (String pair : b.getStamps().split(";")) {
                int eq = pair.indexOf('=');
                stamps.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return new BorrowerProfile(toBorrower(b.getPk().substring("BORROWER#".length()), b), stamps,
                b.getErasedAt() == null ? null : Instant.parse(b.getErasedAt()));
    }

    private static BorrowerItem toItem(BorrowerProfile profile, BorrowerItem previous) {
        BorrowerItem item = toItem(profile.borrower());
        item.setStamps(profile.stamps().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(";")));
        long revision = previous == null || previous.getRevision() == null ? 0 : Long.parseLong(previous.getRevision());
        // A record written before revisions and stamps were kept has neither: it is read as unstamped (any change
        // is newer) and its first write sets revision 1.
        item.setRevision(Long.toString(revision + 1));
        item.setErasedAt(profile.erasedAt() == null ? null : profile.erasedAt().toString());
        return item;
    }

    @Override
    public Optional<BorrowerProfile> findProfile(String borrowerId) {
        return Optional.ofNullable(profileItem(borrowerId)).map(DynamoDbLoanRepository::toProfile);
    }

    @Override
    public void replaceProfile(BorrowerProfile expected, BorrowerProfile updated) {
        BorrowerItem previous = profileItem(expected.borrower().borrowerId());
        if (previous == null || !toProfile(previous).equals(expected)) {
            throw new StaleLoanException(expected.borrower().borrowerId(), 0);
        }
        try {
            table.borrowers.putItem(r -> r.item(toItem(updated, previous)).conditionExpression(sameRevision(previous)));
        } catch (ConditionalCheckFailedException e) {
            throw new StaleLoanException(expected.borrower().borrowerId(), 0);
        }
    }

    private static BorrowerItem toItem(Borrower b) {
        BorrowerItem item = new BorrowerItem();
        item.setPk("BORROWER#" + b.borrowerId());
        item.setSk("PROFILE");
        item.setFirstName(b.firstName());
        item.setMiddleName(b.middleName());
        item.setLastName(b.lastName());
        item.setLocale(b.locale());
        item.setTimeZone(b.timeZone());
        item.setEmail(b.email());
        item.setPhone(b.phone());
        item.setDateOfBirth(b.dateOfBirth() == null ? null : b.dateOfBirth().toString());
        item.setNationalId(b.nationalId());
        if (b.address() != null) {
            item.setAddressLine1(b.address().line1());
            item.setAddressLine2(b.address().line2());
            item.setCity(b.address().city());
            item.setState(b.address().state());
            item.setPostalCode(b.address().postalCode());
            item.setCountry(b.address().country());
        }
        return item;
    }

    private static DelinquencyChangeItem toItem(String loanId, long version, DelinquencyChange c) {
        DelinquencyChangeItem item = new DelinquencyChangeItem();
        item.setPk(loanKey(loanId));
        // The loan version makes the key unique per write, so a change record can never collide with another.
        item.setSk("BUCKET#" + c.on() + "#v" + version);
        item.setOn(c.on().toString());
        item.setFromBucket(c.fromBucket());
        item.setToBucket(c.toBucket());
        item.setFromSeverity(c.fromSeverity().name());
        item.setToSeverity(c.toSeverity().name());
        item.setDaysPastDue(c.daysPastDue());
        item.setCause(c.cause());
        return item;
    }

    private static String encodeCursor(Map<String, AttributeValue> key) {
        return String.join("\u0001", key.get("PK").s(), key.get("SK").s(), key.get("reviewShard").s(),
                key.get("reviewAt").s());
    }

    private static Map<String, AttributeValue> decodeCursor(String cursor) {
        String[] parts = cursor.split("\u0001", -1);
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("PK", AttributeValue.fromS(parts[0]));
        key.put("SK", AttributeValue.fromS(parts[1]));
        key.put("reviewShard", AttributeValue.fromS(parts[2]));
        key.put("reviewAt", AttributeValue.fromS(parts[3]));
        return key;
    }
}

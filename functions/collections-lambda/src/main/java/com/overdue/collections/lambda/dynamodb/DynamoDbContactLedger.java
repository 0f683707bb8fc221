package com.overdue.collections.lambda.dynamodb;

import com.overdue.collections.core.contact.ContactRecord;
import com.overdue.collections.core.port.BorrowerLoans;
import com.overdue.collections.core.port.ContactLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * {@link ContactLedger} and {@link BorrowerLoans} on the single table, under {@code BORROWER#<id>}:
 * {@code ROUND#<loanId>#<episode>#<round>} markers, {@code CONTACT#<businessDate>#<channel>} records (state, version,
 * JSON body), and {@code LOAN#<loanId>} links written when a loan is booked. A waiting contact carries
 * {@code reviewShard = DEFER#<nn>} and {@code reviewAt = <dueAt>#<borrowerId>#<key>} on the sparse {@code review}
 * index, which the sweep queries; so does one being sent, due again when its sender's lease ends (a sender that dies
 * leaves it to the sweep); a final one does not (attributes absent).
 */
public final class DynamoDbContactLedger implements ContactLedger, BorrowerLoans {

    public static final String DEFER_SHARD_PREFIX = "DEFER#";
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final DynamoDbClient client;
    private final String table;
    private final int shards;

    public DynamoDbContactLedger(DynamoDbClient client, String table, int shards) {
        this.client = client;
        this.table = table;
        this.shards = shards;
    }

    static String borrowerKey(String borrowerId) {
        return "BORROWER#" + borrowerId;
    }

    @Override
    public List<String> loanIdsOf(String borrowerId) {
        List<String> ids = new ArrayList<>();
        for (Map<String, AttributeValue> item : prefix(borrowerId, "LOAN#", false)) {
            ids.add(item.get("SK").s().substring("LOAN#".length()));
        }
        return ids;
    }

    @Override
    public Set<String> openedRounds(String borrowerId) {
        Set<String> keys = new LinkedHashSet<>();
        for (Map<String, AttributeValue> item : prefix(borrowerId, "ROUND#", true)) {
            keys.add(item.get("SK").s().substring("ROUND#".length()));
        }
        return keys;
    }

    /**
     * One strongly consistent Query of {@code SK BETWEEN "CONTACT#<businessDate>#" AND "ROUND#\uffff"}: that day's
     * contacts, the {@code LOAN#} links and the {@code ROUND#} markers sort in that range (so do the in-app
     * {@code INBOX#} copies and {@code PROFILE}, projected to their key and skipped), where the fan-out used to make
     * three Queries. Another {@code loans} than this ledger is asked on its own.
     */
    @Override
    public BorrowerView view(BorrowerLoans loans, String borrowerId, LocalDate businessDate) {
        if (loans != this) {
            return ContactLedger.super.view(loans, borrowerId, businessDate);
        }
        String message = "CONTACT#" + businessDate + "#";
        List<String> loanIds = new ArrayList<>();
        Set<String> rounds = new LinkedHashSet<>();
        List<ContactRecord> contacts = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = client.query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", s(borrowerKey(borrowerId)), ":from", s(message),
                            ":to", s("ROUND#\uffff")))
                    .projectionExpression("SK, #body").expressionAttributeNames(Map.of("#body", "body"))
                    .exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : page.items()) {
                String sk = item.get("SK").s();
                if (sk.startsWith(message)) {
                    contacts.add(ContactRecordDocument.read(item.get("body").s()));
                } else if (sk.startsWith("LOAN#")) {
                    loanIds.add(sk.substring("LOAN#".length()));
                } else if (sk.startsWith("ROUND#")) {
                    rounds.add(sk.substring("ROUND#".length()));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return new BorrowerView(loanIds, rounds, contacts);
    }

    @Override
    public boolean open(String borrowerId, List<String> roundKeys, List<ContactRecord> contacts) {
        List<TransactWriteItem> writes = new ArrayList<>();
        String openedAt = contacts.isEmpty() ? "" : contacts.get(0).businessDate().toString();
        for (String key : roundKeys) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("PK", s(borrowerKey(borrowerId)));
            item.put("SK", s("ROUND#" + key));
            item.put("openedOn", s(openedAt));
            writes.add(TransactWriteItem.builder().put(newItem(item)).build());
        }
        for (ContactRecord c : contacts) {
            writes.add(TransactWriteItem.builder().put(newItem(item(c))).build());
        }
        try {
            client.transactWriteItems(b -> b.transactItems(writes));
            return true;
        } catch (TransactionCanceledException exists) {
            boolean conditional = exists.cancellationReasons().stream()
                    .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
            if (!conditional) {
                throw exists;
            }
            return false;
        }
    }

    @Override
    public List<ContactRecord> message(String borrowerId, LocalDate businessDate) {
        List<ContactRecord> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : prefix(borrowerId, "CONTACT#" + businessDate + "#", false)) {
            out.add(ContactRecordDocument.read(item.get("body").s()));
        }
        return out;
    }

    @Override
    public List<ContactRecord> since(String borrowerId, LocalDate from) {
        List<ContactRecord> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = client.query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", s(borrowerKey(borrowerId)),
                            ":from", s("CONTACT#" + from), ":to", s("CONTACT#\uffff")))
                    .exclusiveStartKey(exclusiveStart).build());
            page.items().forEach(item -> out.add(ContactRecordDocument.read(item.get("body").s())));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public List<ContactRecord> dueBy(Instant now, int limit) {
        List<ContactRecord> out = new ArrayList<>();
        String upTo = SORTABLE.format(now.truncatedTo(ChronoUnit.SECONDS)) + "#\uffff";
        for (int shard = 0; shard < shards; shard++) {
            QueryResponse page = client.query(QueryRequest.builder().tableName(table)
                    .indexName(LoanTable.REVIEW_INDEX)
                    .keyConditionExpression("reviewShard = :shard AND reviewAt <= :upTo")
                    .expressionAttributeValues(Map.of(":shard", s(shardKey(shard)), ":upTo", s(upTo)))
                    .limit(limit).build());
            page.items().forEach(item -> out.add(ContactRecordDocument.read(item.get("body").s())));
        }
        out.sort(Comparator.comparing(ContactRecord::dueAt));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    @Override
    public boolean update(ContactRecord next, long expectedVersion) {
        try {
            client.putItem(b -> b.tableName(table).item(item(next))
                    .conditionExpression("version = :v")
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion)))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    private Map<String, AttributeValue> item(ContactRecord c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", s(borrowerKey(c.borrowerId())));
        item.put("SK", s(c.key()));
        item.put("state", s(c.state().name()));
        item.put("version", AttributeValue.fromN(Long.toString(c.version())));
        item.put("body", s(ContactRecordDocument.write(c)));
        if (c.state().attemptable() && c.dueAt() != null) {
            item.put("reviewShard", s(shardKey(shardOf(c.borrowerId()))));
            item.put("reviewAt", s(SORTABLE.format(c.dueAt().truncatedTo(ChronoUnit.SECONDS)) + "#"
                    + c.borrowerId() + "#" + c.key()));
        }
        return item;
    }

    private Put newItem(Map<String, AttributeValue> item) {
        return Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(PK)").build();
    }

    private List<Map<String, AttributeValue>> prefix(String borrowerId, String prefix, boolean keysOnly) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(borrowerKey(borrowerId)), ":prefix", s(prefix)))
                    .exclusiveStartKey(start);
            if (keysOnly) {
                q.projectionExpression("SK");
            }
            QueryResponse page = client.query(q.build());
            out.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private String shardKey(int shard) {
        return DEFER_SHARD_PREFIX + String.format("%02d", shard);
    }

    private int shardOf(String borrowerId) {
        CRC32 crc = new CRC32();
        crc.update(borrowerId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return (int) (crc.getValue() % shards);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}

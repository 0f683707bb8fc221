package com.overdue.collections.lambda.dynamodb;

import com.overdue.collections.core.bureau.BureauRecord;
import com.overdue.collections.core.escalation.EscalationDecision.ActionStatus;
import com.overdue.collections.core.escalation.EscalationDecision.PlannedAction;
import com.overdue.collections.core.port.BureauLedger;
import com.overdue.collections.core.port.CollectionsAction;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link BureauLedger} on the single table: {@code BUREAU#<yyyy-MM-dd>} items under the loan, written once with
 * attribute_not_exists (a re-run of the cycle finds the record and writes nothing). ISO dates sort as strings, so
 * "the latest before" is a reverse range query. A record that decides the notice before negative reporting is
 * written in one transaction with the notice's {@code ACTION#} outbox item ({@link DynamoDbEscalationStore}); the
 * cycle's file has its outbox item {@code REPORT#METRO2 / CYCLE#<date>} (PENDING, then DELIVERED).
 */
public final class DynamoDbBureauLedger implements BureauLedger {

    private static final String PREFIX = "BUREAU#";
    static final String FILES_PK = "REPORT#METRO2";
    private static final Expression NEW_ITEM = Expression.builder().expression("attribute_not_exists(PK)").build();

    private final DynamoDbEnhancedClient enhanced;
    private final LoanTable table;
    private final DynamoDbEscalationStore actions;
    private final DynamoDbClient client;
    private final String tableName;

    public DynamoDbBureauLedger(DynamoDbEnhancedClient enhanced, DynamoDbClient client, String tableName,
                                DynamoDbEscalationStore actions) {
        this.enhanced = enhanced;
        this.table = new LoanTable(enhanced, tableName);
        this.actions = actions;
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public Optional<BureauRecord> find(String loanId, LocalDate cycleDate) {
        BureauItem item = table.bureau.getItem(r -> r.key(key(loanId, PREFIX + cycleDate)).consistentRead(true));
        return Optional.ofNullable(item).map(i -> BureauRecordDocument.read(i.getBody()));
    }

    @Override
    public Optional<BureauRecord> findLatestBefore(String loanId, LocalDate cycleDate) {
        QueryConditional range = QueryConditional.sortBetween(key(loanId, PREFIX), key(loanId, PREFIX + cycleDate));
        return table.bureau.query(QueryEnhancedRequest.builder().queryConditional(range).scanIndexForward(false)
                        .consistentRead(true).build())
                .items().stream()
                .filter(i -> !i.getSk().equals(PREFIX + cycleDate))
                .findFirst()
                .map(i -> BureauRecordDocument.read(i.getBody()));
    }

    @Override
    public boolean record(BureauRecord record, CollectionsAction notice) {
        BureauItem item = new BureauItem();
        item.setPk(DynamoDbLoanRepository.loanKey(record.loanId()));
        item.setSk(PREFIX + record.cycleDate());
        item.setCycleDate(record.cycleDate().toString());
        item.setBody(BureauRecordDocument.write(record));
        if (notice != null) {
            PlannedAction planned = new PlannedAction(notice.actionId(), notice.action(), ActionStatus.PENDING, null,
                    "bureau notice before negative reporting", null);
            try {
                enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                        .addPutItem(table.bureau, TransactPutItemEnhancedRequest.builder(BureauItem.class).item(item)
                                .conditionExpression(NEW_ITEM).build())
                        .addPutItem(actions.table(), TransactPutItemEnhancedRequest.builder(EscalationItem.class)
                                .item(actions.actionItem(planned, notice)).conditionExpression(NEW_ITEM).build())
                        .build());
                return true;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                    return false;
                }
                if (reasons.size() < 2 || !"ConditionalCheckFailed".equals(reasons.get(1).code())) {
                    throw e;
                }
                // The loan's notice was given in an earlier episode (same id): the record alone, as before.
            }
        }
        try {
            table.bureau.putItem(PutItemEnhancedRequest.builder(BureauItem.class).item(item)
                    .conditionExpression(NEW_ITEM).build());
            return true;
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            return false;
        }
    }

    @Override
    public void fileDue(LocalDate cycleDate, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(fileKey(cycleDate));
        item.put("status", AttributeValue.fromS("PENDING"));
        item.put("updatedAt", AttributeValue.fromS(at.toString()));
        item.put("reviewShard", AttributeValue.fromS(OutboxIndex.FILES_SHARD));
        item.put("reviewAt", AttributeValue.fromS(OutboxIndex.reviewAt(at, "CYCLE#" + cycleDate)));
        try {
            client.putItem(b -> b.tableName(tableName).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException alreadyDue) {
            // A re-run: the item is PENDING from the run it completes, or DELIVERED (the same bytes are written).
        }
    }

    @Override
    public void fileWritten(LocalDate cycleDate, String sha256) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":delivered", AttributeValue.fromS("DELIVERED"));
        values.put(":sha", AttributeValue.fromS(sha256 == null ? "-" : sha256));
        client.updateItem(b -> b.tableName(tableName).key(fileKey(cycleDate))
                .updateExpression("SET #s = :delivered, sha256 = :sha REMOVE reviewShard, reviewAt")
                .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(values));
    }

    @Override
    public List<Undelivered> filesDueBy(Instant before) {
        List<Undelivered> out = new ArrayList<>();
        client.queryPaginator(QueryRequest.builder().tableName(tableName).indexName(LoanTable.REVIEW_INDEX)
                        .keyConditionExpression("reviewShard = :shard AND reviewAt <= :upTo")
                        .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(OutboxIndex.FILES_SHARD),
                                ":upTo", AttributeValue.fromS(OutboxIndex.upTo(before)))).build())
                .items().forEach(i -> out.add(new Undelivered(
                        LocalDate.parse(i.get("SK").s().substring("CYCLE#".length())),
                        Instant.parse(i.get("updatedAt").s()))));
        return out;
    }

    private static Map<String, AttributeValue> fileKey(LocalDate cycleDate) {
        return Map.of("PK", AttributeValue.fromS(FILES_PK), "SK", AttributeValue.fromS("CYCLE#" + cycleDate));
    }

    private static Key key(String loanId, String sortKey) {
        return Key.builder().partitionValue(DynamoDbLoanRepository.loanKey(loanId)).sortValue(sortKey).build();
    }
}

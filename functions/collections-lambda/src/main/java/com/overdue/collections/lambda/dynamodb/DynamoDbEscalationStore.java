package com.overdue.collections.lambda.dynamodb;

import com.overdue.collections.core.escalation.EscalationDecision;
import com.overdue.collections.core.escalation.EscalationDecision.ActionStatus;
import com.overdue.collections.core.escalation.EscalationDecision.PlannedAction;
import com.overdue.collections.core.escalation.EscalationState;
import com.overdue.collections.core.port.CollectionsAction;
import com.overdue.collections.core.port.EscalationStore;
import com.overdue.collections.core.port.StaleLoanException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link EscalationStore} on the single table. A decision is one {@code TransactWriteItems}: the
 * {@code DECISION#<date>} item (attribute_not_exists: at most one per loan per date), the {@code ESCALATION} item
 * (version checked) and one {@code ACTION#<decisionId>#<action>} item per action with its status. The ACTION items
 * are the outbox of {@code collections-actions} (also for the bureau notices, {@link DynamoDbBureauLedger}): a
 * PENDING one carries the {@link OutboxIndex} keys until it is marked published.
 */
public final class DynamoDbEscalationStore implements EscalationStore {

    static final String STATE = "ESCALATION";
    private static final Expression NEW_ITEM = Expression.builder().expression("attribute_not_exists(PK)").build();

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<EscalationItem> table;
    private final DynamoDbClient client;
    private final String tableName;
    private final int outboxShards;
    private final Clock clock;
    private final LoanTable partitions;

    public DynamoDbEscalationStore(DynamoDbEnhancedClient enhanced, DynamoDbClient client, String tableName,
                                   int outboxShards, Clock clock) {
        this.enhanced = enhanced;
        this.table = enhanced.table(tableName, EscalationItem.schema());
        this.client = client;
        this.tableName = tableName;
        this.outboxShards = outboxShards;
        this.clock = clock;
        this.partitions = new LoanTable(enhanced, tableName);
    }

    @Override
    public Optional<EscalationState> find(String loanId) {
        java.util.NavigableMap<String, Map<String, AttributeValue>> scoped = LoanPartitionScope.items(partitions,
                loanId);
        if (scoped != null) {
            return Optional.ofNullable(scoped.get(STATE)).map(m -> readState(loanId, table.tableSchema().mapToItem(m)));
        }
        EscalationItem item = table.getItem(r -> r.key(key(loanId, STATE)).consistentRead(true));
        return Optional.ofNullable(item).map(i -> readState(loanId, i));
    }

    @Override
    public boolean record(EscalationDecision d, EscalationState next, long expectedVersion) {
        LoanPartitionScope.invalidate(tableName, d.loanId());
        TransactWriteItemsEnhancedRequest.Builder tx = TransactWriteItemsEnhancedRequest.builder();
        tx.addPutItem(table, TransactPutItemEnhancedRequest.builder(EscalationItem.class)
                .item(item(d.loanId(), "DECISION#" + d.businessDate(), d.to(), null, null, decisionJson(d)))
                .conditionExpression(NEW_ITEM).build());
        tx.addPutItem(table, TransactPutItemEnhancedRequest.builder(EscalationItem.class)
                .item(stateItem(next, expectedVersion + 1)).conditionExpression(versionIs(expectedVersion)).build());
        for (PlannedAction a : d.actions()) {
            CollectionsAction c = new CollectionsAction(a.actionId(), a.action(), d.loanId(), d.borrowerId(), d.to(),
                    d.decisionId(), d.businessDate(), d.explanation());
            tx.addPutItem(table, TransactPutItemEnhancedRequest.builder(EscalationItem.class)
                    .item(actionItem(a, c)).conditionExpression(NEW_ITEM).build());
        }
        try {
            enhanced.transactWriteItems(tx.build());
            return true;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return false;
            }
            if (reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())) {
                throw new StaleLoanException(d.loanId(), expectedVersion);
            }
            throw e;
        }
    }

    @Override
    public void saveState(EscalationState next, long expectedVersion) {
        LoanPartitionScope.invalidate(tableName, next.loanId());
        try {
            table.putItem(PutItemEnhancedRequest.builder(EscalationItem.class)
                    .item(stateItem(next, expectedVersion + 1)).conditionExpression(versionIs(expectedVersion))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            throw new StaleLoanException(next.loanId(), expectedVersion);
        }
    }

    @Override
    public void release(EscalationState next, long expectedVersion, CollectionsAction action) {
        LoanPartitionScope.invalidate(tableName, next.loanId());
        PlannedAction pending = new PlannedAction(action.actionId(), action.action(), ActionStatus.PENDING, null,
                "released", null);
        TransactWriteItemsEnhancedRequest.Builder tx = TransactWriteItemsEnhancedRequest.builder();
        tx.addPutItem(table, TransactPutItemEnhancedRequest.builder(EscalationItem.class)
                .item(stateItem(next, expectedVersion + 1)).conditionExpression(versionIs(expectedVersion)).build());
        tx.addPutItem(table, TransactPutItemEnhancedRequest.builder(EscalationItem.class)
                .item(actionItem(pending, action)).conditionExpression(Expression.builder()
                        .expression("#s = :deferred").expressionNames(Map.of("#s", "status"))
                        .expressionValues(Map.of(":deferred", AttributeValue.fromS(ActionStatus.DEFERRED.name())))
                        .build()).build());
        try {
            enhanced.transactWriteItems(tx.build());
        } catch (TransactionCanceledException e) {
            throw new StaleLoanException(next.loanId(), expectedVersion);
        }
    }

    /**
     * The outbox item of an action: {@code ACTION#<actionId>} with its status, the message in the body and, while
     * PENDING, the {@link OutboxIndex} keys (deadline: now + {@link OutboxIndex#DELIVERY_DEADLINE}).
     */
    EscalationItem actionItem(PlannedAction a, CollectionsAction message) {
        EscalationItem i = item(message.loanId(), "ACTION#" + a.actionId(), message.stage(), a.status().name(), null,
                EscalationActionDocument.write(a, message));
        if (a.status() == ActionStatus.PENDING) {
            i.setReviewShard(OutboxIndex.shardOf(message.loanId(), outboxShards));
            i.setReviewAt(OutboxIndex.reviewAt(clock.instant(), message.loanId() + "#" + a.actionId()));
        }
        return i;
    }

    DynamoDbTable<EscalationItem> table() {
        return table;
    }

    @Override
    public List<Undelivered> undeliveredBy(Instant now, int limit) {
        List<Undelivered> out = new ArrayList<>();
        for (int shard = 0; shard < outboxShards; shard++) {
            QueryResponse page = client.query(QueryRequest.builder().tableName(tableName)
                    .indexName(LoanTable.REVIEW_INDEX)
                    .keyConditionExpression("reviewShard = :shard AND reviewAt <= :upTo")
                    .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(OutboxIndex.shard(shard)),
                            ":upTo", AttributeValue.fromS(OutboxIndex.upTo(now))))
                    .limit(limit).build());
            for (Map<String, AttributeValue> item : page.items()) {
                out.add(new Undelivered(EscalationActionDocument.readMessage(item.get("body").s()),
                        Instant.parse(item.get("updatedAt").s())));
            }
        }
        out.sort(java.util.Comparator.comparing(Undelivered::recordedAt));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    @Override
    public List<CollectionsAction> pendingActions(String loanId, String decisionId) {
        List<CollectionsAction> out = new ArrayList<>();
        for (EscalationItem i : query(loanId, "ACTION#" + decisionId + "#")) {
            if (ActionStatus.PENDING.name().equals(i.getStatus())) {
                out.add(EscalationActionDocument.readMessage(i.getBody()));
            }
        }
        return out;
    }

    @Override
    public boolean markPublished(String loanId, String actionId) {
        LoanPartitionScope.invalidate(tableName, loanId);
        try {
            client.updateItem(b -> b.tableName(tableName)
                    .key(Map.of("PK", AttributeValue.fromS(DynamoDbLoanRepository.loanKey(loanId)),
                            "SK", AttributeValue.fromS("ACTION#" + actionId)))
                    .updateExpression("SET #s = :published, updatedAt = :at REMOVE reviewShard, reviewAt")
                    .conditionExpression("#s = :pending OR #s = :deferred")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(
                            ":published", AttributeValue.fromS(ActionStatus.PUBLISHED.name()),
                            ":at", AttributeValue.fromS(clock.instant().toString()),
                            ":pending", AttributeValue.fromS(ActionStatus.PENDING.name()),
                            ":deferred", AttributeValue.fromS(ActionStatus.DEFERRED.name()))));
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }

    @Override
    public List<EscalationDecision> decisions(String loanId) {
        List<EscalationDecision> out = new ArrayList<>();
        for (EscalationItem i : query(loanId, "DECISION#")) {
            out.add(EscalationDecisionDocument.read(i.getBody()));
        }
        return out;
    }

    /** The JSON form of a decision ({@link EscalationDecisionDocument}; also the local runner's decisions.jsonl line). */
    public static String decisionJson(EscalationDecision d) {
        return EscalationDecisionDocument.write(d);
    }

    private EscalationItem stateItem(EscalationState s, long version) {
        return item(s.loanId(), STATE, s.stage(), null, version, EscalationStateDocument.write(s));
    }

    private static EscalationState readState(String loanId, EscalationItem i) {
        return EscalationStateDocument.read(i.getBody(), loanId, i.getStage(),
                i.getVersion() == null ? 0 : i.getVersion());
    }

    private EscalationItem item(String loanId, String sk, String stage, String status, Long version, String body) {
        EscalationItem i = new EscalationItem();
        i.setPk(DynamoDbLoanRepository.loanKey(loanId));
        i.setSk(sk);
        i.setStage(stage);
        i.setStatus(status);
        i.setVersion(version);
        i.setUpdatedAt(clock.instant().toString());
        i.setBody(body);
        return i;
    }

    private List<EscalationItem> query(String loanId, String prefix) {
        List<EscalationItem> out = new ArrayList<>();
        table.query(QueryEnhancedRequest.builder().queryConditional(QueryConditional.sortBeginsWith(
                        Key.builder().partitionValue(DynamoDbLoanRepository.loanKey(loanId)).sortValue(prefix).build()))
                .consistentRead(true).build()).items().forEach(out::add);
        return out;
    }

    private static Key key(String loanId, String sk) {
        return Key.builder().partitionValue(DynamoDbLoanRepository.loanKey(loanId)).sortValue(sk).build();
    }

    private static Expression versionIs(long expected) {
        if (expected == 0) {
            return NEW_ITEM;
        }
        return Expression.builder().expression("#v = :v").expressionNames(Map.of("#v", "version"))
                .expressionValues(Map.of(":v", AttributeValue.fromN(Long.toString(expected)))).build();
    }
}

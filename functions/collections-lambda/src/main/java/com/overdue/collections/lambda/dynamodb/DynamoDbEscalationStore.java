package com.overdue.collections.lambda.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.escalation.Ability;
import com.overdue.collections.core.escalation.EscalationDecision;
import com.overdue.collections.core.escalation.EscalationDecision.ActionStatus;
import com.overdue.collections.core.escalation.EscalationDecision.PlannedAction;
import com.overdue.collections.core.escalation.EscalationState;
import com.overdue.collections.core.port.CollectionsAction;
import com.overdue.collections.core.port.CollectionsActionJson;
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
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link EscalationStore} on the single table. A decision is one {@code TransactWriteItems}: the
 * {@code DECISION#<date>} item (attribute_not_exists: at most one per loan per date), the {@code ESCALATION} item
 * (version checked) and one {@code ACTION#<decisionId>#<action>} item per action with its status.
 */
public final class DynamoDbEscalationStore implements EscalationStore {

    static final String STATE = "ESCALATION";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Expression NEW_ITEM = Expression.builder().expression("attribute_not_exists(PK)").build();

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<EscalationItem> table;
    private final Clock clock;

    public DynamoDbEscalationStore(DynamoDbEnhancedClient enhanced, String tableName, Clock clock) {
        this.enhanced = enhanced;
        this.table = enhanced.table(tableName, EscalationItem.schema());
        this.clock = clock;
    }

    @Override
    public Optional<EscalationState> find(String loanId) {
        EscalationItem item = table.getItem(r -> r.key(key(loanId, STATE)).consistentRead(true));
        return Optional.ofNullable(item).map(i -> readState(loanId, i));
    }

    @Override
    public boolean record(EscalationDecision d, EscalationState next, long expectedVersion) {
        TransactWriteItemsEnhancedRequest.Builder tx = TransactWriteItemsEnhancedRequest.builder();
        tx.addPutItem(table, TransactPutItemEnhancedRequest.builder(EscalationItem.class)
                .item(item(d.loanId(), "DECISION#" + d.businessDate(), d.to(), null, null, decisionJson(d).toString()))
                .conditionExpression(NEW_ITEM).build());
        tx.addPutItem(table, TransactPutItemEnhancedRequest.builder(EscalationItem.class)
                .item(stateItem(next, expectedVersion + 1)).conditionExpression(versionIs(expectedVersion)).build());
        for (PlannedAction a : d.actions()) {
            ObjectNode body = actionJson(a);
            CollectionsAction c = new CollectionsAction(a.actionId(), a.action(), d.loanId(), d.borrowerId(), d.to(),
                    d.decisionId(), d.businessDate(), d.explanation());
            body.set("message", actionMessage(c));
            tx.addPutItem(table, TransactPutItemEnhancedRequest.builder(EscalationItem.class)
                    .item(item(d.loanId(), "ACTION#" + a.actionId(),
                            d.to(), a.status().name(), null, body.toString()))
                    .conditionExpression(NEW_ITEM).build());
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
        try {
            table.putItem(PutItemEnhancedRequest.builder(EscalationItem.class)
                    .item(stateItem(next, expectedVersion + 1)).conditionExpression(versionIs(expectedVersion))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            throw new StaleLoanException(next.loanId(), expectedVersion);
        }
    }

    @Override
    public List<CollectionsAction> pendingActions(String loanId, String decisionId) {
        List<CollectionsAction> out = new ArrayList<>();
        for (EscalationItem i : query(loanId, "ACTION#" + decisionId + "#")) {
            if (ActionStatus.PENDING.name().equals(i.getStatus())) {
                JsonNode m = json(i.getBody()).path("message");
                out.add(new CollectionsAction(m.path("actionId").asText(), m.path("action").asText(),
                        m.path("loanId").asText(), m.path("borrowerId").asText(), m.path("stage").asText(),
                        m.path("decisionId").asText(), java.time.LocalDate.parse(m.path("businessDate").asText()),
                        m.path("reason").asText()));
            }
        }
        return out;
    }

    @Override
    public boolean markPublished(String loanId, String actionId) {
        EscalationItem update = new EscalationItem();
        update.setPk(DynamoDbLoanRepository.loanKey(loanId));
        update.setSk("ACTION#" + actionId);
        update.setStatus(ActionStatus.PUBLISHED.name());
        update.setUpdatedAt(clock.instant().toString());
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(EscalationItem.class).item(update).ignoreNulls(true)
                    .conditionExpression(Expression.builder()
                            .expression("#s = :pending OR #s = :deferred")
                            .expressionNames(Map.of("#s", "status"))
                            .expressionValues(Map.of(":pending", AttributeValue.fromS(ActionStatus.PENDING.name()),
                                    ":deferred", AttributeValue.fromS(ActionStatus.DEFERRED.name())))
                            .build()).build());
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }

    @Override
    public List<EscalationDecision> decisions(String loanId) {
        List<EscalationDecision> out = new ArrayList<>();
        for (EscalationItem i : query(loanId, "DECISION#")) {
            out.add(readDecision(json(i.getBody())));
        }
        return out;
    }

    /** The JSON body of an action message (EVENTS.md): ids only, no PII. */
    public static ObjectNode actionMessage(CollectionsAction a) {
        return (ObjectNode) json(CollectionsActionJson.write(a));
    }

    /** The JSON form of a decision (also the local runner's decisions.jsonl line). */
    public static ObjectNode decisionJson(EscalationDecision d) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("decisionId", d.decisionId()).put("loanId", d.loanId()).put("borrowerId", d.borrowerId())
                .put("productCode", d.productCode()).put("businessDate", d.businessDate().toString())
                .put("from", d.from()).put("to", d.to()).put("rule", d.rule()).put("strategy", d.strategy())
                .put("ability", d.ability().name()).put("explanation", d.explanation());
        ObjectNode inputs = n.putObject("inputs");
        d.inputs().forEach(inputs::put);
        ArrayNode actions = n.putArray("actions");
        d.actions().forEach(a -> actions.add(actionJson(a)));
        return n;
    }

    private static ObjectNode actionJson(PlannedAction a) {
        ObjectNode n = MAPPER.createObjectNode().put("actionId", a.actionId()).put("action", a.action())
                .put("status", a.status().name()).put("rule", a.rule()).put("reason", a.reason());
        n.put("until", a.until() == null ? null : a.until().toString());
        return n;
    }

    private static EscalationDecision readDecision(JsonNode n) {
        Map<String, String> inputs = new LinkedHashMap<>();
        n.path("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().asText()));
        List<PlannedAction> actions = new ArrayList<>();
        for (JsonNode a : n.path("actions")) {
            actions.add(new PlannedAction(a.path("actionId").asText(), a.path("action").asText(),
                    ActionStatus.valueOf(a.path("status").asText()), instant(a, "until"), text(a, "rule"),
                    text(a, "reason")));
        }
        return new EscalationDecision(n.path("decisionId").asText(), n.path("loanId").asText(),
                n.path("borrowerId").asText(), n.path("productCode").asText(),
                LocalDate.parse(n.path("businessDate").asText()), n.path("from").asText(), n.path("to").asText(),
                n.path("rule").asText(), n.path("strategy").asText(), Ability.valueOf(n.path("ability").asText()),
                inputs, n.path("explanation").asText(), actions);
    }

    private EscalationItem stateItem(EscalationState s, long version) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("strategy", s.strategy());
        n.put("episodeStartedOn", s.episodeStartedOn() == null ? null : s.episodeStartedOn().toString());
        ObjectNode entered = n.putObject("stagesEntered");
        new java.util.TreeMap<>(s.stagesEntered()).forEach((k, v) -> entered.put(k, v.toString()));
        ArrayNode recalls = n.putArray("recallActions");
        new java.util.TreeSet<>(s.recallActions()).forEach(recalls::add);
        ArrayNode acted = n.putArray("brokenPromisesActedOn");
        new java.util.TreeSet<>(s.brokenPromisesActedOn()).forEach(acted::add);
        ArrayNode held = n.putArray("heldBy");
        s.heldBy().forEach(held::add);
        if (s.deferred() != null) {
            n.putObject("deferred").put("actionId", s.deferred().actionId()).put("action", s.deferred().action())
                    .put("decisionId", s.deferred().decisionId()).put("until", s.deferred().until().toString())
                    .put("stage", s.deferred().stage());
        }
        ArrayNode calls = n.putArray("callTasksIssued");
        s.callTasksIssued().forEach(t -> calls.add(t.toString()));
        n.put("lastDecisionOn", s.lastDecisionOn() == null ? null : s.lastDecisionOn().toString());
        n.put("lastDecisionId", s.lastDecisionId());
        return item(s.loanId(), STATE, s.stage(), null, version, n.toString());
    }

    private static EscalationState readState(String loanId, EscalationItem i) {
        JsonNode n = json(i.getBody());
        Map<String, LocalDate> entered = new HashMap<>();
        n.path("stagesEntered").fields().forEachRemaining(e -> entered.put(e.getKey(),
                LocalDate.parse(e.getValue().asText())));
        Set<String> recalls = new HashSet<>();
        n.path("recallActions").forEach(v -> recalls.add(v.asText()));
        Set<String> acted = new HashSet<>();
        n.path("brokenPromisesActedOn").forEach(v -> acted.add(v.asText()));
        List<String> held = new ArrayList<>();
        n.path("heldBy").forEach(v -> held.add(v.asText()));
        JsonNode d = n.path("deferred");
        EscalationState.DeferredAction deferred = d.isObject() ? new EscalationState.DeferredAction(
                d.path("actionId").asText(), d.path("action").asText(), d.path("decisionId").asText(),
                Instant.parse(d.path("until").asText()), d.path("stage").asText()) : null;
        List<Instant> calls = new ArrayList<>();
        n.path("callTasksIssued").forEach(v -> calls.add(Instant.parse(v.asText())));
        String last = text(n, "lastDecisionOn");
        return new EscalationState(loanId, i.getStage(), n.path("strategy").asText(), date(n, "episodeStartedOn"),
                entered, recalls, acted, held, deferred, calls, last == null ? null : LocalDate.parse(last),
                text(n, "lastDecisionId"), i.getVersion() == null ? 0 : i.getVersion());
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

    private static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt escalation item", e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static LocalDate date(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : LocalDate.parse(v);
    }

    private static Instant instant(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : Instant.parse(v);
    }
}

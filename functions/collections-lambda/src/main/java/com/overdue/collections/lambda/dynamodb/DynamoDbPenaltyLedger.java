package com.overdue.collections.lambda.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.ledger.PenaltyAccrual;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.penalty.PenaltyAdjustment;
import com.overdue.collections.core.penalty.PostedPenalty;
import com.overdue.collections.core.port.PenaltyLedger;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link PenaltyLedger} on the single table: {@code DPI#…} items under the loan ({@link PostedPenalty#key()}), written
 * with attribute_not_exists.
 */
public final class DynamoDbPenaltyLedger implements PenaltyLedger {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Expression NEW_ITEM = Expression.builder().expression("attribute_not_exists(PK)").build();

    private static final int TRANSACTION_LIMIT = 100;

    private final DynamoDbEnhancedClient enhanced;
    private final LoanTable table;

    public DynamoDbPenaltyLedger(DynamoDbEnhancedClient enhanced, String tableName) {
        this.enhanced = enhanced;
        this.table = new LoanTable(enhanced, tableName);
    }

    @Override
    public Optional<PostedPenalty> latest(String loanId) {
        java.util.NavigableMap<String, Map<String, AttributeValue>> scoped = LoanPartitionScope.items(table, loanId);
        if (scoped != null) {
            Map.Entry<String, Map<String, AttributeValue>> last = postings(scoped).lastEntry();
            if (last != null) {
                return Optional.of(read(loanId, table.penalties.tableSchema().mapToItem(last.getValue())));
            }
            // The scope reads only the work item's window of postings (an event's, none): the latest is older.
        }
        return table.penalties.query(QueryEnhancedRequest.builder()
                        .queryConditional(prefix(loanId)).scanIndexForward(false).limit(1).consistentRead(true).build())
                .items().stream().findFirst().map(item -> read(loanId, item));
    }

    /** Every posting, oldest first: one Query of the postings' key range (a scope never holds them all). */
    @Override
    public List<PostedPenalty> all(String loanId) {
        List<PostedPenalty> out = new ArrayList<>();
        table.penalties.query(QueryEnhancedRequest.builder().queryConditional(prefix(loanId)).consistentRead(true)
                .build()).items().forEach(item -> out.add(read(loanId, item)));
        return out;
    }

    @Override
    public boolean post(PostedPenalty posting) {
        java.util.NavigableMap<String, Map<String, AttributeValue>> read = LoanPartitionScope.cached(table,
                posting.loanId());
        LoanPartitionScope.invalidate(table.tableName, posting.loanId());
        try {
            PenaltyItem item = toItem(posting);
            table.penalties.putItem(PutItemEnhancedRequest.builder(PenaltyItem.class).item(item)
                    .conditionExpression(NEW_ITEM).build());
            LoanPartitionScope.written(table, posting.loanId(), read,
                    Map.of(item.getSk(), table.penalties.tableSchema().itemToMap(item, true)));
            return true;
        } catch (ConditionalCheckFailedException alreadyPosted) {
            return false;
        }
    }

    private static PenaltyItem toItem(PostedPenalty posting) {
        PenaltyItem item = new PenaltyItem();
        item.setPk(DynamoDbLoanRepository.loanKey(posting.loanId()));
        item.setSk(posting.key());
        item.setDay(posting.day().toString());
        item.setAdjustmentNo(posting.adjustmentNo());
        item.setPostedOn(posting.postedOn().toString());
        Currency currency = posting.cumulative().values().stream().findFirst().map(Money::currency).orElseThrow();
        item.setCurrency(currency.getCurrencyCode());
        item.setBody(body(posting));
        return item;
    }

    /**
     * One posting: a conditional PutItem (1 write unit for a posting under 1 KB). Several (a catch-up of missed
     * days, or the back-history of a loan the engine starts to follow): TransactWriteItems of up to
     * {@value #TRANSACTION_LIMIT} conditional puts, so a 90-day catch-up is one request, not 90. Should one of them
     * exist already (a concurrent delivery of the same work item), the transaction is cancelled as a whole and
     * that chunk falls back to posting one by one, which skips the existing keys.
     */
    @Override
    public int postAll(List<PostedPenalty> postings) {
        if (postings.size() == 1) {
            return post(postings.get(0)) ? 1 : 0;
        }
        String loanId = postings.get(0).loanId();
        java.util.NavigableMap<String, Map<String, AttributeValue>> read = LoanPartitionScope.cached(table, loanId);
        postings.forEach(p -> LoanPartitionScope.invalidate(table.tableName, p.loanId()));
        boolean allOfOneLoan = postings.stream().allMatch(p -> p.loanId().equals(loanId));
        Map<String, Map<String, AttributeValue>> put = new java.util.HashMap<>();
        int written = 0;
        for (int from = 0; from < postings.size(); from += TRANSACTION_LIMIT) {
            List<PostedPenalty> chunk = postings.subList(from, Math.min(postings.size(), from + TRANSACTION_LIMIT));
            TransactWriteItemsEnhancedRequest.Builder tx = TransactWriteItemsEnhancedRequest.builder();
            for (PostedPenalty posting : chunk) {
                tx.addPutItem(table.penalties, TransactPutItemEnhancedRequest.builder(PenaltyItem.class)
                        .item(toItem(posting)).conditionExpression(NEW_ITEM).build());
            }
            try {
                enhanced.transactWriteItems(tx.build());
                written += chunk.size();
                for (PostedPenalty posting : chunk) {
                    PenaltyItem item = toItem(posting);
                    put.put(item.getSk(), table.penalties.tableSchema().itemToMap(item, true));
                }
            } catch (TransactionCanceledException someExist) {
                allOfOneLoan = false; // posted one by one below: read again when asked
                for (PostedPenalty posting : chunk) {
                    if (post(posting)) {
                        written++;
                    }
                }
            }
        }
        if (allOfOneLoan) {
            LoanPartitionScope.written(table, loanId, read, put);
        }
        return written;
    }

    private static java.util.NavigableMap<String, Map<String, AttributeValue>> postings(
            java.util.NavigableMap<String, Map<String, AttributeValue>> partition) {
        return partition.subMap(PostedPenalty.KEY_PREFIX, true, PostedPenalty.KEY_PREFIX + "\uffff", true);
    }

    private static QueryConditional prefix(String loanId) {
        return QueryConditional.sortBeginsWith(Key.builder().partitionValue(DynamoDbLoanRepository.loanKey(loanId))
                .sortValue(PostedPenalty.KEY_PREFIX).build());
    }

    private static String body(PostedPenalty p) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode accruals = root.putArray("accruals");
        for (PenaltyAccrual a : p.accruals()) {
            accruals.addObject().put("day", a.day().toString()).put("seq", a.seq()).put("dpd", a.daysPastDue())
                    .put("base", a.base().toPlainString()).put("annualRate", a.annualRate().toPlainString())
                    .put("days", a.days()).put("basis", a.basis()).put("amount", a.amount().toPlainString())
                    .put("capped", a.capped());
        }
        ArrayNode adjustments = root.putArray("adjustments");
        for (PenaltyAdjustment a : p.adjustments()) {
            adjustments.addObject().put("seq", a.seq()).put("amount", a.amount().toPlainString())
                    .put("reason", a.reason());
        }
        ObjectNode cumulative = root.putObject("cumulative");
        p.cumulative().forEach((seq, m) -> cumulative.put(Integer.toString(seq), m.toPlainString()));
        return root.toString();
    }

    private static PostedPenalty read(String loanId, PenaltyItem item) {
        Currency currency = Currency.getInstance(item.getCurrency());
        JsonNode root;
        try {
            root = MAPPER.readTree(item.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt penalty posting " + item.getSk(), e);
        }
        List<PenaltyAccrual> accruals = new ArrayList<>();
        for (JsonNode a : root.path("accruals")) {
            accruals.add(new PenaltyAccrual(LocalDate.parse(a.get("day").asText()), a.get("seq").asInt(),
                    a.get("dpd").asInt(), money(a.get("base"), currency), new BigDecimal(a.get("annualRate").asText()),
                    a.get("days").asInt(), a.get("basis").asInt(), money(a.get("amount"), currency),
                    a.get("capped").asBoolean()));
        }
        List<PenaltyAdjustment> adjustments = new ArrayList<>();
        for (JsonNode a : root.path("adjustments")) {
            adjustments.add(new PenaltyAdjustment(a.get("seq").asInt(), money(a.get("amount"), currency),
                    a.get("reason").asText()));
        }
        Map<Integer, Money> cumulative = new TreeMap<>();
        root.path("cumulative").fields().forEachRemaining(e ->
                cumulative.put(Integer.parseInt(e.getKey()), money(e.getValue(), currency)));
        return new PostedPenalty(loanId, LocalDate.parse(item.getDay()), item.getAdjustmentNo(),
                LocalDate.parse(item.getPostedOn()), accruals, adjustments, cumulative);
    }

    private static Money money(JsonNode n, Currency currency) {
        return new Money(new BigDecimal(n.asText()), currency);
    }
}

package com.overdue.collections.lambda.dynamodb;

import com.overdue.collections.core.bureau.BureauRecord;
import com.overdue.collections.core.port.BureauLedger;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.LocalDate;
import java.util.Optional;

/**
 * {@link BureauLedger} on the single table: {@code BUREAU#<yyyy-MM-dd>} items under the loan, written once with
 * attribute_not_exists (a re-run of the cycle finds the record and writes nothing). ISO dates sort as strings, so
 * "the latest before" is a reverse range query.
 */
public final class DynamoDbBureauLedger implements BureauLedger {

    private static final String PREFIX = "BUREAU#";
    private static final Expression NEW_ITEM = Expression.builder().expression("attribute_not_exists(PK)").build();

    private final LoanTable table;

    public DynamoDbBureauLedger(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = new LoanTable(enhanced, tableName);
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
    public boolean record(BureauRecord record) {
        BureauItem item = new BureauItem();
        item.setPk(DynamoDbLoanRepository.loanKey(record.loanId()));
        item.setSk(PREFIX + record.cycleDate());
        item.setCycleDate(record.cycleDate().toString());
        item.setBody(BureauRecordDocument.write(record));
        try {
            table.bureau.putItem(PutItemEnhancedRequest.builder(BureauItem.class).item(item)
                    .conditionExpression(NEW_ITEM).build());
            return true;
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            return false;
        }
    }

    private static Key key(String loanId, String sortKey) {
        return Key.builder().partitionValue(DynamoDbLoanRepository.loanKey(loanId)).sortValue(sortKey).build();
    }
}

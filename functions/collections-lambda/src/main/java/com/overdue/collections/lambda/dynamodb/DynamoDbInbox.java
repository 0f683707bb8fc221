package com.overdue.collections.lambda.dynamodb;

import com.overdue.collections.core.port.Inbox;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-app inbox on the single table: {@code BORROWER#<id> / INBOX#<deliveredAt>#<messageId>}, newest last in key
 * order. The message text is what the app shows (no name, no identifiers beyond the loan ids).
 */
public final class DynamoDbInbox implements Inbox {

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbInbox(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public void deliver(InboxMessage m) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS(DynamoDbContactLedger.borrowerKey(m.borrowerId())));
        item.put("SK", AttributeValue.fromS("INBOX#" + m.deliveredAt() + "#" + m.messageId()));
        item.put("messageId", AttributeValue.fromS(m.messageId()));
        item.put("deliveredAt", AttributeValue.fromS(m.deliveredAt().toString()));
        item.put("title", AttributeValue.fromS(m.title()));
        item.put("body", AttributeValue.fromS(m.body()));
        item.put("read", AttributeValue.fromBool(m.read()));
        try {
            client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException alreadyDelivered) {
            // the same message delivered twice: once is enough
        }
    }

    @Override
    public List<InboxMessage> list(String borrowerId, int limit) {
        QueryResponse page = client.query(b -> b.tableName(table).consistentRead(true).scanIndexForward(false)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :p)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(DynamoDbContactLedger.borrowerKey(
                        borrowerId)), ":p", AttributeValue.fromS("INBOX#"))).limit(limit));
        List<InboxMessage> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : page.items()) {
            out.add(new InboxMessage(borrowerId, i.get("messageId").s(), Instant.parse(i.get("deliveredAt").s()),
                    i.get("title").s(), i.get("body").s(), i.get("read").bool()));
        }
        return out;
    }

    @Override
    public int markRead(String borrowerId, List<String> messageIds) {
        int marked = 0;
        for (InboxMessage m : list(borrowerId, 100)) {
            if (!m.read() && messageIds.contains(m.messageId())) {
                client.updateItem(b -> b.tableName(table).key(Map.of(
                                "PK", AttributeValue.fromS(DynamoDbContactLedger.borrowerKey(borrowerId)),
                                "SK", AttributeValue.fromS("INBOX#" + m.deliveredAt() + "#" + m.messageId())))
                        .updateExpression("SET #r = :t").expressionAttributeNames(Map.of("#r", "read"))
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))));
                marked++;
            }
        }
        return marked;
    }
}

package com.overdue.collections.lambda.sns;

import com.overdue.collections.core.port.ActionPublisher;
import com.overdue.collections.core.port.CollectionsAction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.time.Clock;
import java.util.Map;

/**
 * Publishes any {@link CollectionsAction} to the {@code collections-actions} SNS topic with the message attribute
 * {@code action} (subscribers filter on it; {@code stage} and {@code actionId} ride along). Once per action id: a
 * marker item {@code LOAN#<id> / PUBLISHED#<actionId>} is put with attribute_not_exists first, and removed again when
 * the publish fails so that a retry publishes. (The escalation decision keeps its own {@code ACTION#…} records with
 * their status; the marker is the publisher's, so every caller gets once-per-id without a bookkeeping of its own.)
 */
public final class SnsActionPublisher implements ActionPublisher {

    private final SnsClient sns;
    private final String topicArn;
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public SnsActionPublisher(SnsClient sns, String topicArn, DynamoDbClient dynamoDb, String tableName, Clock clock) {
        if (topicArn == null || topicArn.isBlank()) {
            throw new IllegalStateException("collections.actions-topic-arn (COLLECTIONS_ACTIONS_TOPIC_ARN) is not set");
        }
        this.sns = sns;
        this.topicArn = topicArn;
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public Outcome publish(CollectionsAction action) {
        Map<String, AttributeValue> key = Map.of(
                "PK", AttributeValue.fromS("LOAN#" + action.loanId()),
                "SK", AttributeValue.fromS("PUBLISHED#" + action.actionId()));
        try {
            dynamoDb.putItem(b -> b.tableName(tableName)
                    .item(Map.of("PK", key.get("PK"), "SK", key.get("SK"),
                            "action", AttributeValue.fromS(action.action()),
                            "publishedAt", AttributeValue.fromS(clock.instant().toString())))
                    .conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException alreadyPublished) {
            return Outcome.ALREADY_PUBLISHED;
        }
        try {
            sns.publish(b -> b.topicArn(topicArn).message(ActionMessage.write(action))
                    .messageAttributes(attributes(action)));
            return Outcome.PUBLISHED;
        } catch (RuntimeException e) {
            dynamoDb.deleteItem(b -> b.tableName(tableName).key(key));
            throw e;
        }
    }

    private static Map<String, MessageAttributeValue> attributes(CollectionsAction action) {
        Map<String, MessageAttributeValue> out = new java.util.HashMap<>();
        out.put("action", text(action.action()));
        out.put("actionId", text(action.actionId()));
        if (action.stage() != null) {
            out.put("stage", text(action.stage()));
        }
        return out;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}

package com.overdue.collections.lambda.sns;

import com.overdue.collections.core.port.ActionPublisher;
import com.overdue.collections.lambda.dynamodb.DynamoDbEscalationStore;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.util.Map;

/**
 * Publishes collection actions to the {@code collections-actions} SNS topic, one message per action, with the
 * message attributes {@code action}, {@code stage} and {@code loanId} so that downstream systems subscribe with a
 * filter policy (e.g. {@code {"action": ["LEGAL_NOTICE"]}}). The body carries ids only.
 */
public final class SnsActionPublisher implements ActionPublisher {

    private final SnsClient sns;
    private final String topicArn;

    public SnsActionPublisher(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void publish(CollectionAction action) {
        sns.publish(b -> b.topicArn(topicArn)
                .message(DynamoDbEscalationStore.actionMessage(action).toString())
                .messageAttributes(Map.of(
                        "action", attribute(action.action()),
                        "stage", attribute(action.stage()),
                        "actionId", attribute(action.actionId()))));
    }

    private static MessageAttributeValue attribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}

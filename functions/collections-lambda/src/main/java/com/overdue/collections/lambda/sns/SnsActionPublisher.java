package com.overdue.collections.lambda.sns;

import com.overdue.collections.core.port.ActionPublisher;
import com.overdue.collections.core.port.CollectionsAction;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.util.Map;

/**
 * Publishes any {@link CollectionsAction} to the {@code collections-actions} SNS topic with the message attribute
 * {@code action} (subscribers filter on it; {@code stage} and {@code actionId} ride along, and the body carries
 * {@code actionId} too). Every publish goes out: the once-per-id bookkeeping is the outbox item the caller recorded
 * before ({@code ACTION#<actionId>}, marked published after this returns), so a crash inside the publish is
 * recovered by publishing again and receivers dedupe on {@code actionId}.
 */
public final class SnsActionPublisher implements ActionPublisher {

    private final SnsClient sns;
    private final String topicArn;

    public SnsActionPublisher(SnsClient sns, String topicArn) {
        if (topicArn == null || topicArn.isBlank()) {
            throw new IllegalStateException("collections.actions-topic-arn (COLLECTIONS_ACTIONS_TOPIC_ARN) is not set");
        }
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public Outcome publish(CollectionsAction action) {
        sns.publish(b -> b.topicArn(topicArn).message(ActionMessage.write(action))
                .messageAttributes(attributes(action)));
        return Outcome.PUBLISHED;
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

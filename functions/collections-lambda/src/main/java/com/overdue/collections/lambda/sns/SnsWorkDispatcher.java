package com.overdue.collections.lambda.sns;

import com.overdue.collections.core.port.WorkDispatcher;
import com.overdue.collections.core.port.WorkItem;
import com.overdue.collections.lambda.sqs.WorkItemMessage;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Publishes work items to the {@code collections-work} SNS topic, ten per PublishBatch; each daily worker
 * (penalty accrual, reminders, escalation) has its own SQS queue subscribed with raw message delivery, so a slow or
 * failing worker never holds up the others. A partial failure is an error (the scan is re-run safely).
 */
public final class SnsWorkDispatcher implements WorkDispatcher {

    private final SnsClient sns;
    private final String topicArn;

    public SnsWorkDispatcher(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void dispatch(List<WorkItem> items) {
        for (int from = 0; from < items.size(); from += 10) {
            List<WorkItem> batch = items.subList(from, Math.min(from + 10, items.size()));
            List<PublishBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                WorkItem item = batch.get(i);
                entries.add(PublishBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .message(WorkItemMessage.write(item))
                        .messageAttributes(Map.of(
                                "severity", attribute(item.severity()),
                                "businessDate", attribute(item.businessDate().toString())))
                        .build());
            }
            PublishBatchResponse response = sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(
                    entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException("SNS refused " + response.failed().size() + " work item(s): "
                        + response.failed().get(0).code() + " " + response.failed().get(0).message());
            }
        }
    }

    private static MessageAttributeValue attribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}

package com.overdue.collections.lambda.sqs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.port.WorkDispatcher;
import com.overdue.collections.core.port.WorkItem;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sends work items to the {@code collections-work} queue in batches of ten; a partial failure is an error. */
public final class SqsWorkDispatcher implements WorkDispatcher {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsWorkDispatcher(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void dispatch(List<WorkItem> items) {
        for (int from = 0; from < items.size(); from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<WorkItem> batch = items.subList(from, Math.min(from + 10, items.size()));
            for (int i = 0; i < batch.size(); i++) {
                WorkItem item = batch.get(i);
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .messageBody(toJson(item))
                        .messageAttributes(Map.of("businessDate", MessageAttributeValue.builder()
                                .dataType("String").stringValue(item.businessDate().toString()).build()))
                        .build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException("SQS refused " + response.failed().size() + " work item(s): "
                        + response.failed().get(0).code() + " " + response.failed().get(0).message());
            }
        }
    }

    /** The work message body: ids and figures only. */
    public static String toJson(WorkItem item) {
        ObjectNode n = MAPPER.createObjectNode()
                .put("key", item.key())
                .put("loanId", item.loanId())
                .put("borrowerId", item.borrowerId())
                .put("businessDate", item.businessDate().toString())
                .put("timeZone", item.timeZone())
                .put("daysPastDue", item.daysPastDue())
                .put("severity", item.severity())
                .put("bucket", item.bucket())
                .put("overdueAmount", item.overdueAmount())
                .put("currency", item.currency());
        return n.toString();
    }
}

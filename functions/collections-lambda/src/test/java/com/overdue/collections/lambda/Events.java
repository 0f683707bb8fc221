package com.overdue.collections.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Builds contract events and SQS Lambda batches for the function tests. */
final class Events {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Events() {
    }

    static String loanBooked(String eventId, String loanId, String occurredAt, String... dueDates) {
        StringBuilder installments = new StringBuilder();
        for (int i = 0; i < dueDates.length; i++) {
            if (i > 0) {
                installments.append(',');
            }
            installments.append("{\"seq\":").append(i + 1).append(",\"dueDate\":\"").append(dueDates[i])
                    .append("\",\"principal\":\"250.00\",\"interest\":\"10.00\",\"fees\":\"0.00\"}");
        }
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"LoanBooked\",\"schemaVersion\":1,\"occurredAt\":\""
                + occurredAt + "\",\"loanId\":\"" + loanId + "\",\"payload\":{\"borrowerId\":\"B-" + loanId
                + "\",\"productCode\":\"CONSUMER-INSTALMENT\",\"currency\":\"CNY\",\"jurisdiction\":\"CN\","
                + "\"timeZone\":\"Asia/Shanghai\",\"principal\":\"" + (250 * dueDates.length) + ".00\","
                + "\"disbursedOn\":\"2026-01-01\",\"installments\":[" + installments + "],\"borrower\":{\"name\":"
                + "{\"first\":\"Wei\",\"middle\":\"\",\"last\":\"Zhang\"},\"locale\":\"zh-CN\",\"timeZone\":"
                + "\"Asia/Shanghai\",\"email\":\"wei@example.com\",\"phone\":\"+8613800000000\"}}}";
    }

    static String payment(String eventId, String loanId, String paymentId, String amount, String receivedOn,
                          String occurredAt) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"PaymentReceived\",\"schemaVersion\":1,\"occurredAt\":\""
                + occurredAt + "\",\"loanId\":\"" + loanId + "\",\"payload\":{\"paymentId\":\"" + paymentId
                + "\",\"amount\":\"" + amount + "\",\"receivedOn\":\"" + receivedOn
                + "\",\"channel\":\"BANK_TRANSFER\"}}";
    }

    static String reversal(String eventId, String loanId, String paymentId, String occurredAt) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"PaymentReversed\",\"schemaVersion\":1,\"occurredAt\":\""
                + occurredAt + "\",\"loanId\":\"" + loanId + "\",\"payload\":{\"paymentId\":\"" + paymentId
                + "\",\"reason\":\"NSF\"}}";
    }

    /** An SQS event as Lambda delivers it: one record per body, message ids m1, m2, … */
    static String sqsBatch(List<String> bodies) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (int i = 0; i < bodies.size(); i++) {
            ObjectNode r = records.addObject();
            r.put("messageId", "m" + (i + 1));
            r.put("receiptHandle", "rh" + (i + 1));
            r.put("body", bodies.get(i));
            r.putObject("attributes").put("ApproximateReceiveCount", "1");
            r.putObject("messageAttributes");
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", "arn:aws:sqs:us-east-1:000000000000:collections-events");
            r.put("awsRegion", "us-east-1");
        }
        return root.toString();
    }
}

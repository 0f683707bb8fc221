package com.overdue.collections.lambda.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.port.WorkItem;

import java.io.IOException;
import java.time.LocalDate;

/** The body of a work message on the {@code collections-work} topic and its worker queues: ids and figures only. */
public final class WorkItemJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WorkItemJson() {
    }

    public static String write(WorkItem item) {
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

    /** Reads a work message; a malformed one is an {@link IllegalArgumentException} naming the field. */
    public static WorkItem read(String json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("work message is not JSON: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("work message must be a JSON object");
        }
        return new WorkItem(text(n, "loanId"), text(n, "borrowerId"), date(n, "businessDate"), text(n, "timeZone"),
                n.path("daysPastDue").asInt(), text(n, "severity"), text(n, "bucket"), text(n, "overdueAmount"),
                text(n, "currency"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("work message: " + field + " is required");
        }
        return v.asText();
    }

    private static LocalDate date(JsonNode n, String field) {
        try {
            return LocalDate.parse(text(n, field));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("work message: " + field + " must be yyyy-MM-dd");
        }
    }
}

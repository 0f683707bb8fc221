package com.overdue.collections.lambda.sqs;

import com.overdue.collections.core.port.WorkItem;
import com.overdue.collections.lambda.json.DocumentMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The body of a work message on the {@code collections-work} topic and its worker queues (docs/events.md): ids and
 * figures only. A wire contract, so no version field: it only ever gains optional fields, which readers ignore.
 * {@code key} is written for consumers that dedupe on it and not read back (it is derived).
 */
@RegisterForReflection
public record WorkItemMessage(String key, String loanId, String borrowerId, String businessDate, String timeZone,
                              Integer daysPastDue, String severity, String bucket, String overdueAmount,
                              String currency) {

    private static final String WHAT = "work message";

    public static WorkItemMessage from(WorkItem item) {
        return new WorkItemMessage(item.key(), item.loanId(), item.borrowerId(), item.businessDate().toString(),
                item.timeZone(), item.daysPastDue(), item.severity(), item.bucket(), item.overdueAmount(),
                item.currency());
    }

    /** The message as published. */
    public static String write(WorkItem item) {
        return DocumentMapper.write(from(item));
    }

    /** Reads a work message; a malformed one is an {@link IllegalArgumentException} naming the field. */
    public static WorkItem read(String json) {
        return DocumentMapper.read(json, WorkItemMessage.class, WHAT).toDomain();
    }

    public WorkItem toDomain() {
        LocalDate date;
        try {
            date = LocalDate.parse(required("businessDate", businessDate));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(WHAT + ": businessDate must be yyyy-MM-dd");
        }
        return new WorkItem(required("loanId", loanId), required("borrowerId", borrowerId), date,
                required("timeZone", timeZone), daysPastDue == null ? 0 : daysPastDue, required("severity", severity),
                required("bucket", bucket), required("overdueAmount", overdueAmount), required("currency", currency));
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(WHAT + ": " + field + " is required");
        }
        return value;
    }
}

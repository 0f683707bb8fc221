package com.overdue.collections.lambda.engine;

import java.util.Optional;
import java.util.function.Function;

/**
 * Every deployment value of the engine, with the one set of defaults ({@link #defaults()}) that Lambda and the local
 * runner share; a deployment overrides a value with its property (or the environment variable Lambda maps to it).
 *
 * @param tableName         the single DynamoDB table ({@value #TABLE_NAME})
 * @param reviewShards      shards of the sparse review index the daily scan queries ({@value #REVIEW_SHARDS})
 * @param deferShards       shards of the contact ledger's waiting contacts the sweep queries ({@value #DEFER_SHARDS})
 * @param sweepBatchSize    waiting contacts the sweep reads per page ({@value #SWEEP_BATCH_SIZE})
 * @param workTopicArn      SNS topic of the daily workers' work items, {@code null} when not set
 *                          ({@value #WORK_TOPIC_ARN})
 * @param actionsTopicArn   SNS topic of collection actions, {@code null} when not set ({@value #ACTIONS_TOPIC_ARN})
 * @param reportBucket      S3 bucket of the credit-bureau files, {@code null} when not set ({@value #REPORT_BUCKET})
 * @param emailFrom         sender address of reminder e-mails ({@value #EMAIL_FROM})
 * @param unsubscribeMailto the List-Unsubscribe mailto of reminder e-mails ({@value #UNSUBSCRIBE_MAILTO})
 * @param smsSenderId       alphanumeric SMS sender id ({@value #SMS_SENDER_ID})
 */
public record EngineSettings(String tableName, int reviewShards, int deferShards, int sweepBatchSize,
                             String workTopicArn, String actionsTopicArn, String reportBucket, String emailFrom,
                             String unsubscribeMailto, String smsSenderId) {

    public static final String TABLE_NAME = "collections.table-name";
    public static final String REVIEW_SHARDS = "collections.review-shards";
    public static final String DEFER_SHARDS = "collections.reminders.defer-shards";
    public static final String SWEEP_BATCH_SIZE = "collections.reminders.sweep-batch-size";
    public static final String WORK_TOPIC_ARN = "collections.work-topic-arn";
    public static final String ACTIONS_TOPIC_ARN = "collections.actions-topic-arn";
    public static final String REPORT_BUCKET = "collections.report-bucket";
    public static final String EMAIL_FROM = "collections.reminders.email-from";
    public static final String UNSUBSCRIBE_MAILTO = "collections.reminders.unsubscribe-mailto";
    public static final String SMS_SENDER_ID = "collections.reminders.sms-sender-id";

    private static final EngineSettings DEFAULTS = new EngineSettings("collections", 16, 4, 100, null, null, null,
            "reminders@example.com", "mailto:unsubscribe@example.com", "COLLECT");

    public EngineSettings {
        require(tableName, TABLE_NAME);
        require(emailFrom, EMAIL_FROM);
        require(unsubscribeMailto, UNSUBSCRIBE_MAILTO);
        require(smsSenderId, SMS_SENDER_ID);
        // ReviewSchedule checks the review shards' range itself; these two have no other guard.
        if (deferShards < 1) {
            throw new IllegalArgumentException(DEFER_SHARDS + " must be at least 1, was " + deferShards);
        }
        if (sweepBatchSize < 1) {
            throw new IllegalArgumentException(SWEEP_BATCH_SIZE + " must be at least 1, was " + sweepBatchSize);
        }
        workTopicArn = blankToNull(workTopicArn);
        actionsTopicArn = blankToNull(actionsTopicArn);
        reportBucket = blankToNull(reportBucket);
    }

    /** The defaults: the only place a default value of a deployment setting is written down. */
    public static EngineSettings defaults() {
        return DEFAULTS;
    }

    /**
     * The settings with each value read by its property name ({@link #TABLE_NAME} …); a property {@code lookup}
     * does not have keeps its default.
     */
    public static EngineSettings fromProperties(Function<String, Optional<String>> lookup) {
        EngineSettings d = DEFAULTS;
        return new EngineSettings(
                text(lookup, TABLE_NAME, d.tableName),
                number(lookup, REVIEW_SHARDS, d.reviewShards),
                number(lookup, DEFER_SHARDS, d.deferShards),
                number(lookup, SWEEP_BATCH_SIZE, d.sweepBatchSize),
                text(lookup, WORK_TOPIC_ARN, d.workTopicArn),
                text(lookup, ACTIONS_TOPIC_ARN, d.actionsTopicArn),
                text(lookup, REPORT_BUCKET, d.reportBucket),
                text(lookup, EMAIL_FROM, d.emailFrom),
                text(lookup, UNSUBSCRIBE_MAILTO, d.unsubscribeMailto),
                text(lookup, SMS_SENDER_ID, d.smsSenderId));
    }

    /** These settings on another table (benchmarks keep a warm-up table beside the measured one). */
    public EngineSettings withTableName(String name) {
        return new EngineSettings(name, reviewShards, deferShards, sweepBatchSize, workTopicArn, actionsTopicArn,
                reportBucket, emailFrom, unsubscribeMailto, smsSenderId);
    }

    /** These settings with another number of review shards (the scan benchmark measures several). */
    public EngineSettings withReviewShards(int shards) {
        return new EngineSettings(tableName, shards, deferShards, sweepBatchSize, workTopicArn, actionsTopicArn,
                reportBucket, emailFrom, unsubscribeMailto, smsSenderId);
    }

    private static String text(Function<String, Optional<String>> lookup, String name, String fallback) {
        return lookup.apply(name).map(String::trim).filter(v -> !v.isEmpty()).orElse(fallback);
    }

    private static int number(Function<String, Optional<String>> lookup, String name, int fallback) {
        String value = text(lookup, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

package com.overdue.collections.lambda.dynamodb;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code LOAN#<id> / META}: the loan snapshot (one JSON attribute), a few plain attributes for the console and
 * queries, the optimistic-locking version, and the sparse work-queue index keys (absent once no review is due).
 */
@RegisterForReflection
public class LoanItem {
    private String pk;
    private String sk;
    private Long version;
    private String borrowerId;
    private String timeZone;
    private String asOf;
    private Integer daysPastDue;
    private String severity;
    private String bucket;
    private String snapshot;
    private String reviewShard;
    private String reviewAt;

    public String getPk() { return pk; }
    public void setPk(String pk) { this.pk = pk; }

    public String getSk() { return sk; }
    public void setSk(String sk) { this.sk = sk; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }

    public String getBorrowerId() { return borrowerId; }
    public void setBorrowerId(String borrowerId) { this.borrowerId = borrowerId; }

    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }

    public String getAsOf() { return asOf; }
    public void setAsOf(String asOf) { this.asOf = asOf; }

    public Integer getDaysPastDue() { return daysPastDue; }
    public void setDaysPastDue(Integer daysPastDue) { this.daysPastDue = daysPastDue; }

    public String getSeverity() { return severity; }
    public void setSeverity(String severity) { this.severity = severity; }

    public String getBucket() { return bucket; }
    public void setBucket(String bucket) { this.bucket = bucket; }

    public String getSnapshot() { return snapshot; }
    public void setSnapshot(String snapshot) { this.snapshot = snapshot; }
    public String getReviewShard() { return reviewShard; }
    public void setReviewShard(String reviewShard) { this.reviewShard = reviewShard; }
    public String getReviewAt() { return reviewAt; }
    public void setReviewAt(String reviewAt) { this.reviewAt = reviewAt; }
}

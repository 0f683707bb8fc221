package com.overdue.collections.lambda.dynamodb;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code LOAN#<id> / BUCKET#<date>#v<version>}: one bucket/severity change, immutable history. */
@RegisterForReflection
public class DelinquencyChangeItem {
    private String pk;
    private String sk;
    private String on;
    private String fromBucket;
    private String toBucket;
    private String fromSeverity;
    private String toSeverity;
    private Integer daysPastDue;
    private String cause;

    public String getPk() { return pk; }
    public void setPk(String pk) { this.pk = pk; }

    public String getSk() { return sk; }
    public void setSk(String sk) { this.sk = sk; }

    public String getOn() { return on; }
    public void setOn(String on) { this.on = on; }

    public String getFromBucket() { return fromBucket; }
    public void setFromBucket(String fromBucket) { this.fromBucket = fromBucket; }

    public String getToBucket() { return toBucket; }
    public void setToBucket(String toBucket) { this.toBucket = toBucket; }

    public String getFromSeverity() { return fromSeverity; }
    public void setFromSeverity(String fromSeverity) { this.fromSeverity = fromSeverity; }

    public String getToSeverity() { return toSeverity; }
    public void setToSeverity(String toSeverity) { this.toSeverity = toSeverity; }

    public Integer getDaysPastDue() { return daysPastDue; }
    public void setDaysPastDue(Integer daysPastDue) { this.daysPastDue = daysPastDue; }

    public String getCause() { return cause; }
    public void setCause(String cause) { this.cause = cause; }
}

package com.overdue.collections.lambda.function;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The scheduler's input to {@code overdueScan}: the time zone to scan and, optionally, an explicit business date. */
@RegisterForReflection
public class ScanRequest {
    private String timeZone;
    private String businessDate;

    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }

    public String getBusinessDate() { return businessDate; }
    public void setBusinessDate(String businessDate) { this.businessDate = businessDate; }
}

package com.overdue.collections.lambda.function;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The input of {@code creditReportExport}: empty from the monthly schedule (the latest completed cycle), or an
 * explicit {@code cycleDate} (yyyy-MM-dd) to run or re-run one cycle on demand.
 */
@RegisterForReflection
public class CreditReportRequest {
    private String cycleDate;

    public String getCycleDate() { return cycleDate; }
    public void setCycleDate(String cycleDate) { this.cycleDate = cycleDate; }
}

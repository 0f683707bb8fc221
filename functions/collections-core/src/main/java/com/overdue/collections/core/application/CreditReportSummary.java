package com.overdue.collections.core.application;

import java.time.LocalDate;
import java.util.Map;

/**
 * What one credit-report export did, for the function's result, logs and metrics (ids and counts only).
 *
 * @param fileLocation where the Metro 2 file went, or null when there was nothing to submit
 * @param statusCounts base segments written per Metro 2 Account Status code
 */
public record CreditReportSummary(LocalDate cycleDate, String fileLocation, String manifestLocation, String sha256,
                                  int loansScanned, int reported, int withheldPendingNotice, int rejected,
                                  int droppedAfterFinalReport, int notReportable, int noticesPublished,
                                  int corrections, int reRunRecords, Map<String, Integer> statusCounts) {

    public CreditReportSummary {
        statusCounts = Map.copyOf(statusCounts);
    }
}

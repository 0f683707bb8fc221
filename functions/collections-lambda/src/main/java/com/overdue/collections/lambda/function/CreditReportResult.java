package com.overdue.collections.lambda.function;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/** What {@code creditReportExport} returns: where the file and manifest went, and counts (no personal data). */
@RegisterForReflection
public record CreditReportResult(String cycleDate, String fileLocation, String manifestLocation, String sha256,
                                 int loansScanned, int reported, int withheldPendingNotice, int rejected,
                                 int droppedAfterFinalReport, int notReportable, int noticesPublished,
                                 int corrections, int reRunRecords, Map<String, Integer> statusCounts) {
}

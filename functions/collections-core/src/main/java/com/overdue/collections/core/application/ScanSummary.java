package com.overdue.collections.core.application;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** What one run of the daily overdue scan did, for the function's result, logs and metrics. */
public record ScanSummary(String timeZone, LocalDate businessDate, int loansScanned, int workItemsSent,
                          int delinquencyChanges, int loansLeftIndex, Map<String, Integer> loansBySeverity,
                          Map<String, Integer> loansByBucket) {

    /** Accumulates the counts while the scan runs. */
    static final class Counter {
        int scanned;
        int sent;
        int changes;
        int leftIndex;
        final Map<String, Integer> bySeverity = new TreeMap<>();
        final Map<String, Integer> byBucket = new TreeMap<>();

        ScanSummary toSummary(String zone, LocalDate date) {
            return new ScanSummary(zone, date, scanned, sent, changes, leftIndex, Map.copyOf(bySeverity),
                    Map.copyOf(byBucket));
        }
    }
}

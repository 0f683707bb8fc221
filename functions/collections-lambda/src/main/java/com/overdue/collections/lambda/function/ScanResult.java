package com.overdue.collections.lambda.function;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/** What {@code overdueScan} returns to the scheduler (and to whoever invokes it by hand). */
@RegisterForReflection
public record ScanResult(String timeZone, String businessDate, int loansScanned, int workItemsSent,
                         int delinquencyChanges, int loansLeftIndex, Map<String, Integer> loansBySeverity,
                         Map<String, Integer> loansByBucket) {
}

package com.overdue.collections.core.port;

import java.util.List;

/** One page of loans due for review from the sparse work-queue index, and where the next page starts. */
public record ReviewPage(List<LoanRecord> loans, String nextCursor) {
}

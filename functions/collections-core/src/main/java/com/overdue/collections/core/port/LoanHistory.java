package com.overdue.collections.core.port;

import java.util.List;

/** A loan record with its applied events: everything a replay of the loan needs, read together. */
public record LoanHistory(LoanRecord loan, List<StoredEvent> events) {

    public LoanHistory {
        events = List.copyOf(events);
    }
}

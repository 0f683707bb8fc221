package com.overdue.collections.core.metro2;

import java.util.List;
import java.util.Objects;

/**
 * An account the writer left out of the file because its base segment would not be valid Metro 2, with every reason
 * found. The file stays valid; the caller decides what to do about the account (fix the data, report next cycle).
 */
public record RejectedAccount(String consumerAccountNumber, List<String> reasons) {

    public RejectedAccount {
        Objects.requireNonNull(consumerAccountNumber, "consumerAccountNumber");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("A rejected account needs at least one reason");
        }
    }
}

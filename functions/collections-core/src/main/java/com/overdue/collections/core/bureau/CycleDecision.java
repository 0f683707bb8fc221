package com.overdue.collections.core.bureau;

import java.util.Objects;

/**
 * What a cycle decided for one account: the record to keep (and render, when reported), and whether the notice
 * before negative reporting goes out in this run.
 */
public record CycleDecision(BureauRecord record, boolean publishNotice) {

    public CycleDecision {
        Objects.requireNonNull(record, "record");
    }
}

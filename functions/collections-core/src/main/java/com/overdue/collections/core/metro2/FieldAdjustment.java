package com.overdue.collections.core.metro2;

import java.util.Objects;

/**
 * A value the writer had to change to fit the Metro 2 format, flagged for review. Names the account and the field,
 * never the value itself: the flag ends up in logs and reports, which carry ids only (RULES §8).
 */
public record FieldAdjustment(String consumerAccountNumber, String field, Kind kind, String detail) {

    /** What happened to the value. */
    public enum Kind {
        /** Letters mapped to their plain A–Z spelling (É→E). Nothing lost but the accent. */
        TRANSLITERATED,
        /** Characters with no Metro 2 spelling (Chinese, emoji, control characters) replaced by blanks. */
        BLANKED,
        /** Text longer than the field, cut at the field's width. */
        TRUNCATED,
        /** The value cannot be expressed in the field and was left out (zero- or blank-filled). */
        OMITTED
    }

    public FieldAdjustment {
        Objects.requireNonNull(consumerAccountNumber, "consumerAccountNumber");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}

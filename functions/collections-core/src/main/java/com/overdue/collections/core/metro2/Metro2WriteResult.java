package com.overdue.collections.core.metro2;

import java.util.List;
import java.util.Objects;

/**
 * What writing a Metro 2 file did: the trailer totals written, the values changed to fit the format (flagged for
 * review) and the accounts left out because they could not be valid Metro 2.
 */
public record Metro2WriteResult(Metro2TrailerTotals totals, List<FieldAdjustment> adjustments,
                                List<RejectedAccount> rejected) {

    public Metro2WriteResult {
        Objects.requireNonNull(totals, "totals");
        adjustments = List.copyOf(adjustments);
        rejected = List.copyOf(rejected);
    }

    public int baseRecordsWritten() {
        return totals.totalBaseRecords();
    }

    /**
     * A file without base segments is still well-formed, but moov-io/metro2 rejects it (Total Base Records is a
     * required, non-zero field) and there is nothing for a bureau to load: do not submit it.
     */
    public boolean submittable() {
        return baseRecordsWritten() > 0;
    }
}

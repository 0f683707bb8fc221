package com.overdue.collections.core.application;

import com.overdue.collections.core.delinquency.DelinquencyChange;
import com.overdue.collections.core.ingest.EventRejection;

/** What became of one incoming event. */
public sealed interface IngestOutcome {

    /** Applied: the ledger changed (and the delinquency status possibly with it). */
    record Applied(String eventId, String type, String loanId, String borrowerId, DelinquencyChange change)
            implements IngestOutcome {
    }

    /** Already applied (same eventId, or the same payment under another eventId): nothing changed. */
    record Duplicate(String eventId, String type, String loanId, String why) implements IngestOutcome {
    }

    /**
     * Refused: breaks the contract or refers to something unknown, or ({@code conflict}) reuses an applied eventId
     * with other content or a received paymentId with another amount. The message must go to the DLQ.
     */
    record Rejected(EventRejection rejection, boolean conflict) implements IngestOutcome {

        public Rejected(EventRejection rejection) {
            this(rejection, false);
        }
    }
}

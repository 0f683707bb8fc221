package com.overdue.collections.core.escalation;

import com.overdue.collections.core.ingest.CollectionsEvent;
import com.overdue.collections.core.ingest.EventPayload.ContactOutcomeRecorded;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A recorded contact outcome (ContactOutcomeRecorded): channel, when, what happened. Taken from the loan's event
 * history at decision time (the escalation step replays it anyway), so a late outcome is simply included.
 */
public record ContactOutcome(String eventId, String channel, Instant at, String outcome) {

    private static final Set<String> CONNECTED = Set.of("RIGHT_PARTY_CONTACT", "REFUSED_TO_PAY", "CANNOT_PAY");
    private static final Set<String> FAILED = Set.of("NO_ANSWER", "WRONG_NUMBER", "LETTER_RETURNED");

    /** A conversation with the borrower took place (an effective call, in the CN standard's words). */
    public boolean connected() {
        return CONNECTED.contains(outcome);
    }

    /** The attempt did not reach the borrower. */
    public boolean failed() {
        return FAILED.contains(outcome);
    }

    /** The outcomes in the history up to {@code until}, oldest first. */
    public static List<ContactOutcome> from(List<CollectionsEvent> history, Instant until) {
        return history.stream().filter(e -> e.payload() instanceof ContactOutcomeRecorded)
                .map(e -> {
                    ContactOutcomeRecorded c = (ContactOutcomeRecorded) e.payload();
                    return new ContactOutcome(e.eventId(), c.channel(), c.at(), c.outcome());
                })
                .filter(c -> !c.at().isAfter(until))
                .sorted(Comparator.comparing(ContactOutcome::at).thenComparing(ContactOutcome::eventId))
                .toList();
    }
}

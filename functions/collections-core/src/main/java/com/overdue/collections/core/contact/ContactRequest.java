package com.overdue.collections.core.contact;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One contact to evaluate: who, on which channel, why, at which instant, in which time zone the borrower lives, the
 * conditions from the borrower's loans, and the contacts already made (newest last) that caps and call limits count.
 */
public record ContactRequest(String borrowerId, Channel channel, ContactPurpose purpose, Instant at,
                             ZoneId borrowerZone, ContactConditions conditions, List<PastContact> history) {

    public ContactRequest {
        Objects.requireNonNull(borrowerId, "borrowerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(borrowerZone, "borrowerZone");
        Objects.requireNonNull(conditions, "conditions");
        history = List.copyOf(history);
    }

    /** The same request asked at another instant (a rule pack looks for the next allowed moment this way). */
    public ContactRequest at(Instant instant) {
        return new ContactRequest(borrowerId, channel, purpose, instant, borrowerZone, conditions, history);
    }
}

package com.overdue.collections.core.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * No contact between {@code from} (inclusive) and {@code until} (exclusive), borrower local time; a contact asked
 * for inside the window is deferred to the next {@code until}. Local times come from the borrower's zone rules, so
 * the window follows daylight-saving changes (08:00 New York is 13:00Z in winter and 12:00Z in summer).
 */
public record QuietHoursRule(LocalTime from, LocalTime until, Set<Channel> channels, String basis)
        implements ContactRule {

    public static final String NAME = "quietHours";

    public QuietHoursRule {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (from.equals(until)) {
            throw new IllegalArgumentException("quiet hours from " + from + " until " + until + " is an empty window");
        }
        channels = Set.copyOf(channels);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ContactDecision evaluate(ContactRequest request) {
        ZonedDateTime local = request.at().atZone(request.borrowerZone());
        LocalTime time = local.toLocalTime();
        boolean overnight = from.isAfter(until);
        boolean quiet = overnight ? !time.isBefore(from) || time.isBefore(until)
                : !time.isBefore(from) && time.isBefore(until);
        if (!quiet) {
            return ContactDecision.allow();
        }
        LocalDate day = overnight && !time.isBefore(from) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        // ZonedDateTime.of moves a local time that falls in a DST gap forward by the gap: still the first allowed moment.
        Instant next = ZonedDateTime.of(day, until, request.borrowerZone()).toInstant();
        return new ContactDecision.Defer(next, NAME, "local time " + time.withNano(0) + " " + request.borrowerZone()
                + " is inside quiet hours " + from + "-" + until);
    }
}

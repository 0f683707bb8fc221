package com.overdue.collections.core.contact;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reg F call frequency (12 CFR 1006.14(b)(2)): no more than {@code maxAttempts} call attempts within
 * {@code windowDays} consecutive days, and no call within {@code daysAfterConversation} consecutive days after a
 * telephone conversation, the day of the conversation being the first of them. Days are the borrower's local dates.
 * The history given is that of one debt: the caller passes the attempts for the loan being called about.
 */
public record CallFrequencyRule(int maxAttempts, int windowDays, int daysAfterConversation, String basis)
        implements ContactRule {

    public static final String NAME = "callFrequency";

    public CallFrequencyRule {
        if (maxAttempts < 1 || windowDays < 1 || daysAfterConversation < 0) {
            throw new IllegalArgumentException("callFrequency needs maxAttempts >= 1, windowDays >= 1 and "
                    + "daysAfterConversation >= 0");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.CALL);
    }

    @Override
    public ContactDecision evaluate(ContactRequest request) {
        ZoneId zone = request.borrowerZone();
        LocalDate today = request.at().atZone(zone).toLocalDate();
        List<PastContact> calls = request.history().stream()
                .filter(c -> c.channel() == Channel.CALL && !c.at().isAfter(request.at())).toList();
        Optional<LocalDate> lastConversation = calls.stream().filter(PastContact::conversation)
                .map(c -> c.at().atZone(zone).toLocalDate()).max(LocalDate::compareTo);
        if (lastConversation.isPresent() && today.isBefore(lastConversation.get().plusDays(daysAfterConversation))) {
            LocalDate free = lastConversation.get().plusDays(daysAfterConversation);
            return new ContactDecision.Defer(free.atStartOfDay(zone).toInstant(), NAME,
                    "telephone conversation on " + lastConversation.get() + ": no call for " + daysAfterConversation
                            + " days");
        }
        LocalDate windowStart = today.minusDays(windowDays - 1L);
        List<LocalDate> inWindow = calls.stream().map(c -> c.at().atZone(zone).toLocalDate())
                .filter(d -> !d.isBefore(windowStart)).sorted().toList();
        if (inWindow.size() < maxAttempts) {
            return ContactDecision.allow();
        }
        // The window must drop all but maxAttempts - 1 of these attempts: it starts after the one that must go last.
        LocalDate free = inWindow.get(inWindow.size() - maxAttempts).plusDays(windowDays);
        return new ContactDecision.Defer(free.atStartOfDay(zone).toInstant(), NAME,
                inWindow.size() + " call attempts since " + windowStart + " (limit " + maxAttempts + " in "
                        + windowDays + " days)");
    }
}

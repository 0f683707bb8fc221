package com.overdue.collections.core.contact;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * At most {@code maxPerDay} effective calls (calls that became a conversation with the borrower) per borrower per
 * local day; a further call waits for the next local day (RULES §5, CN: ≤ 3 effective voice calls a day).
 */
public record DailyConversationLimitRule(int maxPerDay, String basis) implements ContactRule {

    public static final String NAME = "dailyConversationLimit";

    public DailyConversationLimitRule {
        if (maxPerDay < 0) {
            throw new IllegalArgumentException("maxPerDay must not be negative: " + maxPerDay);
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
        LocalDate day = request.at().atZone(zone).toLocalDate();
        long conversations = request.history().stream()
                .filter(c -> c.channel() == Channel.CALL && c.conversation()
                        && c.at().atZone(zone).toLocalDate().equals(day))
                .count();
        if (conversations < maxPerDay) {
            return ContactDecision.allow();
        }
        return new ContactDecision.Defer(day.plusDays(1).atStartOfDay(zone).toInstant(), NAME,
                conversations + " effective calls already on " + day + " (limit " + maxPerDay + ")");
    }
}

package com.overdue.collections.core.contact;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * At most {@code limits[channel]} contacts per channel per borrower per local day (RULES §5: 1 SMS and 1 e-mail by
 * default); one more is deferred to the start of the next local day, where the other rules (quiet hours) apply.
 */
public record DailyCapRule(Map<Channel, Integer> limits, String basis) implements ContactRule {

    public static final String NAME = "dailyCap";

    public DailyCapRule {
        limits.forEach((channel, limit) -> {
            if (limit < 0) {
                throw new IllegalArgumentException("daily cap for " + channel + " must not be negative: " + limit);
            }
        });
        limits = Map.copyOf(new EnumMap<>(limits));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Channel> channels() {
        return limits.keySet();
    }

    @Override
    public ContactDecision evaluate(ContactRequest request) {
        int limit = limits.get(request.channel());
        ZoneId zone = request.borrowerZone();
        LocalDate day = request.at().atZone(zone).toLocalDate();
        long made = request.history().stream()
                .filter(c -> c.channel() == request.channel() && c.at().atZone(zone).toLocalDate().equals(day))
                .count();
        if (made < limit) {
            return ContactDecision.allow();
        }
        return new ContactDecision.Defer(day.plusDays(1).atStartOfDay(zone).toInstant(), NAME,
                made + " " + request.channel() + " already sent on " + day + " (cap " + limit + " a day)");
    }
}

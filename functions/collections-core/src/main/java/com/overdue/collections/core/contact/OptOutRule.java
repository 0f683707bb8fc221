package com.overdue.collections.core.contact;

import java.util.Set;

/** A channel the borrower opted out of is not used (12 CFR 1006.6(e) for electronic messages; policy elsewhere). */
public record OptOutRule(Set<Channel> channels, String basis) implements ContactRule {

    public static final String NAME = "optOut";

    public OptOutRule {
        channels = Set.copyOf(channels);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ContactDecision evaluate(ContactRequest request) {
        return request.conditions().optOut().contains(request.channel())
                ? new ContactDecision.Suppress(NAME, "borrower opted out of " + request.channel())
                : ContactDecision.allow();
    }
}

package com.overdue.collections.core.contact;

import java.util.Set;

/** After a cease-communication request only legally required notices go out (12 CFR 1006.6(c)). */
public record CeaseCommunicationRule(Set<Channel> channels, String basis) implements ContactRule {

    public static final String NAME = "ceaseCommunication";

    public CeaseCommunicationRule {
        channels = Set.copyOf(channels);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ContactDecision evaluate(ContactRequest request) {
        if (!request.conditions().ceaseCommunication()
                || request.purpose() == ContactPurpose.LEGALLY_REQUIRED_NOTICE) {
            return ContactDecision.allow();
        }
        return new ContactDecision.Suppress(NAME, "borrower asked to cease communication; " + request.purpose()
                + " is not a legally required notice");
    }
}

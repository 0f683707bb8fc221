package com.overdue.collections.core.contact;

import java.util.Set;

/** A complaint pauses contact on the channel complained about until it is reviewed (RULES §8). */
public record ComplaintPauseRule(Set<Channel> channels, String basis) implements ContactRule {

    public static final String NAME = "complaintPause";

    public ComplaintPauseRule {
        channels = Set.copyOf(channels);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ContactDecision evaluate(ContactRequest request) {
        return request.conditions().complaintChannels().contains(request.channel())
                ? new ContactDecision.Suppress(NAME, "complaint about " + request.channel() + " under review")
                : ContactDecision.allow();
    }
}

package com.overdue.collections.core.contact;

import java.util.Set;

/**
 * Collection stops on a disputed debt until the dispute is resolved (15 U.S.C. 1692g(b)). A contact about several
 * loans may still go when some of them are not disputed; the message then leaves the disputed ones out. Legally
 * required notices are not collection and are not held.
 */
public record OpenDisputeRule(Set<Channel> channels, String basis) implements ContactRule {

    public static final String NAME = "openDispute";

    public OpenDisputeRule {
        channels = Set.copyOf(channels);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ContactDecision evaluate(ContactRequest request) {
        ContactConditions c = request.conditions();
        if (request.purpose() == ContactPurpose.LEGALLY_REQUIRED_NOTICE || !c.everyLoanDisputed()) {
            return ContactDecision.allow();
        }
        return new ContactDecision.Suppress(NAME, "open dispute on every loan of the contact " + c.disputedLoanIds());
    }
}

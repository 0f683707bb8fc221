package com.overdue.collections.core.contact;

import java.util.Set;

/**
 * One contact policy (STYLE: a rule pack is a list of them). A rule answers for the request's instant only; the
 * rule pack combines the answers and looks for the next moment every rule allows.
 */
public interface ContactRule {

    /** The rule's name as it appears in contact records and rule-pack files, e.g. {@code quietHours}. */
    String name();

    /** The law or policy the rule implements, recorded with every evaluation. */
    String basis();

    /** The channels the rule speaks about; for the others it is not asked. */
    Set<Channel> channels();

    ContactDecision evaluate(ContactRequest request);
}

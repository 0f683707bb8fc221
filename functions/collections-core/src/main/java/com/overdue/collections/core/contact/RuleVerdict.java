package com.overdue.collections.core.contact;

/** One rule's answer in an evaluation, kept in the contact record so that each decision can be proved later. */
public record RuleVerdict(String rule, String basis, ContactDecision decision) {
}

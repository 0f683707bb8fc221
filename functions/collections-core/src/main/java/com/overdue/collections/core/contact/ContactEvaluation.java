package com.overdue.collections.core.contact;

import java.time.Instant;
import java.util.List;

/**
 * A rule pack's answer for one contact: the decision, every applicable rule's verdict at the instant asked, and
 * which rule pack (jurisdiction and file digest) decided, so a compliance officer can re-run the same rules.
 */
public record ContactEvaluation(ContactDecision decision, List<RuleVerdict> verdicts, String rulePack,
                                String rulePackVersion, Instant evaluatedAt) {

    public ContactEvaluation {
        verdicts = List.copyOf(verdicts);
    }
}

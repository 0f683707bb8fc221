package com.overdue.collections.core.bureau;

import com.overdue.collections.core.metro2.ComplianceConditionCode;
import com.overdue.collections.core.ledger.LoanConditions;

import java.util.Comparator;

/**
 * The Compliance Condition Code of a cycle from the loan's disputes (RULES §7): XB while any dispute is open; once
 * the last one is resolved, XH (or XC when the consumer disagrees with the result) in the first cycle after the
 * bureau was told XB; blank afterwards, which the bureaus read as "no change" and so keep the XH/XC on file.
 */
public final class ComplianceCodePolicy {

    public ComplianceConditionCode codeFor(LoanConditions conditions, ComplianceConditionCode previouslyReported) {
        if (conditions.hasOpenDispute()) {
            return ComplianceConditionCode.XB;
        }
        if (previouslyReported != ComplianceConditionCode.XB) {
            return ComplianceConditionCode.NONE;
        }
        return conditions.disputes().stream()
                .filter(d -> !d.isOpen())
                .max(Comparator.comparing(LoanConditions.Dispute::resolvedOn))
                .map(d -> d.consumerDisagrees() ? ComplianceConditionCode.XC : ComplianceConditionCode.XH)
                // XB reported but no dispute in the history any more (a correction): the investigation is closed.
                .orElse(ComplianceConditionCode.XH);
    }
}

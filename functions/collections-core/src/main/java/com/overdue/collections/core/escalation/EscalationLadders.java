package com.overdue.collections.core.escalation;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The escalation ladders per product (from {@code config/escalation/}, listed by {@code index.json}; data under
 * {@code infra/config/escalation}). A product without a ladder is an error naming the product when a loan of it is
 * decided.
 */
public final class EscalationLadders {

    /** The actions the engine publishes (EVENTS.md, "What the engine publishes", plus HARDSHIP_OFFER and the settlement offers' OFFER_MADE). */
    public static final Set<String> ACTIONS = Set.of("CALL_TASK", "LETTER", "FIELD_VISIT", "AGENCY_NOTICE",
            "AGENCY_PLACEMENT", "AGENCY_RECALL", "LEGAL_NOTICE", "LITIGATION_REFERRAL", "ENFORCEMENT_REQUEST",
            "CHARGE_OFF_PROPOSAL", "DEBT_SALE_CANDIDATE", "NEGATIVE_REPORT_NOTICE", "HARDSHIP_OFFER", "OFFER_MADE");

    private final Map<String, EscalationLadder> ladders;

    public EscalationLadders(Map<String, EscalationLadder> ladders) {
        this.ladders = Map.copyOf(ladders);
    }

    /** The ladder of the product; a product without one is a configuration error. */
    public EscalationLadder ladderFor(String productCode) {
        EscalationLadder l = ladders.get(productCode);
        if (l == null) {
            throw new IllegalStateException("no escalation ladder for product \"" + productCode
                    + "\": add config/escalation/" + productCode + ".json and list it in config/escalation/"
                    + "index.json (ladders configured: " + new TreeSet<>(ladders.keySet()) + ")");
        }
        return l;
    }
}

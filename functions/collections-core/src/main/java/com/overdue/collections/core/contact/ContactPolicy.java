package com.overdue.collections.core.contact;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The contact policy: every contact (a reminder, a collection call, a notice) is asked here before it is made, under
 * the rule packs of the jurisdictions of the loans it is about. This is the public API the reminder fan-out and the
 * escalation's call tasks share, so that both are held to the same rules.
 */
public final class ContactPolicy {

    private final RulePacks packs;

    public ContactPolicy(RulePacks packs) {
        this.packs = Objects.requireNonNull(packs, "packs");
    }

    public RulePacks packs() {
        return packs;
    }

    /** Allow, Defer(until) or Suppress(reason) for one contact about loans under the given jurisdictions. */
    public ContactEvaluation evaluate(List<String> jurisdictions, ContactRequest request) {
        if (jurisdictions.isEmpty()) {
            throw new IllegalArgumentException("a contact must be about at least one loan's jurisdiction");
        }
        return packs.forJurisdictions(jurisdictions).evaluate(request);
    }

    /**
     * May a collection call be placed at {@code at}? The one answer for calls (the escalation's call tasks ask it):
     * the call limits of the jurisdiction (CN: at most 3 effective calls a borrower-local day; US Reg F: at most 7
     * attempts within 7 consecutive days per debt and none within 7 days after a telephone conversation, the day of
     * the conversation being the first) together with quiet hours, opt-out, cease-communication, dispute and
     * complaint rules; a deferral is to the next moment every rule allows, in the borrower's zone.
     *
     * @param callHistory the call attempts already made (for US: about the debt being called about), each marked
     *                    whether it became a conversation with the borrower
     */
    public ContactEvaluation evaluateCall(String borrowerId, String jurisdiction, Instant at, ZoneId borrowerZone,
                                          ContactConditions conditions, List<PastContact> callHistory) {
        return evaluate(List.of(jurisdiction), new ContactRequest(borrowerId, Channel.CALL,
                ContactPurpose.COLLECTION_CALL, at, borrowerZone, conditions, callHistory));
    }
}

package com.overdue.collections.core.application;

import com.overdue.collections.core.escalation.EscalationDecision.ActionStatus;
import com.overdue.collections.core.escalation.EscalationDecision.PlannedAction;
import com.overdue.collections.core.escalation.EscalationState;
import com.overdue.collections.core.escalation.EscalationState.Offer;
import com.overdue.collections.core.escalation.EscalationState.OfferOutcome;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.ledger.SettlementOffer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What became of the open settlement offers on a business date, for the escalation step: an offer whose waiver the
 * replay applied is ACCEPTED (the loan is settled), one whose deadline passed without it EXPIRED (as is an open one
 * when the loan is paid or closed otherwise). Each outcome is an
 * action of that day's decision ({@code <decisionId>#OFFER_ACCEPTED#<rule>} / {@code #OFFER_EXPIRED#<rule>}) and is
 * kept in the state, so it is recorded and published once.
 */
record OfferOutcomes(List<Offer> offers, List<PlannedAction> actions, List<String> sentences,
                     Map<String, String> inputs) {

    static final String OFFER_ACCEPTED = "OFFER_ACCEPTED";
    static final String OFFER_EXPIRED = "OFFER_EXPIRED";

    /** The offers of a state (empty for a loan without one), as the replay takes them. */
    static List<SettlementOffer.Terms> termsOf(EscalationState state) {
        return state == null ? List.of() : state.offers().stream().map(Offer::terms).toList();
    }

    /** The outcomes on {@code date} of the open offers of {@code state} for the position replayed with them. */
    static OfferOutcomes on(EscalationState state, LoanPosition position, LocalDate date, String decisionId) {
        List<Offer> offers = new ArrayList<>();
        List<PlannedAction> actions = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        Map<String, String> inputs = new LinkedHashMap<>();
        // A loan paid or closed otherwise can no longer take up an open offer: it lapses with the loan.
        boolean over = position.isClosed() || position.isFullyPaid();
        for (Offer o : state.offers()) {
            SettlementOffer.Terms t = o.terms();
            OfferOutcome outcome = o.outcome() != OfferOutcome.OPEN ? null
                    : t.appliedIn(position) ? OfferOutcome.ACCEPTED
                    : t.expiredOn(date, position) || over ? OfferOutcome.EXPIRED : null;
            if (outcome == null) {
                offers.add(o);
                continue;
            }
            offers.add(o.resolved(outcome, date));
            String action = outcome == OfferOutcome.ACCEPTED ? OFFER_ACCEPTED : OFFER_EXPIRED;
            String currency = t.balance().currency().getCurrencyCode();
            String sentence = outcome == OfferOutcome.ACCEPTED
                    ? "Settlement offer " + t.rule() + " of " + t.madeOn() + " accepted: paid by " + t.deadline()
                    + ", " + currency + " " + t.waived().toPlainString() + " waived (approved by " + t.rule()
                    + "), the loan is settled."
                    : "Settlement offer " + t.rule() + " of " + t.madeOn() + " expired: "
                    + (t.expiredOn(date, position) ? "not paid by " + t.deadline()
                    : "the loan was paid or closed without it") + ", nothing waived.";
            actions.add(new PlannedAction(PlannedAction.idFor(decisionId,
                    action + "#" + t.rule() + "#" + t.madeOn()), action,
                    ActionStatus.PENDING, null, t.rule(), sentence));
            sentences.add(sentence);
            inputs.put("offer." + t.rule() + ".outcome", outcome.name());
        }
        return new OfferOutcomes(offers, actions, sentences, inputs);
    }

    boolean any() {
        return !actions.isEmpty();
    }
}

package com.overdue.collections.core.escalation;

import com.overdue.collections.core.ledger.SettlementOffer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a loan stands on its ladder, kept between daily runs ({@code ESCALATION} item): the stage, the strategy arm,
 * when each stage of the open episode was entered, the actions to publish when the episode ends (e.g. the agency
 * recall), the broken promises already acted on, the holds last recorded, a call task waiting for the contact rules,
 * recent call tasks (they count as attempts), the last decision, and every settlement offer made to the loan (its
 * terms as offered, and whether it was accepted or expired; kept across episodes, since every replay of the history
 * needs them). {@code version} guards concurrent writers.
 */
public record EscalationState(String loanId, String stage, String strategy, LocalDate episodeStartedOn,
                              Map<String, LocalDate> stagesEntered, Set<String> recallActions,
                              Set<String> brokenPromisesActedOn, List<String> heldBy, DeferredAction deferred,
                              List<Instant> callTasksIssued, LocalDate lastDecisionOn, String lastDecisionId,
                              List<Offer> offers, long version) {

    public EscalationState {
        stagesEntered = Map.copyOf(stagesEntered);
        recallActions = Set.copyOf(recallActions);
        brokenPromisesActedOn = Set.copyOf(brokenPromisesActedOn);
        heldBy = List.copyOf(heldBy);
        callTasksIssued = List.copyOf(callTasksIssued);
        offers = List.copyOf(offers);
    }

    /** This state with {@code offers} as the offers made. */
    public EscalationState withOffers(List<Offer> offers) {
        return new EscalationState(loanId, stage, strategy, episodeStartedOn, stagesEntered, recallActions,
                brokenPromisesActedOn, heldBy, deferred, callTasksIssued, lastDecisionOn, lastDecisionId, offers,
                version);
    }

    /** What became of a settlement offer: open until it is accepted (its waiver applied) or its deadline passes. */
    public enum OfferOutcome { OPEN, ACCEPTED, EXPIRED }

    /** A settlement offer made: its terms, its outcome and the business date that outcome was recorded on. */
    public record Offer(SettlementOffer.Terms terms, OfferOutcome outcome, LocalDate resolvedOn) {

        public static Offer open(SettlementOffer.Terms terms) {
            return new Offer(terms, OfferOutcome.OPEN, null);
        }

        public Offer resolved(OfferOutcome outcome, LocalDate on) {
            return new Offer(terms, outcome, on);
        }
    }

    /** A call task the contact rule pack deferred: published once the pack allows it. */
    public record DeferredAction(String actionId, String action, String decisionId, Instant until, String stage) {
    }

    public static EscalationState start(String loanId, String strategy) {
        return new EscalationState(loanId, EscalationLadder.CURRENT, strategy, null, Map.of(), Set.of(), Set.of(),
                List.of(), null, List.of(), null, null, List.of(), 0);
    }
}

package com.overdue.collections.core.port;

import com.overdue.collections.core.escalation.EscalationDecision;
import com.overdue.collections.core.escalation.EscalationState;
import com.overdue.collections.core.ledger.SettlementOffer;

import java.util.List;
import java.util.Optional;

/**
 * Escalation state, decisions and their actions' publication state, per loan. The actions are the engine's outbox
 * for {@code collections-actions} ({@link ActionOutbox}): recorded PENDING with the decision, published after it. The
 * state keeps the settlement offers made (their terms), so the store is also where the replays find them.
 */
public interface EscalationStore extends ActionOutbox, SettlementOffers {

    /** The offers kept in the loan's escalation state (one read of the state). */
    @Override
    default List<SettlementOffer.Terms> madeTo(String loanId) {
        return find(loanId).map(s -> s.offers().stream().map(EscalationState.Offer::terms).toList())
                .orElse(List.of());
    }

    Optional<EscalationState> find(String loanId);

    /**
     * Writes atomically the decision ({@code DECISION#<date>}, only if none exists for that date), its actions
     * ({@code ACTION#<decisionId>#<action>} with their status) and the new state at {@code expectedVersion}.
     *
     * @return {@code false} when a decision for that loan and date already exists (nothing written)
     * @throws StaleLoanException when the state is no longer at the expected version
     */
    boolean record(EscalationDecision decision, EscalationState next, long expectedVersion);

    /** Writes the state alone (a deferred call task published or re-deferred). */
    void saveState(EscalationState next, long expectedVersion);

    /** The actions of a decision still waiting to be published (status PENDING), ready to publish. */
    List<CollectionsAction> pendingActions(String loanId, String decisionId);

    /**
     * Releases a deferred call task: writes atomically the new state at {@code expectedVersion} and the action
     * (from DEFERRED to PENDING, with the message to publish), so that the release is never lost between the two.
     *
     * @throws StaleLoanException when the state is no longer at the expected version
     */
    void release(EscalationState next, long expectedVersion, CollectionsAction action);

    /** Every decision of the loan, oldest first (audit, local report). */
    List<EscalationDecision> decisions(String loanId);
}

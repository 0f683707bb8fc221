package com.overdue.collections.core.application;

import com.overdue.collections.core.escalation.EscalationDecision;
import com.overdue.collections.core.escalation.EscalationDecision.ActionStatus;
import com.overdue.collections.core.escalation.EscalationDecision.PlannedAction;
import com.overdue.collections.core.escalation.EscalationState;
import com.overdue.collections.core.port.CollectionsAction;
import com.overdue.collections.core.port.ActionOutbox.Undelivered;
import com.overdue.collections.core.port.EscalationStore;
import com.overdue.collections.core.port.StaleLoanException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link EscalationStore} in memory with the table's guarantees (one decision per loan and date, version-checked
 * state); it also keeps every state it was given, in order, so a test can see each call task the step issued.
 */
final class InMemoryEscalationStore implements EscalationStore {

    private final Map<String, EscalationState> states = new HashMap<>();
    private final Map<String, List<EscalationDecision>> decisions = new HashMap<>();
    private final Map<String, Map<String, ActionStatus>> statuses = new HashMap<>();
    private final Map<String, Map<String, CollectionsAction>> messages = new HashMap<>();
    private final List<EscalationState> written = new ArrayList<>();

    @Override
    public synchronized Optional<EscalationState> find(String loanId) {
        return Optional.ofNullable(states.get(loanId));
    }

    @Override
    public synchronized boolean record(EscalationDecision decision, EscalationState next, long expectedVersion) {
        String loanId = decision.loanId();
        if (decisions.getOrDefault(loanId, List.of()).stream()
                .anyMatch(d -> d.businessDate().equals(decision.businessDate()))) {
            return false;
        }
        checkVersion(loanId, expectedVersion);
        decisions.computeIfAbsent(loanId, k -> new ArrayList<>()).add(decision);
        Map<String, ActionStatus> status = statuses.computeIfAbsent(loanId, k -> new LinkedHashMap<>());
        Map<String, CollectionsAction> bodies = messages.computeIfAbsent(loanId, k -> new LinkedHashMap<>());
        for (PlannedAction a : decision.actions()) {
            status.put(a.actionId(), a.status());
            bodies.put(a.actionId(), new CollectionsAction(a.actionId(), a.action(), loanId, decision.borrowerId(),
                    decision.to(), decision.decisionId(), decision.businessDate(), decision.explanation()));
        }
        store(next, expectedVersion);
        return true;
    }

    @Override
    public synchronized void saveState(EscalationState next, long expectedVersion) {
        checkVersion(next.loanId(), expectedVersion);
        store(next, expectedVersion);
    }

    @Override
    public synchronized List<CollectionsAction> pendingActions(String loanId, String decisionId) {
        List<CollectionsAction> out = new ArrayList<>();
        statuses.getOrDefault(loanId, Map.of()).forEach((id, s) -> {
            if (s == ActionStatus.PENDING && id.startsWith(decisionId + "#")) {
                out.add(messages.get(loanId).get(id));
            }
        });
        return out;
    }

    @Override
    public synchronized boolean markPublished(String loanId, String actionId) {
        Map<String, ActionStatus> status = statuses.getOrDefault(loanId, Map.of());
        ActionStatus s = status.get(actionId);
        if (s != ActionStatus.PENDING && s != ActionStatus.DEFERRED) {
            return false;
        }
        status.put(actionId, ActionStatus.PUBLISHED);
        return true;
    }

    @Override
    public synchronized void release(EscalationState next, long expectedVersion, CollectionsAction action) {
        checkVersion(next.loanId(), expectedVersion);
        statuses.computeIfAbsent(next.loanId(), k -> new LinkedHashMap<>()).put(action.actionId(),
                ActionStatus.PENDING);
        messages.computeIfAbsent(next.loanId(), k -> new LinkedHashMap<>()).put(action.actionId(), action);
        store(next, expectedVersion);
    }

    @Override
    public synchronized List<Undelivered> undeliveredBy(java.time.Instant now, int limit) {
        List<Undelivered> out = new ArrayList<>();
        statuses.forEach((loanId, byId) -> byId.forEach((id, s) -> {
            if (s == ActionStatus.PENDING && out.size() < limit) {
                out.add(new Undelivered(messages.get(loanId).get(id), now));
            }
        }));
        return out;
    }

    @Override
    public synchronized List<EscalationDecision> decisions(String loanId) {
        return List.copyOf(decisions.getOrDefault(loanId, List.of()));
    }

    /** Every state written, oldest first. */
    synchronized List<EscalationState> written() {
        return List.copyOf(written);
    }

    private void checkVersion(String loanId, long expectedVersion) {
        EscalationState current = states.get(loanId);
        if ((current == null ? 0 : current.version()) != expectedVersion) {
            throw new StaleLoanException(loanId, expectedVersion);
        }
    }

    private void store(EscalationState next, long expectedVersion) {
        EscalationState s = new EscalationState(next.loanId(), next.stage(), next.strategy(), next.episodeStartedOn(),
                next.stagesEntered(), next.recallActions(), next.brokenPromisesActedOn(), next.heldBy(),
                next.deferred(), next.callTasksIssued(), next.lastDecisionOn(), next.lastDecisionId(),
                next.offers(), expectedVersion + 1);
        states.put(next.loanId(), s);
        written.add(s);
    }
}

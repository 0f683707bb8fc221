package com.overdue.collections.core.application;

import com.overdue.collections.core.application.LoanHistoryReplay.ParsedHistory;
import com.overdue.collections.core.contact.Channel;
import com.overdue.collections.core.contact.ContactConditions;
import com.overdue.collections.core.contact.ContactDecision;
import com.overdue.collections.core.contact.ContactEvaluation;
import com.overdue.collections.core.contact.ContactPolicy;
import com.overdue.collections.core.contact.PastContact;
import com.overdue.collections.core.delinquency.DelinquencyStatus;
import com.overdue.collections.core.escalation.AbilityAssessor;
import com.overdue.collections.core.escalation.ContactOutcome;
import com.overdue.collections.core.escalation.EscalationDecision;
import com.overdue.collections.core.escalation.EscalationDecision.ActionStatus;
import com.overdue.collections.core.escalation.EscalationDecision.PlannedAction;
import com.overdue.collections.core.escalation.EscalationEngine;
import com.overdue.collections.core.escalation.EscalationEngine.Kind;
import com.overdue.collections.core.escalation.EscalationEngine.Move;
import com.overdue.collections.core.escalation.EscalationFacts;
import com.overdue.collections.core.escalation.EscalationLadder;
import com.overdue.collections.core.escalation.EscalationLadders;
import com.overdue.collections.core.escalation.EscalationState;
import com.overdue.collections.core.escalation.EscalationState.DeferredAction;
import com.overdue.collections.core.escalation.StrategyAssignment;
import com.overdue.collections.core.ingest.CollectionsEvent;
import com.overdue.collections.core.ledger.LoanConditions;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.ledger.SettlementOffer;
import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.port.ActionPublisher;
import com.overdue.collections.core.port.CollectionsAction;
import com.overdue.collections.core.port.EscalationStore;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.WorkItem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code escalationDecision} worker (RULES §6): for one loan on one business date, replays the history, assesses
 * the borrower, picks the strategy arm, asks the ladder what should change, records at most one decision for the
 * date (conditional write) together with the new stage and the actions (PENDING: the outbox), then publishes each
 * action and marks it published. A re-run of the day publishes what the first run recorded but could not confirm
 * as published; the outbox sweep does the same for any loan whose work item is not redelivered. A call task is a
 * contact: it is asked of the contact policy (the rule pack of the loan's jurisdiction, as reminders are) first, and
 * the pack's evaluation is recorded on the action.
 */
public final class EscalationDecisionUseCase implements DailyWorker {

    /** What happened for one work item. */
    public enum Outcome { DECIDED, HELD, NO_CHANGE, ALREADY_DECIDED, OUT_OF_ORDER }

    /** The result of one run: the outcome, the decision (when one was made) and the actions published now. */
    public record Result(String loanId, LocalDate businessDate, Outcome outcome, EscalationDecision decision,
                         int actionsPublished) {
    }

    /** The action a settlement offer publishes; its terms are in the decision's inputs and sentence. */
    public static final String OFFER_MADE = "OFFER_MADE";

    /** Call tasks are kept this long as attempts: longer than the longest window of the packs (7 days). */
    private static final Duration CALL_HISTORY = Duration.ofDays(14);

    private final LoanRepository loans;
    private final EscalationStore store;
    private final ActionPublisher publisher;
    private final ContactPolicy contactPolicy;
    private final EscalationLadders ladders;
    private final CollectionsSettings settings;
    private final Clock clock;
    private final LoanHistoryReplay histories;
    private final EscalationEngine engine = new EscalationEngine();
    private final AbilityAssessor assessor = new AbilityAssessor();
    private final StrategyAssignment assignment = new StrategyAssignment();

    public EscalationDecisionUseCase(LoanRepository loans, EscalationStore store, ActionPublisher publisher,
                                     ContactPolicy contactPolicy, EscalationLadders ladders,
                                     CollectionsSettings settings, Clock clock) {
        this.loans = loans;
        this.store = store;
        this.publisher = publisher;
        this.contactPolicy = contactPolicy;
        this.ladders = ladders;
        this.settings = settings;
        this.histories = new LoanHistoryReplay(loans, settings.replay(), store);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "escalationDecision";
    }

    @Override
    public void handle(WorkItem item) {
        decide(item.loanId(), item.businessDate());
    }

    public Result decide(String loanId, LocalDate businessDate) {
        EscalationState current = store.find(loanId).orElse(null);
        if (current != null && current.lastDecisionOn() != null) {
            if (current.lastDecisionOn().equals(businessDate)) {
                // A re-run or a duplicate work item: publish what the first run recorded but did not confirm.
                int published = publishPending(loanId, current.lastDecisionId(), null);
                return new Result(loanId, businessDate, Outcome.ALREADY_DECIDED, null, published);
            }
            if (current.lastDecisionOn().isAfter(businessDate)) {
                return new Result(loanId, businessDate, Outcome.OUT_OF_ORDER, null, 0);
            }
        }
        ParsedHistory stored = histories.require(loanId);
        LoanRecord loan = stored.loan();
        LoanTerms terms = loan.terms();
        EscalationLadder ladder = ladders.ladderFor(terms.productCode());
        List<CollectionsEvent> history = stored.events();
        // The offers made are in the state: the replay derives the waiver of one a payment qualified for.
        LoanPosition position = histories.replay(terms, history, businessDate, OfferOutcomes.termsOf(current));
        DelinquencyStatus status = settings.evaluator().evaluate(position);
        LoanConditions conditions = position.conditions();
        EscalationState state = current != null ? current
                : EscalationState.start(loanId, assignment.strategyOf(ladder, loanId));

        boolean openEpisode = !EscalationLadder.CURRENT.equals(state.stage())
                && !EscalationLadder.CLOSED.equals(state.stage());
        LocalDate episodeStart = position.dateOfFirstDelinquency();
        Instant endOfDay = businessDate.plusDays(1).atStartOfDay(terms.timeZone()).toInstant();
        List<ContactOutcome> outcomes = ContactOutcome.from(history, endOfDay);
        AbilityAssessor.Assessment assessment = assessor.assess(outcomes, conditions, episodeStart,
                episodeStart == null ? null : episodeStart.atStartOfDay(terms.timeZone()).toInstant(),
                ladder.unreachableAfterAttempts());
        Set<String> flags = new HashSet<>();
        conditions.legalFlags().forEach(f -> flags.add(f.kind()));
        EscalationFacts facts = new EscalationFacts(businessDate, status.daysPastDue(), status.overdueAmount(),
                balance(position), flags, position.lastPaymentOn(),
                openEpisode ? state.stagesEntered() : Map.of(), conditions.holds());
        List<String> broken = conditions.promises().stream()
                .filter(p -> p.status() == LoanConditions.PromiseStatus.BROKEN)
                .filter(p -> episodeStart == null || !p.madeOn().isBefore(episodeStart))
                .map(LoanConditions.PromiseToPay::promiseId)
                .filter(id -> !state.brokenPromisesActedOn().contains(id)).sorted().toList();
        String closed = position.closure() == null ? null : position.closure().reason();
        Move move = engine.decide(new EscalationEngine.Situation(ladder, state, facts, state.strategy(), assessment,
                position.isOverdue(), closed, flags.contains("SETTLEMENT"), broken, episodeStart)).orElse(null);

        Instant proposedCall = proposedCall(ladder, terms, businessDate);
        List<PastContact> callHistory = callHistory(outcomes, state);
        String decisionId = EscalationDecision.idFor(loanId, businessDate);
        // Open offers accepted (their waiver applied) or expired today: recorded on today's decision, even with no move.
        OfferOutcomes offerOutcomes = OfferOutcomes.on(state, position, businessDate, decisionId);
        boolean offersOnly = move == null && offerOutcomes.any();
        if (offersOnly) {
            // No step today: the decision records the outcomes alone and keeps the stage (and any deferred call).
            move = new Move(Kind.HOLD, state.stage(), state.stage(), offerOutcomes.actions().get(0).rule(),
                    String.join(" ", offerOutcomes.sentences()), List.of(), List.of());
        }
        if (move == null) {
            return retryDeferredCall(loan, state, businessDate, proposedCall, callHistory, conditions);
        }
        List<PlannedAction> actions = new ArrayList<>();
        List<Instant> callTasks = new ArrayList<>(state.callTasksIssued());
        DeferredAction deferred = move.kind() == Kind.HOLD ? state.deferred() : null;
        for (String action : move.actions()) {
            String actionId = PlannedAction.idFor(decisionId, action);
            if (!"CALL_TASK".equals(action)) {
                actions.add(new PlannedAction(actionId, action, ActionStatus.PENDING, null, move.rule(), null));
                continue;
            }
            ContactEvaluation evaluation = evaluateCall(loan, conditions, callHistory, proposedCall);
            if (evaluation.decision() instanceof ContactDecision.Defer d) {
                actions.add(new PlannedAction(actionId, action, ActionStatus.DEFERRED, d.until(), d.rule(),
                        d.reason(), evaluation));
                deferred = new DeferredAction(actionId, action, decisionId, d.until(), move.to());
            } else if (evaluation.decision() instanceof ContactDecision.Suppress sp) {
                actions.add(new PlannedAction(actionId, action, ActionStatus.SKIPPED, null, sp.rule(), sp.reason(),
                        evaluation));
            } else {
                actions.add(new PlannedAction(actionId, action, ActionStatus.PENDING, null, move.rule(), null,
                        evaluation));
                callTasks.add(proposedCall);
            }
        }
        // Settlement offers of the stages reached (a move can pass a stage): an ADVANCE, never a HOLD, so a hold
        // (dispute, legal hold, hardship) withholds the offer as it withholds the step's own action; stage ranks only
        // rise within an episode, so each offer rule is made at most once per episode.
        List<String> offerSentences = new ArrayList<>();
        Map<String, String> offerInputs = new LinkedHashMap<>();
        List<EscalationState.Offer> offersMade = new ArrayList<>(offerOutcomes.offers());
        actions.addAll(offerOutcomes.actions());
        if (!offersOnly) {
            offerSentences.addAll(offerOutcomes.sentences());
        }
        offerInputs.putAll(offerOutcomes.inputs());
        if (move.kind() == Kind.ADVANCE) {
            int fromRank = EscalationLadder.CLOSED.equals(move.from()) ? -1 : ladder.rank(move.from());
            int toRank = ladder.rank(move.to());
            for (SettlementOffer offer : ladder.offers()) {
                int at = ladder.rank(offer.stage());
                if (at <= fromRank || at > toRank) {
                    continue;
                }
                SettlementOffer.Terms t = offer.terms(position, businessDate);
                String sentence = offerSentence(t);
                actions.add(new PlannedAction(PlannedAction.idFor(decisionId, OFFER_MADE + "#" + offer.rule()),
                        OFFER_MADE, ActionStatus.PENDING, null, offer.rule(), sentence));
                offerSentences.add(sentence);
                String key = "offer." + offer.rule() + ".";
                offerInputs.put(key + "amountToPay", t.amountToPay().toPlainString());
                offerInputs.put(key + "waived", t.waived().toPlainString());
                offerInputs.put(key + "deadline", t.deadline().toString());
                offersMade.add(EscalationState.Offer.open(t));
            }
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("daysPastDue", Integer.toString(status.daysPastDue()));
        inputs.put("overdueAmount", status.overdueAmount().toPlainString());
        inputs.put("balance", facts.balance().toPlainString());
        inputs.put("currency", terms.currency().getCurrencyCode());
        inputs.put("holds", String.join(",", facts.holds()));
        inputs.put("legalFlags", String.join(",", new java.util.TreeSet<>(flags)));
        inputs.put("ability", assessment.ability().name());
        inputs.put("abilityReason", assessment.reason());
        if (!move.promisesActedOn().isEmpty()) {
            inputs.put("brokenPromises", String.join(",", move.promisesActedOn()));
        }
        inputs.putAll(offerInputs);
        EscalationDecision decision = new EscalationDecision(decisionId, loanId, terms.borrowerId(),
                terms.productCode(), businessDate, move.from(), move.to(), move.rule(), state.strategy(),
                assessment.ability(), inputs, offerSentences.isEmpty() ? move.explanation()
                : move.explanation() + " " + String.join(" ", offerSentences), actions);
        EscalationState next = nextState(state, move, ladder, businessDate, episodeStart, facts, decisionId,
                deferred, prune(callTasks, proposedCall)).withOffers(offersMade);
        if (!store.record(decision, next, state.version())) {
            int published = publishPending(loanId, decisionId, null);
            return new Result(loanId, businessDate, Outcome.ALREADY_DECIDED, null, published);
        }
        int published = publishPending(loanId, decisionId, decision);
        return new Result(loanId, businessDate, move.kind() == Kind.HOLD && !offersOnly ? Outcome.HELD
                : Outcome.DECIDED, decision,
                published);
    }

    private EscalationState nextState(EscalationState s, Move move, EscalationLadder ladder, LocalDate date,
                                      LocalDate episodeStart, EscalationFacts facts, String decisionId,
                                      DeferredAction deferred, List<Instant> callTasks) {
        Set<String> acted = new HashSet<>(s.brokenPromisesActedOn());
        acted.addAll(move.promisesActedOn());
        return switch (move.kind()) {
            case HOLD -> new EscalationState(s.loanId(), s.stage(), s.strategy(), s.episodeStartedOn(),
                    s.stagesEntered(), s.recallActions(), acted, facts.holds(), deferred, callTasks, date,
                    decisionId, s.offers(), s.version());
            case CURE, END -> new EscalationState(s.loanId(), move.to(), s.strategy(), null, Map.of(), Set.of(),
                    acted, List.of(), null, callTasks, date, decisionId, s.offers(), s.version());
            case ADVANCE -> {
                boolean newEpisode = EscalationLadder.CURRENT.equals(s.stage())
                        || EscalationLadder.CLOSED.equals(s.stage());
                Map<String, LocalDate> entered = new HashMap<>(newEpisode ? Map.of() : s.stagesEntered());
                entered.put(move.to(), date);
                Set<String> recalls = new HashSet<>(newEpisode ? Set.of() : s.recallActions());
                ladder.step(move.to()).map(st -> st.recallAction()).ifPresent(r -> {
                    if (r != null) {
                        recalls.add(r);
                    }
                });
                yield new EscalationState(s.loanId(), move.to(), s.strategy(),
                        newEpisode ? episodeStart : s.episodeStartedOn(), entered, recalls, acted, List.of(),
                        deferred, callTasks, date, decisionId, s.offers(), s.version());
            }
        };
    }

    /**
     * A call task deferred by the contact rules is asked again on the first daily run on or after its {@code until},
     * and published when the pack allows it; a suppression (e.g. an opt-out meanwhile) drops it.
     */
    private Result retryDeferredCall(LoanRecord loan, EscalationState state, LocalDate date, Instant proposedCall,
                                     List<PastContact> history, LoanConditions conditions) {
        DeferredAction d = state.deferred();
        if (d == null || LocalDate.ofInstant(d.until(), loan.terms().timeZone()).isAfter(date)) {
            return new Result(loan.loanId(), date, Outcome.NO_CHANGE, null, 0);
        }
        Instant at = proposedCall.isBefore(d.until()) ? d.until() : proposedCall;
        ContactEvaluation evaluation = evaluateCall(loan, conditions, history, at);
        DeferredAction still = null;
        List<Instant> calls = new ArrayList<>(state.callTasksIssued());
        CollectionsAction released = null;
        if (evaluation.decision() instanceof ContactDecision.Defer again) {
            still = new DeferredAction(d.actionId(), d.action(), d.decisionId(), again.until(), d.stage());
        } else if (evaluation.decision() instanceof ContactDecision.Allow) {
            // The message says which pack released it, so the release can be traced to the rules that allowed it.
            released = new CollectionsAction(d.actionId(), d.action(), loan.loanId(),
                    loan.terms().borrowerId(), d.stage(), d.decisionId(), date,
                    "call task deferred by the contact rules, released on " + date + ": rule pack "
                            + evaluation.rulePack() + " (" + evaluation.rulePackVersion() + ") allows a call at "
                            + at);
            calls.add(at);
        }
        EscalationState next = new EscalationState(state.loanId(), state.stage(), state.strategy(),
                state.episodeStartedOn(), state.stagesEntered(), state.recallActions(),
                state.brokenPromisesActedOn(), state.heldBy(), still, prune(calls, proposedCall),
                state.lastDecisionOn(), state.lastDecisionId(), state.offers(), state.version());
        if (released == null) {
            store.saveState(next, state.version());
            return new Result(loan.loanId(), date, Outcome.NO_CHANGE, null, 0);
        }
        // Outbox: the release and the action to publish are one write; the publish comes after it.
        store.release(next, state.version(), released);
        publisher.publish(released);
        store.markPublished(loan.loanId(), d.actionId());
        int published = 1;
        return new Result(loan.loanId(), date, Outcome.NO_CHANGE, null, published);
    }

    /** Publishes the decision's actions still PENDING, then marks each published (a re-run skips those). */
    private int publishPending(String loanId, String decisionId, EscalationDecision decision) {
        if (decisionId == null) {
            return 0;
        }
        List<CollectionsAction> pending = decision != null ? actionsOf(decision)
                : store.pendingActions(loanId, decisionId);
        for (CollectionsAction a : pending) {
            publisher.publish(a);
            store.markPublished(loanId, a.actionId());
        }
        return pending.size();
    }

    /** The actions of a decision that are to be published now (not deferred or skipped). */
    public static List<CollectionsAction> actionsOf(EscalationDecision d) {
        return d.actions().stream().filter(a -> a.status() == ActionStatus.PENDING)
                .map(a -> new CollectionsAction(a.actionId(), a.action(), d.loanId(), d.borrowerId(), d.to(),
                        d.decisionId(), d.businessDate(), d.explanation())).toList();
    }

    /** The loan's jurisdiction's contact rule pack on a collection call at {@code at}, in the loan's time zone. */
    private ContactEvaluation evaluateCall(LoanRecord loan, LoanConditions conditions, List<PastContact> history,
                                           Instant at) {
        LoanTerms terms = loan.terms();
        return contactPolicy.evaluateCall(terms.borrowerId(), terms.jurisdiction(), at, terms.timeZone(),
                ContactConditions.of(Map.of(loan.loanId(), conditions)), history);
    }

    /** Calls are proposed at the ladder's call time on the business date, or now if that has passed. */
    private Instant proposedCall(EscalationLadder ladder, LoanTerms terms, LocalDate date) {
        Instant planned = date.atTime(ladder.callTaskLocalTime()).atZone(terms.timeZone()).toInstant();
        Instant now = clock.instant();
        return now.isAfter(planned) && LocalDate.ofInstant(now, terms.timeZone()).equals(date) ? now : planned;
    }

    /**
     * The loan's calls as the rules count them: every recorded CALL outcome (a conversation when it reached the
     * borrower) and every call task issued, as an attempt whose outcome is not known yet. A task and the outcome an
     * agent records for it both count: over-counting only defers a call, under-counting could break a limit.
     */
    private static List<PastContact> callHistory(List<ContactOutcome> outcomes, EscalationState state) {
        List<PastContact> history = new ArrayList<>();
        for (ContactOutcome o : outcomes) {
            if ("CALL".equals(o.channel())) {
                history.add(new PastContact(o.at(), Channel.CALL, o.connected()));
            }
        }
        for (Instant t : state.callTasksIssued()) {
            history.add(new PastContact(t, Channel.CALL, false));
        }
        history.sort(java.util.Comparator.comparing(PastContact::at));
        return history;
    }

    /** The offer's terms in one sentence, with codes and figures but no personal data. */
    static String offerSentence(SettlementOffer.Terms t) {
        String currency = t.balance().currency().getCurrencyCode();
        return "Settlement offer " + t.rule() + ": pay " + currency + " " + t.amountToPay().toPlainString()
                + " by " + t.deadline() + " (inclusive) to settle the balance of " + currency + " "
                + t.balance().toPlainString() + ", and " + currency + " " + t.waived().toPlainString()
                + " of it is waived.";
    }

    private static List<Instant> prune(List<Instant> calls, Instant now) {
        return calls.stream().filter(t -> t.isAfter(now.minus(CALL_HISTORY))).sorted().toList();
    }

    private static Money balance(LoanPosition position) {
        Money total = position.terms().zero();
        for (Component c : Component.values()) {
            total = total.plus(position.outstanding(c));
        }
        return total;
    }
}

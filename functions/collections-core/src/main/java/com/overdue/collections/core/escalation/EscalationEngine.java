package com.overdue.collections.core.escalation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ladder logic of RULES §6 for one loan on one day, free of storage: the end of the episode (closure or
 * settlement), a cure, a broken promise (one step at once, waits still apply), holds, and otherwise the furthest step
 * whose conditions all hold. Returns what should change, or nothing.
 */
public final class EscalationEngine {

    /** The situation: the loan's facts and ladder, where it stands, and the signals of the day. */
    public record Situation(EscalationLadder ladder, EscalationState state, EscalationFacts facts, String strategy,
                            AbilityAssessor.Assessment assessment, boolean overdue, String closedReason,
                            boolean settled, List<String> newlyBrokenPromises, LocalDate episodeStart) {

        /** The loan is delinquent again, but in a new episode: the one the stage belongs to was cured meanwhile. */
        boolean newEpisode() {
            return overdue && state.episodeStartedOn() != null && episodeStart != null
                    && !state.episodeStartedOn().equals(episodeStart);
        }
    }

    /** The kind of move. */
    public enum Kind { ADVANCE, HOLD, CURE, END }

    /**
     * A decided move: from, to, the rule, the explaining sentence, the actions to publish (the step's action, or the
     * recall actions when the episode ends), and the broken promises it acted on.
     */
    public record Move(Kind kind, String from, String to, String rule, String explanation, List<String> actions,
                       List<String> promisesActedOn) {
    }

    public Optional<Move> decide(Situation s) {
        EscalationState state = s.state();
        String from = state.stage();
        if (s.closedReason() != null || s.settled()) {
            if (EscalationLadder.CLOSED.equals(from)) {
                return Optional.empty();
            }
            String why = s.settled() ? "a settlement was recorded" : "the loan was closed (" + s.closedReason() + ")";
            return Optional.of(new Move(Kind.END, from, EscalationLadder.CLOSED, s.settled() ? "ESC-END-SETTLEMENT"
                    : "ESC-END-CLOSED", "The collection episode ended because " + why + recallSentence(state) + ".",
                    recalls(state), List.of()));
        }
        boolean open = !EscalationLadder.CURRENT.equals(from) && !EscalationLadder.CLOSED.equals(from);
        if (!s.overdue() || s.newEpisode()) {
            if (!open) {
                return Optional.empty();
            }
            String why = s.overdue() ? "The delinquency episode that began on " + state.episodeStartedOn()
                    + " was cured (a new one began on " + s.episodeStart() + ")" : "Nothing is overdue any more";
            return Optional.of(new Move(Kind.CURE, from, EscalationLadder.CURRENT, "ESC-CURE",
                    why + ", so the loan returns from " + from + " to CURRENT" + recallSentence(state) + ".",
                    recalls(state), List.of()));
        }
        EscalationFacts f = s.facts();
        EscalationLadder ladder = s.ladder();
        int rank = EscalationLadder.CLOSED.equals(from) ? -1 : ladder.rank(from);
        List<LadderStep> ahead = ladder.steps(s.strategy(), s.assessment().ability()).stream()
                .filter(step -> step.rank() > rank).toList();
        LadderStep target = null;
        String rule;
        String why;
        List<String> promises = List.of();
        if (!s.newlyBrokenPromises().isEmpty()) {
            target = ahead.stream().filter(step -> step.waitsMet(f)).findFirst().orElse(null);
            rule = "ESC-PTP-BROKEN";
            why = "promise to pay " + String.join(", ", s.newlyBrokenPromises()) + " was broken, which escalates one"
                    + " step at once";
            promises = s.newlyBrokenPromises();
        } else {
            for (LadderStep step : ahead) {
                if (step.canEnter(f)) {
                    target = step;
                }
            }
            rule = target == null ? null : target.rule();
            why = target == null ? null : target.explain(f);
        }
        if (target == null) {
            return Optional.empty();
        }
        if (!f.holds().isEmpty()) {
            if (f.holds().equals(state.heldBy())) {
                return Optional.empty(); // already recorded; nothing new to explain
            }
            return Optional.of(new Move(Kind.HOLD, from, from, "ESC-HOLD", "Escalation from " + from + " to "
                    + target.stage() + " (" + why + ") is held by " + String.join(", ", f.holds()) + ".", List.of(),
                    List.of()));
        }
        List<String> actions = target.action() == null ? List.of() : List.of(target.action());
        return Optional.of(new Move(Kind.ADVANCE, from, target.stage(), rule, "The loan moves from " + from + " to "
                + target.stage() + " on the " + s.strategy().toLowerCase() + " ladder ("
                + s.assessment().ability() + ") because " + why + ".", actions, promises));
    }

    private static List<String> recalls(EscalationState state) {
        return new ArrayList<>(new java.util.TreeSet<>(state.recallActions()));
    }

    private static String recallSentence(EscalationState state) {
        Set<String> r = state.recallActions();
        return r.isEmpty() ? "" : "; " + String.join(", ", new java.util.TreeSet<>(r)) + " is published";
    }
}

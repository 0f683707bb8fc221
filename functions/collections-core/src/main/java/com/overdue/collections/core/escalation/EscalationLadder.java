package com.overdue.collections.core.escalation;

import com.overdue.collections.core.ledger.SettlementOffer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A product's escalation ladder (RULES §6) as configured: the champion steps, the champion/challenger experiment
 * (its id, the share of loans in basis points and the challenger's condition overrides), and per ability assessment
 * a variant (steps inserted, conditions overridden), the borrower-local time a call task is proposed for, and the
 * settlement offers made on entering a stage.
 * {@link #steps} gives the ladder one loan follows.
 */
public record EscalationLadder(String productCode, List<LadderStep> champion, Challenger challenger,
                               Map<Ability, Variant> variants, int unreachableAfterAttempts,
                               java.time.LocalTime callTaskLocalTime, List<SettlementOffer> offers) {

    public static final String CURRENT = "CURRENT";
    public static final String CLOSED = "CLOSED";
    public static final String CHAMPION = "CHAMPION";
    public static final String CHALLENGER = "CHALLENGER";

    public EscalationLadder {
        champion = List.copyOf(champion);
        variants = Map.copyOf(variants);
        offers = List.copyOf(offers);
    }

    /** A ladder without settlement offers. */
    public EscalationLadder(String productCode, List<LadderStep> champion, Challenger challenger,
                            Map<Ability, Variant> variants, int unreachableAfterAttempts,
                            java.time.LocalTime callTaskLocalTime) {
        this(productCode, champion, challenger, variants, unreachableAfterAttempts, callTaskLocalTime, List.of());
    }

    /** The offers made on entering {@code stage}, in file order. */
    public List<SettlementOffer> offersAt(String stage) {
        return offers.stream().filter(o -> o.stage().equals(stage)).toList();
    }

    /** The challenger arm: an experiment id (salts the hash), its share in basis points and its overrides. */
    public record Challenger(String experiment, int shareBasisPoints, Map<String, List<StepCondition>> overrides) {
        public Challenger {
            overrides = Map.copyOf(overrides);
        }
    }

    /** The changes an ability assessment makes to the ladder. */
    public record Variant(List<LadderStep> inserted, Map<String, List<StepCondition>> overrides) {
        public Variant {
            inserted = List.copyOf(inserted);
            overrides = Map.copyOf(overrides);
        }
    }

    /** The steps a loan on this strategy arm with this ability assessment follows, in ladder order. */
    public List<LadderStep> steps(String strategy, Ability ability) {
        List<LadderStep> steps = new ArrayList<>(champion);
        if (CHALLENGER.equals(strategy) && challenger != null) {
            steps.replaceAll(s -> challenger.overrides().containsKey(s.stage())
                    ? s.withConditions(challenger.overrides().get(s.stage())) : s);
        }
        Variant v = variants.get(ability);
        if (v != null) {
            steps.addAll(v.inserted());
            steps.replaceAll(s -> v.overrides().containsKey(s.stage())
                    ? s.withConditions(v.overrides().get(s.stage())) : s);
        }
        steps.sort(Comparator.comparingInt(LadderStep::rank));
        return steps;
    }

    /** The rank of a stage on any variant of this ladder: CURRENT is below every step; CLOSED above. */
    public int rank(String stage) {
        if (CURRENT.equals(stage)) {
            return -1;
        }
        if (CLOSED.equals(stage)) {
            return Integer.MAX_VALUE;
        }
        for (LadderStep s : champion) {
            if (s.stage().equals(stage)) {
                return s.rank();
            }
        }
        for (Variant v : variants.values()) {
            for (LadderStep s : v.inserted()) {
                if (s.stage().equals(stage)) {
                    return s.rank();
                }
            }
        }
        throw new IllegalStateException("config/escalation/" + productCode + ".json: stage " + stage
                + " is not on the ladder (stored stage of a loan; was it removed from the configuration?)");
    }

    /** The step of this stage on any variant, for its recall action. */
    public java.util.Optional<LadderStep> step(String stage) {
        return java.util.stream.Stream.concat(champion.stream(),
                        variants.values().stream().flatMap(v -> v.inserted().stream()))
                .filter(s -> s.stage().equals(stage)).findFirst();
    }
}

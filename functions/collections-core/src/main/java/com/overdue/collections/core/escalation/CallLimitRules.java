package com.overdue.collections.core.escalation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The call limits of RULES §5 as rule packs per jurisdiction, read from {@code config/escalation/call-limits.json}.
 * Every rule of the pack is asked; a skip wins over a deferral, and of several deferrals the latest moment wins, so
 * the call is placed only when no rule objects. A jurisdiction without a pack is a configuration error.
 */
public final class CallLimitRules implements CallLimits {

    static final String FILE = "config/escalation/call-limits.json";

    private final Map<String, List<CallLimitRule>> packs;

    public CallLimitRules(Map<String, List<CallLimitRule>> packs) {
        this.packs = Map.copyOf(packs);
    }

    @Override
    public CallVerdict evaluate(CallRequest request) {
        List<CallLimitRule> pack = packs.get(request.jurisdiction());
        if (pack == null) {
            throw new IllegalStateException(FILE + ": packs: no call-limit pack for jurisdiction \""
                    + request.jurisdiction() + "\" (loan " + request.loanId() + ")");
        }
        List<CallVerdict> objections = pack.stream().map(r -> r.check(request)).flatMap(Optional::stream).toList();
        Optional<CallVerdict> skip = objections.stream().filter(v -> v instanceof Skip).findFirst();
        if (skip.isPresent()) {
            return skip.get();
        }
        return objections.stream().map(v -> (Defer) v).max(Comparator.comparing(Defer::until))
                .<CallVerdict>map(d -> d).orElse(new Allow());
    }
}

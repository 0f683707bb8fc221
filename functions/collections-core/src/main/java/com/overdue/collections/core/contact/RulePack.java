package com.overdue.collections.core.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A jurisdiction's contact rules (STYLE: a rule pack is a list of policies). Every rule that speaks about the
 * channel is asked; a suppression wins over a deferral, and a deferral moves the contact to the next moment at
 * which every rule allows it (a daily cap to midnight, then quiet hours to 08:00).
 */
public record RulePack(String jurisdiction, String version, List<ContactRule> rules) {

    /** Enough for cap → quiet hours → conversation limit chains; more means rules that can never all agree. */
    private static final int MAX_DEFERRAL_STEPS = 16;

    public RulePack {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(version, "version");
        rules = List.copyOf(rules);
    }

    /** The rules of several packs together, for a contact about loans under more than one jurisdiction. */
    public static RulePack combined(List<RulePack> packs) {
        if (packs.size() == 1) {
            return packs.get(0);
        }
        List<ContactRule> all = new ArrayList<>();
        packs.forEach(p -> all.addAll(p.rules()));
        return new RulePack(String.join("+", packs.stream().map(RulePack::jurisdiction).toList()),
                String.join("+", packs.stream().map(RulePack::version).toList()), all);
    }

    public ContactEvaluation evaluate(ContactRequest request) {
        List<RuleVerdict> first = verdicts(request);
        ContactDecision decision = decide(request, first);
        return new ContactEvaluation(decision, first, jurisdiction, version, request.at());
    }

    private ContactDecision decide(ContactRequest request, List<RuleVerdict> first) {
        for (RuleVerdict v : first) {
            if (v.decision() instanceof ContactDecision.Suppress s) {
                return s;
            }
        }
        ContactDecision.Defer firstDeferral = latest(first);
        if (firstDeferral == null) {
            return ContactDecision.allow();
        }
        List<String> chain = new ArrayList<>(List.of(firstDeferral.rule()));
        Instant at = firstDeferral.until();
        for (int step = 0; step < MAX_DEFERRAL_STEPS; step++) {
            List<RuleVerdict> later = verdicts(request.at(at));
            for (RuleVerdict v : later) {
                if (v.decision() instanceof ContactDecision.Suppress s) {
                    return s; // cannot happen with time-independent suppressions; kept so no rule is ever skipped
                }
            }
            ContactDecision.Defer next = latest(later);
            if (next == null) {
                return new ContactDecision.Defer(at, firstDeferral.rule(), firstDeferral.reason()
                        + (chain.size() > 1 ? "; then " + String.join(", ", chain.subList(1, chain.size())) : ""));
            }
            chain.add(next.rule());
            at = next.until();
        }
        return new ContactDecision.Suppress("rulePack", "no moment allowed by every rule after " + MAX_DEFERRAL_STEPS
                + " deferrals (" + String.join(", ", chain) + "): check the rule pack " + jurisdiction);
    }

    private List<RuleVerdict> verdicts(ContactRequest request) {
        List<RuleVerdict> out = new ArrayList<>();
        for (ContactRule rule : rules) {
            if (rule.channels().contains(request.channel())) {
                out.add(new RuleVerdict(rule.name(), rule.basis(), rule.evaluate(request)));
            }
        }
        return out;
    }

    private static ContactDecision.Defer latest(List<RuleVerdict> verdicts) {
        ContactDecision.Defer latest = null;
        for (RuleVerdict v : verdicts) {
            if (v.decision() instanceof ContactDecision.Defer d && (latest == null || d.until().isAfter(latest.until()))) {
                latest = d;
            }
        }
        return latest;
    }
}

package com.overdue.collections.core.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import com.overdue.collections.core.escalation.CallLimits;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

    public static CallLimitRules load() {
        return parse(FILE, ConfigFiles.read(FILE));
    }

    static CallLimitRules parse(String file, JsonNode root) {
        Map<String, List<CallLimitRule>> packs = new HashMap<>();
        JsonNode all = root.path("packs");
        if (!all.isObject() || all.isEmpty()) {
            throw new IllegalStateException(file + ": packs: must name at least one jurisdiction");
        }
        all.fields().forEachRemaining(e -> {
            List<CallLimitRule> rules = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                String at = "packs." + e.getKey() + "[" + i + "]";
                JsonNode r = e.getValue().get(i);
                String id = ConfigFiles.text(file, at + ".rule", r.path("rule"));
                rules.add(switch (ConfigFiles.text(file, at + ".kind", r.path("kind"))) {
                    case "OPT_OUT" -> new CallLimitRule.NoCallsWhenOptedOut(id);
                    case "DAILY_CONNECTED_CALLS" -> new CallLimitRule.DailyConnectedCalls(id,
                            ConfigFiles.positive(file, at + ".max", r.path("max")), time(file, at + ".windowStart",
                            r.path("windowStart")));
                    case "ROLLING_ATTEMPTS" -> new CallLimitRule.RollingAttempts(id,
                            ConfigFiles.positive(file, at + ".max", r.path("max")),
                            ConfigFiles.positive(file, at + ".days", r.path("days")));
                    case "QUIET_AFTER_CONVERSATION" -> new CallLimitRule.QuietAfterConversation(id,
                            ConfigFiles.positive(file, at + ".days", r.path("days")));
                    default -> throw new IllegalStateException(file + ": " + at + ".kind: must be OPT_OUT, "
                            + "DAILY_CONNECTED_CALLS, ROLLING_ATTEMPTS or QUIET_AFTER_CONVERSATION");
                });
            }
            packs.put(e.getKey(), rules);
        });
        return new CallLimitRules(packs);
    }

    private static LocalTime time(String file, String key, JsonNode n) {
        try {
            return LocalTime.parse(ConfigFiles.text(file, key, n));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(file + ": " + key + ": must be a time HH:mm");
        }
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

package com.overdue.collections.core.escalation;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The escalation ladders per product, read once from {@code config/escalation/} (listed by {@code index.json}; data
 * under {@code infra/config/escalation}). Mistakes are reported at load with file and key; a product without a
 * ladder is an error naming the product when a loan of it is decided.
 */
public final class EscalationLadders {

    /** The actions the engine publishes (EVENTS.md, "What the engine publishes", plus HARDSHIP_OFFER). */
    public static final Set<String> ACTIONS = Set.of("CALL_TASK", "LETTER", "FIELD_VISIT", "AGENCY_NOTICE",
            "AGENCY_PLACEMENT", "AGENCY_RECALL", "LEGAL_NOTICE", "LITIGATION_REFERRAL", "ENFORCEMENT_REQUEST",
            "CHARGE_OFF_PROPOSAL", "DEBT_SALE_CANDIDATE", "NEGATIVE_REPORT_NOTICE", "HARDSHIP_OFFER");

    private final Map<String, EscalationLadder> ladders;

    public EscalationLadders(Map<String, EscalationLadder> ladders) {
        this.ladders = Map.copyOf(ladders);
    }

    public static EscalationLadders load() {
        String indexFile = "config/escalation/index.json";
        JsonNode index = ConfigFiles.read(indexFile).path("ladders");
        if (!index.isArray() || index.isEmpty()) {
            throw new IllegalStateException(indexFile + ": ladders: must list at least one product's ladder");
        }
        Map<String, EscalationLadder> ladders = new HashMap<>();
        for (JsonNode name : index) {
            String file = "config/escalation/" + name.asText() + ".json";
            EscalationLadder ladder = parse(file, ConfigFiles.read(file));
            if (!ladder.productCode().equals(name.asText())) {
                throw new IllegalStateException(file + ": productCode: \"" + ladder.productCode()
                        + "\" does not match the file name");
            }
            ladders.put(ladder.productCode(), ladder);
        }
        return new EscalationLadders(ladders);
    }

    /** The ladder of the product; a product without one is a configuration error. */
    public EscalationLadder ladderFor(String productCode) {
        EscalationLadder l = ladders.get(productCode);
        if (l == null) {
            throw new IllegalStateException("no escalation ladder for product \"" + productCode
                    + "\": add config/escalation/" + productCode + ".json and list it in config/escalation/"
                    + "index.json (ladders configured: " + new TreeSet<>(ladders.keySet()) + ")");
        }
        return l;
    }

    static EscalationLadder parse(String file, JsonNode n) {
        String product = ConfigFiles.text(file, "productCode", n.path("productCode"));
        JsonNode stepsNode = n.path("steps");
        if (!stepsNode.isArray() || stepsNode.isEmpty()) {
            throw new IllegalStateException(file + ": steps: must list at least one step");
        }
        Set<String> stages = new HashSet<>();
        Map<String, Integer> ranks = new LinkedHashMap<>();
        List<JsonNode> raw = new ArrayList<>();
        for (int i = 0; i < stepsNode.size(); i++) {
            JsonNode s = stepsNode.get(i);
            String stage = ConfigFiles.text(file, "steps[" + i + "].stage", s.path("stage"));
            if (!stages.add(stage) || stage.equals(EscalationLadder.CURRENT) || stage.equals(EscalationLadder.CLOSED)) {
                throw new IllegalStateException(file + ": steps[" + i + "].stage: \"" + stage
                        + "\" is repeated or reserved");
            }
            ranks.put(stage, (i + 1) * 100);
            raw.add(s);
        }
        // Inserted steps of the variants take their rank just below the step they precede.
        JsonNode variantsNode = n.path("abilityVariants");
        Map<String, JsonNode> insertedRaw = new LinkedHashMap<>();
        variantsNode.fields().forEachRemaining(v -> {
            JsonNode ins = v.getValue().path("insert");
            for (int i = 0; i < ins.size(); i++) {
                String at = "abilityVariants." + v.getKey() + ".insert[" + i + "]";
                String stage = ConfigFiles.text(file, at + ".stage", ins.get(i).path("stage"));
                String before = ConfigFiles.text(file, at + ".before", ins.get(i).path("before"));
                Integer r = ranks.get(before);
                if (r == null) {
                    throw new IllegalStateException(file + ": " + at + ".before: unknown stage \"" + before + "\"");
                }
                if (!stages.add(stage)) {
                    throw new IllegalStateException(file + ": " + at + ".stage: \"" + stage + "\" is repeated");
                }
                ranks.put(stage, r - 50);
                insertedRaw.put(stage, ins.get(i));
            }
        });
        List<LadderStep> champion = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            champion.add(step(file, "steps[" + i + "]", raw.get(i), ranks));
        }
        EscalationLadder.Challenger challenger = null;
        JsonNode c = n.path("challenger");
        if (!c.isMissingNode()) {
            int share = ConfigFiles.whole(file, "challenger.shareBasisPoints", c.path("shareBasisPoints"));
            if (share > 10_000) {
                throw new IllegalStateException(file + ": challenger.shareBasisPoints: must be 0..10000");
            }
            challenger = new EscalationLadder.Challenger(ConfigFiles.text(file, "challenger.experiment",
                    c.path("experiment")), share, overrides(file, "challenger.overrides", c.path("overrides"), ranks));
        }
        Map<Ability, EscalationLadder.Variant> variants = new EnumMap<>(Ability.class);
        variantsNode.fields().forEachRemaining(v -> {
            Ability ability;
            try {
                ability = Ability.valueOf(v.getKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + ": abilityVariants." + v.getKey()
                        + ": must be WILLING_BUT_UNABLE, ABLE_BUT_UNWILLING, UNREACHABLE or UNKNOWN");
            }
            List<LadderStep> inserted = new ArrayList<>();
            JsonNode ins = v.getValue().path("insert");
            for (int i = 0; i < ins.size(); i++) {
                inserted.add(step(file, "abilityVariants." + v.getKey() + ".insert[" + i + "]", ins.get(i), ranks));
            }
            variants.put(ability, new EscalationLadder.Variant(inserted, overrides(file,
                    "abilityVariants." + v.getKey() + ".overrides", v.getValue().path("overrides"), ranks)));
        });
        JsonNode unreachable = n.path("ability").path("unreachableAfterAttempts");
        return new EscalationLadder(product, champion, challenger, variants,
                unreachable.isMissingNode() ? 3 : ConfigFiles.positive(file, "ability.unreachableAfterAttempts",
                        unreachable), callTime(file, n.path("callTaskLocalTime")));
    }

    private static java.time.LocalTime callTime(String file, JsonNode n) {
        try {
            return java.time.LocalTime.parse(ConfigFiles.text(file, "callTaskLocalTime", n));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException(file + ": callTaskLocalTime: must be a time HH:mm");
        }
    }

    private static LadderStep step(String file, String at, JsonNode s, Map<String, Integer> ranks) {
        String stage = s.path("stage").asText();
        return new LadderStep(stage, ConfigFiles.text(file, at + ".rule", s.path("rule")),
                action(file, at + ".action", s.path("action")), action(file, at + ".recallAction",
                s.path("recallAction")), conditions(file, at + ".when", s.path("when"), ranks), ranks.get(stage));
    }

    private static String action(String file, String key, JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        String a = ConfigFiles.text(file, key, n);
        if (!ACTIONS.contains(a)) {
            throw new IllegalStateException(file + ": " + key + ": unknown action \"" + a + "\" (known: "
                    + new TreeSet<>(ACTIONS) + ")");
        }
        return a;
    }

    private static Map<String, List<StepCondition>> overrides(String file, String key, JsonNode n,
                                                              Map<String, Integer> ranks) {
        Map<String, List<StepCondition>> out = new HashMap<>();
        n.fields().forEachRemaining(e -> {
            if (!ranks.containsKey(e.getKey())) {
                throw new IllegalStateException(file + ": " + key + "." + e.getKey() + ": unknown stage");
            }
            out.put(e.getKey(), conditions(file, key + "." + e.getKey(), e.getValue(), ranks));
        });
        return out;
    }

    private static List<StepCondition> conditions(String file, String key, JsonNode when, Map<String, Integer> ranks) {
        if (!when.isObject() || when.isEmpty()) {
            throw new IllegalStateException(file + ": " + key + ": must state at least one entry condition");
        }
        List<StepCondition> out = new ArrayList<>();
        when.fields().forEachRemaining(e -> {
            String k = key + "." + e.getKey();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "minDpd" -> out.add(new StepCondition.MinDaysPastDue(ConfigFiles.whole(file, k, v)));
                case "minOverdue" -> out.add(new StepCondition.MinOverdue(amounts(file, k, v)));
                case "minBalance" -> out.add(new StepCondition.MinBalance(amounts(file, k, v)));
                case "legalEvent" -> out.add(new StepCondition.LegalEvent(ConfigFiles.text(file, k, v)));
                case "noPaymentSince" -> out.add(new StepCondition.NoPaymentSince(stage(file, k, v, ranks)));
                case "after" -> {
                    if (!v.isArray() || v.isEmpty()) {
                        throw new IllegalStateException(file + ": " + k + ": must list {stage, days} waits");
                    }
                    for (int i = 0; i < v.size(); i++) {
                        out.add(new StepCondition.AfterStage(stage(file, k + "[" + i + "].stage",
                                v.get(i).path("stage"), ranks), ConfigFiles.whole(file, k + "[" + i + "].days",
                                v.get(i).path("days"))));
                    }
                }
                default -> throw new IllegalStateException(file + ": " + k + ": unknown condition (known: minDpd, "
                        + "minOverdue, minBalance, legalEvent, noPaymentSince, after)");
            }
        });
        return out;
    }

    private static String stage(String file, String key, JsonNode n, Map<String, Integer> ranks) {
        String s = ConfigFiles.text(file, key, n);
        if (!ranks.containsKey(s)) {
            throw new IllegalStateException(file + ": " + key + ": unknown stage \"" + s + "\"");
        }
        return s;
    }

    private static Map<String, BigDecimal> amounts(String file, String key, JsonNode n) {
        if (!n.isObject() || n.isEmpty()) {
            throw new IllegalStateException(file + ": " + key + ": must map currency codes to amounts");
        }
        Map<String, BigDecimal> out = new HashMap<>();
        n.fields().forEachRemaining(e -> {
            try {
                BigDecimal a = new BigDecimal(ConfigFiles.text(file, key + "." + e.getKey(), e.getValue()));
                java.util.Currency cur = java.util.Currency.getInstance(e.getKey());
                if (a.signum() < 0 || a.scale() > cur.getDefaultFractionDigits()) {
                    throw new NumberFormatException();
                }
                out.put(e.getKey(), a);
            } catch (IllegalArgumentException bad) {
                throw new IllegalStateException(file + ": " + key + "." + e.getKey()
                        + ": must be a currency code mapped to a non-negative decimal string in its scale");
            }
        });
        return out;
    }
}

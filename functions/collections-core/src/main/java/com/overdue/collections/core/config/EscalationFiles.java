package com.overdue.collections.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.overdue.collections.core.escalation.Ability;
import com.overdue.collections.core.escalation.EscalationLadder;
import com.overdue.collections.core.escalation.EscalationLadders;
import com.overdue.collections.core.escalation.LadderStep;
import com.overdue.collections.core.escalation.StepCondition;
import com.overdue.collections.core.ledger.SettlementOffer;
import com.overdue.collections.core.loan.Component;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Loads the escalation ladders {@code escalation/index.json} lists (call limits are in the contact rule packs). */
final class EscalationFiles {

    record Index(List<String> ladders) {
    }

    record LadderFile(String productCode, String description, String callTaskLocalTime, List<Step> steps,
                      Challenger challenger, AbilityRules ability, Map<String, Variant> abilityVariants,
                      List<Offer> offers) {
    }

    /** A settlement offer: at a stage, waive shares (basis points) of penalty and fees if paid in full in time. */
    record Offer(String rule, String stage, Map<String, Integer> waiveBasisPoints, int payWithinDays) {
    }

    /**
     * A step; {@code before} only on a step a variant inserts. {@code when} stays a map in file order because the
     * conditions explain a decision in that order.
     */
    record Step(String before, String stage, String rule, String action, String recallAction,
                Map<String, JsonNode> when) {
    }

    record Challenger(String experiment, int shareBasisPoints, Map<String, Map<String, JsonNode>> overrides) {
    }

    record AbilityRules(Integer unreachableAfterAttempts) {
    }

    record Variant(List<Step> insert, Map<String, Map<String, JsonNode>> overrides) {
    }

    private EscalationFiles() {
    }

    static EscalationLadders ladders(ConfigReader reader) {
        Map<String, EscalationLadder> ladders = new HashMap<>();
        for (String name : reader.read("escalation/index.json", "escalation/index.schema.json", Index.class).value()
                .ladders()) {
            var file = reader.read("escalation/" + name + ".json", "escalation/ladder.schema.json", LadderFile.class);
            if (!file.value().productCode().equals(name)) {
                throw file.error("productCode", "\"" + file.value().productCode() + "\" does not match the file name");
            }
            ladders.put(name, ladder(file));
        }
        return new EscalationLadders(ladders);
    }

    private static EscalationLadder ladder(ConfigReader.Parsed<LadderFile> file) {
        LadderFile f = file.value();
        Set<String> stages = new HashSet<>();
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (int i = 0; i < f.steps().size(); i++) {
            String stage = f.steps().get(i).stage();
            if (!stages.add(stage) || stage.equals(EscalationLadder.CURRENT) || stage.equals(EscalationLadder.CLOSED)) {
                throw file.error("steps[" + i + "].stage", "\"" + stage + "\" is repeated or reserved");
            }
            ranks.put(stage, (i + 1) * 100);
        }
        Map<String, Variant> variantsListed = f.abilityVariants() == null ? Map.of() : f.abilityVariants();
        // Inserted steps of the variants take their rank just below the step they precede.
        variantsListed.forEach((ability, v) -> {
            List<Step> insert = v.insert() == null ? List.of() : v.insert();
            for (int i = 0; i < insert.size(); i++) {
                String at = "abilityVariants." + ability + ".insert[" + i + "]";
                Integer before = ranks.get(insert.get(i).before());
                if (before == null) {
                    throw file.error(at + ".before", "unknown stage \"" + insert.get(i).before() + "\"");
                }
                if (!stages.add(insert.get(i).stage())) {
                    throw file.error(at + ".stage", "\"" + insert.get(i).stage() + "\" is repeated");
                }
                ranks.put(insert.get(i).stage(), before - 50);
            }
        });
        List<LadderStep> champion = new ArrayList<>();
        for (int i = 0; i < f.steps().size(); i++) {
            champion.add(step(file, "steps[" + i + "]", f.steps().get(i), ranks));
        }
        EscalationLadder.Challenger challenger = f.challenger() == null ? null : new EscalationLadder.Challenger(
                f.challenger().experiment(), f.challenger().shareBasisPoints(),
                overrides(file, "challenger.overrides", f.challenger().overrides(), ranks));
        Map<Ability, EscalationLadder.Variant> variants = new EnumMap<>(Ability.class);
        variantsListed.forEach((ability, v) -> {
            String at = "abilityVariants." + ability;
            List<Step> insert = v.insert() == null ? List.of() : v.insert();
            List<LadderStep> inserted = new ArrayList<>();
            for (int i = 0; i < insert.size(); i++) {
                inserted.add(step(file, at + ".insert[" + i + "]", insert.get(i), ranks));
            }
            variants.put(Ability.valueOf(ability), new EscalationLadder.Variant(inserted,
                    overrides(file, at + ".overrides", v.overrides(), ranks)));
        });
        Integer unreachable = f.ability() == null ? null : f.ability().unreachableAfterAttempts();
        List<SettlementOffer> offers = new ArrayList<>();
        Set<String> offerRules = new HashSet<>();
        List<Offer> listed = f.offers() == null ? List.of() : f.offers();
        for (int i = 0; i < listed.size(); i++) {
            Offer o = listed.get(i);
            stage(file, "offers[" + i + "].stage", o.stage(), ranks);
            if (!offerRules.add(o.rule())) {
                throw file.error("offers[" + i + "].rule", "\"" + o.rule() + "\" is repeated");
            }
            Map<Component, Integer> shares = new EnumMap<>(Component.class);
            o.waiveBasisPoints().forEach((c, bp) -> shares.put(Component.valueOf(c), bp));
            offers.add(new SettlementOffer(o.rule(), o.stage(), shares, o.payWithinDays()));
        }
        return new EscalationLadder(f.productCode(), champion, challenger, variants,
                unreachable == null ? 3 : unreachable, LocalTime.parse(f.callTaskLocalTime()), offers);
    }

    private static LadderStep step(ConfigReader.Parsed<?> file, String at, Step s, Map<String, Integer> ranks) {
        return new LadderStep(s.stage(), s.rule(), s.action(), s.recallAction(),
                conditions(file, at + ".when", s.when(), ranks), ranks.get(s.stage()));
    }

    private static Map<String, List<StepCondition>> overrides(ConfigReader.Parsed<?> file, String key,
                                                              Map<String, Map<String, JsonNode>> listed,
                                                              Map<String, Integer> ranks) {
        Map<String, List<StepCondition>> out = new HashMap<>();
        if (listed != null) {
            listed.forEach((stage, when) -> {
                if (!ranks.containsKey(stage)) {
                    throw file.error(key + "." + stage, "unknown stage");
                }
                out.put(stage, conditions(file, key + "." + stage, when, ranks));
            });
        }
        return out;
    }

    /** The conditions in file order; the schema has checked each value's shape. */
    private static List<StepCondition> conditions(ConfigReader.Parsed<?> file, String key, Map<String, JsonNode> when,
                                                  Map<String, Integer> ranks) {
        List<StepCondition> out = new ArrayList<>();
        when.forEach((name, v) -> {
            String k = key + "." + name;
            switch (name) {
                case "minDpd" -> out.add(new StepCondition.MinDaysPastDue(v.intValue()));
                case "minOverdue" -> out.add(new StepCondition.MinOverdue(amounts(file, k, v)));
                case "minBalance" -> out.add(new StepCondition.MinBalance(amounts(file, k, v)));
                case "legalEvent" -> out.add(new StepCondition.LegalEvent(v.asText()));
                case "noPaymentSince" -> out.add(new StepCondition.NoPaymentSince(stage(file, k, v.asText(), ranks)));
                case "after" -> {
                    for (int i = 0; i < v.size(); i++) {
                        out.add(new StepCondition.AfterStage(stage(file, k + "[" + i + "].stage",
                                v.get(i).get("stage").asText(), ranks), v.get(i).get("days").intValue()));
                    }
                }
                default -> throw file.error(k, "unknown condition");
            }
        });
        return out;
    }

    private static String stage(ConfigReader.Parsed<?> file, String key, String stage, Map<String, Integer> ranks) {
        if (!ranks.containsKey(stage)) {
            throw file.error(key, "unknown stage \"" + stage + "\"");
        }
        return stage;
    }

    private static Map<String, BigDecimal> amounts(ConfigReader.Parsed<?> file, String key, JsonNode n) {
        Map<String, BigDecimal> out = new HashMap<>();
        n.fields().forEachRemaining(e -> {
            try {
                BigDecimal a = new BigDecimal(e.getValue().asText());
                if (a.scale() > Currency.getInstance(e.getKey()).getDefaultFractionDigits()) {
                    throw new NumberFormatException();
                }
                out.put(e.getKey(), a);
            } catch (IllegalArgumentException bad) {
                throw file.error(key + "." + e.getKey(),
                        "must be a currency code mapped to a non-negative decimal string in its scale");
            }
        });
        return out;
    }
}

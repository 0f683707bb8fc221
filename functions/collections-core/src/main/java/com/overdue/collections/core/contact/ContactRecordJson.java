package com.overdue.collections.core.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a contact record: the DynamoDB item body and one line of the local runner's contacts.jsonl. Each
 * evaluation carries the decision, every rule's verdict with its legal basis, and the rule pack's digest.
 */
public final class ContactRecordJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ContactRecordJson() {
    }

    public static ObjectNode write(ContactRecord r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("borrowerId", r.borrowerId());
        n.put("businessDate", r.businessDate().toString());
        n.put("channel", r.channel().name());
        n.put("messageId", r.messageId());
        n.put("state", r.state().name());
        text(n, "dueAt", r.dueAt());
        n.put("attempts", r.attempts());
        strings(n.putArray("rounds"), r.rounds());
        strings(n.putArray("loanIds"), r.loanIds());
        strings(n.putArray("jurisdictions"), r.jurisdictions());
        n.put("locale", r.locale());
        n.put("timeZone", r.timeZone());
        ArrayNode evaluations = n.putArray("evaluations");
        r.evaluations().forEach(e -> evaluations.add(evaluation(e)));
        text(n, "sentAt", r.sentAt());
        n.put("providerMessageId", r.providerMessageId());
        n.put("template", r.template());
        n.put("contentSha256", r.contentSha256());
        n.put("note", r.note());
        n.put("version", r.version());
        return n;
    }

    public static ObjectNode evaluation(ContactEvaluation e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.set("decision", decision(e.decision()));
        n.put("rulePack", e.rulePack());
        n.put("rulePackVersion", e.rulePackVersion());
        n.put("evaluatedAt", e.evaluatedAt().toString());
        ArrayNode verdicts = n.putArray("verdicts");
        for (RuleVerdict v : e.verdicts()) {
            ObjectNode d = decision(v.decision());
            d.put("rule", v.rule());
            d.put("basis", v.basis());
            verdicts.add(d);
        }
        return n;
    }

    private static ObjectNode decision(ContactDecision d) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("outcome", d.outcome());
        if (d instanceof ContactDecision.Defer defer) {
            n.put("until", defer.until().toString()).put("decidedBy", defer.rule()).put("reason", defer.reason());
        } else if (d instanceof ContactDecision.Suppress s) {
            n.put("decidedBy", s.rule()).put("reason", s.reason());
        }
        return n;
    }

    public static ContactRecord read(String json) {
        try {
            return read(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt contact record", e);
        }
    }

    public static ContactRecord read(JsonNode n) {
        List<ContactEvaluation> evaluations = new ArrayList<>();
        for (JsonNode e : n.path("evaluations")) {
            List<RuleVerdict> verdicts = new ArrayList<>();
            for (JsonNode v : e.path("verdicts")) {
                verdicts.add(new RuleVerdict(v.get("rule").asText(), v.path("basis").asText(null), decisionOf(v)));
            }
            evaluations.add(new ContactEvaluation(decisionOf(e.get("decision")), verdicts,
                    e.get("rulePack").asText(), e.get("rulePackVersion").asText(),
                    Instant.parse(e.get("evaluatedAt").asText())));
        }
        return new ContactRecord(n.get("borrowerId").asText(), LocalDate.parse(n.get("businessDate").asText()),
                Channel.valueOf(n.get("channel").asText()), n.path("messageId").asText(null),
                ContactState.valueOf(n.get("state").asText()), instant(n, "dueAt"), n.path("attempts").asInt(),
                strings(n.path("rounds")), strings(n.path("loanIds")), strings(n.path("jurisdictions")),
                n.path("locale").asText(null), n.path("timeZone").asText(null), evaluations, instant(n, "sentAt"),
                textOrNull(n, "providerMessageId"), textOrNull(n, "template"), textOrNull(n, "contentSha256"),
                textOrNull(n, "note"), n.path("version").asLong(1));
    }

    private static ContactDecision decisionOf(JsonNode d) {
        return switch (d.get("outcome").asText()) {
            case "ALLOW" -> ContactDecision.allow();
            case "DEFER" -> new ContactDecision.Defer(Instant.parse(d.get("until").asText()),
                    d.get("decidedBy").asText(), d.path("reason").asText(null));
            case "SUPPRESS" -> new ContactDecision.Suppress(d.get("decidedBy").asText(), d.path("reason").asText(null));
            default -> throw new IllegalStateException("unknown contact outcome " + d.get("outcome"));
        };
    }

    private static void text(ObjectNode n, String key, Instant value) {
        if (value == null) {
            n.putNull(key);
        } else {
            n.put(key, value.toString());
        }
    }

    private static String textOrNull(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode n, String key) {
        String v = textOrNull(n, key);
        return v == null ? null : Instant.parse(v);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}

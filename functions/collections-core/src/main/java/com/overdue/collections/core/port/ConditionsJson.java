package com.overdue.collections.core.port;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.ledger.LoanConditions;
import com.overdue.collections.core.ledger.LoanConditions.ContactPreferences;
import com.overdue.collections.core.ledger.LoanConditions.Dispute;
import com.overdue.collections.core.ledger.LoanConditions.Hardship;
import com.overdue.collections.core.ledger.LoanConditions.HardshipStatus;
import com.overdue.collections.core.ledger.LoanConditions.LegalFlag;
import com.overdue.collections.core.ledger.LoanConditions.PlanPayment;
import com.overdue.collections.core.ledger.LoanConditions.PromiseStatus;
import com.overdue.collections.core.ledger.LoanConditions.PromiseToPay;
import com.overdue.collections.core.ledger.LoanConditions.Waiver;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The JSON form of {@link LoanConditions} inside the loan snapshot (field by field, no annotations). */
final class ConditionsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConditionsJson() {
    }

    static ObjectNode write(LoanConditions c) {
        ObjectNode n = MAPPER.createObjectNode();
        ArrayNode disputes = n.putArray("disputes");
        for (Dispute d : c.disputes()) {
            disputes.addObject().put("disputeId", d.disputeId()).put("openedOn", str(d.openedOn()))
                    .put("reason", d.reason()).put("resolvedOn", str(d.resolvedOn())).put("outcome", d.outcome())
                    .put("consumerDisagrees", d.consumerDisagrees());
        }
        ArrayNode promises = n.putArray("promises");
        for (PromiseToPay p : c.promises()) {
            promises.addObject().put("promiseId", p.promiseId()).put("madeOn", str(p.madeOn()))
                    .put("amount", p.amount()).put("promisedDate", str(p.promisedDate()))
                    .put("holdUntil", str(p.holdUntil())).put("paidSoFar", p.paidSoFar())
                    .put("status", p.status().name()).put("resolvedOn", str(p.resolvedOn()));
        }
        ArrayNode hardships = n.putArray("hardships");
        for (Hardship h : c.hardships()) {
            ObjectNode o = hardships.addObject().put("requestId", h.requestId()).put("requestedOn",
                            str(h.requestedOn())).put("reason", h.reason()).put("requestedKind", h.requestedKind())
                    .put("status", h.status().name()).put("planKind", h.planKind()).put("decidedOn",
                            str(h.decidedOn())).put("reviewer", h.reviewer()).put("endedOn", str(h.endedOn()))
                    .put("paidSoFar", h.paidSoFar());
            ArrayNode docs = o.putArray("documents");
            h.documents().forEach(docs::add);
            ArrayNode plan = o.putArray("plan");
            for (PlanPayment pp : h.plan()) {
                plan.addObject().put("seq", pp.seq()).put("dueDate", str(pp.dueDate())).put("amount", pp.amount());
            }
        }
        ArrayNode flags = n.putArray("legalFlags");
        c.legalFlags().forEach(f -> flags.addObject().put("kind", f.kind()).put("on", str(f.on())));
        ObjectNode contact = n.putObject("contact");
        ArrayNode optOut = contact.putArray("optOut");
        new TreeSet<>(c.contact().optOut()).forEach(optOut::add);
        contact.put("ceaseCommunication", c.contact().ceaseCommunication());
        ArrayNode complaints = contact.putArray("complaintChannels");
        new TreeSet<>(c.contact().complaintChannels()).forEach(complaints::add);
        contact.put("changedOn", str(c.contact().changedOn()));
        ArrayNode waivers = n.putArray("waivers");
        for (Waiver w : c.waivers()) {
            waivers.addObject().put("sourceEventId", w.sourceEventId()).put("component", w.component())
                    .put("requested", w.requested()).put("applied", w.applied()).put("approvedBy", w.approvedBy())
                    .put("on", str(w.on()));
        }
        return n;
    }

    static LoanConditions read(JsonNode n) {
        List<Dispute> disputes = new ArrayList<>();
        for (JsonNode d : n.path("disputes")) {
            disputes.add(new Dispute(text(d, "disputeId"), date(d, "openedOn"), text(d, "reason"),
                    date(d, "resolvedOn"), text(d, "outcome"), d.path("consumerDisagrees").asBoolean()));
        }
        List<PromiseToPay> promises = new ArrayList<>();
        for (JsonNode p : n.path("promises")) {
            promises.add(new PromiseToPay(text(p, "promiseId"), date(p, "madeOn"), text(p, "amount"),
                    date(p, "promisedDate"), date(p, "holdUntil"), text(p, "paidSoFar"),
                    PromiseStatus.valueOf(text(p, "status")), date(p, "resolvedOn")));
        }
        List<Hardship> hardships = new ArrayList<>();
        for (JsonNode h : n.path("hardships")) {
            List<String> docs = new ArrayList<>();
            h.path("documents").forEach(d -> docs.add(d.asText()));
            List<PlanPayment> plan = new ArrayList<>();
            for (JsonNode pp : h.path("plan")) {
                plan.add(new PlanPayment(pp.path("seq").asInt(), date(pp, "dueDate"), text(pp, "amount")));
            }
            hardships.add(new Hardship(text(h, "requestId"), date(h, "requestedOn"), text(h, "reason"), docs,
                    text(h, "requestedKind"), HardshipStatus.valueOf(text(h, "status")), text(h, "planKind"), plan,
                    date(h, "decidedOn"), text(h, "reviewer"), date(h, "endedOn"), text(h, "paidSoFar")));
        }
        List<LegalFlag> flags = new ArrayList<>();
        for (JsonNode f : n.path("legalFlags")) {
            flags.add(new LegalFlag(text(f, "kind"), date(f, "on")));
        }
        JsonNode c = n.path("contact");
        Set<String> optOut = new TreeSet<>();
        c.path("optOut").forEach(v -> optOut.add(v.asText()));
        Set<String> complaints = new TreeSet<>();
        c.path("complaintChannels").forEach(v -> complaints.add(v.asText()));
        List<Waiver> waivers = new ArrayList<>();
        for (JsonNode w : n.path("waivers")) {
            waivers.add(new Waiver(text(w, "sourceEventId"), text(w, "component"), text(w, "requested"),
                    text(w, "applied"), text(w, "approvedBy"), date(w, "on")));
        }
        return new LoanConditions(disputes, promises, hardships, flags, new ContactPreferences(optOut,
                c.path("ceaseCommunication").asBoolean(), complaints, date(c, "changedOn")), waivers);
    }

    private static String str(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static LocalDate date(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : LocalDate.parse(v);
    }
}

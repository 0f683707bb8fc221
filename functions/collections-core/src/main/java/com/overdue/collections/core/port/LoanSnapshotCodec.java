package com.overdue.collections.core.port;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.delinquency.DelinquencyStatus;
import com.overdue.collections.core.delinquency.Severity;
import com.overdue.collections.core.ledger.ComponentAmounts;
import com.overdue.collections.core.ledger.InstallmentPosition;
import com.overdue.collections.core.ledger.LoanClosure;
import com.overdue.collections.core.ledger.LoanConditions;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.loan.ScheduledInstallment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a loan's terms, position and status as one compact JSON document and reads it back, so that a store keeps
 * the snapshot in a single attribute. Amounts are decimal strings, dates ISO strings: exact and readable in the
 * console. No annotations on the domain types: the mapping is spelled out here.
 */
public final class LoanSnapshotCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public String write(LoanTerms terms, LoanPosition position, DelinquencyStatus status) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode t = root.putObject("terms");
        t.put("loanId", terms.loanId());
        t.put("borrowerId", terms.borrowerId());
        t.put("productCode", terms.productCode());
        t.put("currency", terms.currency().getCurrencyCode());
        t.put("jurisdiction", terms.jurisdiction());
        t.put("timeZone", terms.timeZone().getId());
        t.put("principal", terms.principal().toPlainString());
        t.put("disbursedOn", terms.disbursedOn().toString());
        ArrayNode schedule = t.putArray("schedule");
        for (ScheduledInstallment s : terms.schedule()) {
            schedule.addObject().put("seq", s.seq()).put("dueDate", s.dueDate().toString())
                    .put("principal", s.principal().toPlainString()).put("interest", s.interest().toPlainString())
                    .put("fees", s.fees().toPlainString());
        }
        ObjectNode p = root.putObject("position");
        p.put("asOf", position.asOf().toString());
        p.put("credit", position.unappliedCredit().toPlainString());
        putDate(p, "dateOfFirstDelinquency", position.dateOfFirstDelinquency());
        putDate(p, "lastPaymentOn", position.lastPaymentOn());
        if (position.closure() != null) {
            p.putObject("closure").put("reason", position.closure().reason())
                    .put("on", position.closure().on().toString());
        }
        ArrayNode installments = p.putArray("installments");
        for (InstallmentPosition i : position.installments()) {
            ObjectNode n = installments.addObject().put("seq", i.seq()).put("dueDate", i.dueDate().toString());
            n.set("due", amounts(i.due()));
            n.set("paid", amounts(i.paid()));
            if (!i.waived().total().isZero()) {
                n.set("waived", amounts(i.waived()));
            }
            if (i.pausedDays() > 0) {
                n.put("pausedDays", i.pausedDays());
            }
        }
        if (!position.conditions().equals(LoanConditions.NONE)) {
            p.set("conditions", ConditionsJson.write(position.conditions()));
        }
        ObjectNode s = root.putObject("status");
        s.put("asOf", status.asOf().toString());
        s.put("daysPastDue", status.daysPastDue());
        s.put("severity", status.severity().name());
        s.put("bucket", status.bucket());
        s.put("overdueAmount", status.overdueAmount().toPlainString());
        ObjectNode byBucket = s.putObject("overdueByBucket");
        status.overdueByBucket().forEach((k, v) -> byBucket.put(k, v.toPlainString()));
        ArrayNode late = s.putArray("installments");
        for (DelinquencyStatus.InstallmentDelinquency d : status.installments()) {
            late.addObject().put("seq", d.seq()).put("dueDate", d.dueDate().toString())
                    .put("daysPastDue", d.daysPastDue()).put("bucket", d.bucket())
                    .put("overdue", d.overdue().toPlainString());
        }
        return root.toString();
    }

    /** The decoded snapshot. */
    public record Snapshot(LoanTerms terms, LoanPosition position, DelinquencyStatus status) {
    }

    public Snapshot read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt loan snapshot", e);
        }
        JsonNode t = root.get("terms");
        Currency currency = Currency.getInstance(t.get("currency").asText());
        List<ScheduledInstallment> schedule = new ArrayList<>();
        for (JsonNode s : t.get("schedule")) {
            schedule.add(new ScheduledInstallment(s.get("seq").asInt(), LocalDate.parse(s.get("dueDate").asText()),
                    money(s, "principal", currency), money(s, "interest", currency), money(s, "fees", currency)));
        }
        LoanTerms terms = new LoanTerms(t.get("loanId").asText(), t.get("borrowerId").asText(),
                t.get("productCode").asText(), currency, t.get("jurisdiction").asText(),
                ZoneId.of(t.get("timeZone").asText()), money(t, "principal", currency),
                LocalDate.parse(t.get("disbursedOn").asText()), schedule);
        JsonNode p = root.get("position");
        List<InstallmentPosition> installments = new ArrayList<>();
        for (JsonNode i : p.get("installments")) {
            installments.add(new InstallmentPosition(i.get("seq").asInt(), LocalDate.parse(i.get("dueDate").asText()),
                    amounts(i.get("due"), currency), amounts(i.get("paid"), currency),
                    i.has("waived") ? amounts(i.get("waived"), currency) : ComponentAmounts.zero(currency),
                    i.path("pausedDays").asInt(0)));
        }
        JsonNode c = p.get("closure");
        LoanPosition position = new LoanPosition(terms, LocalDate.parse(p.get("asOf").asText()), installments,
                money(p, "credit", currency), date(p, "dateOfFirstDelinquency"), date(p, "lastPaymentOn"),
                c == null ? null : new LoanClosure(c.get("reason").asText(), LocalDate.parse(c.get("on").asText())),
                p.has("conditions") ? ConditionsJson.read(p.get("conditions")) : LoanConditions.NONE);
        JsonNode s = root.get("status");
        Map<String, Money> byBucket = new LinkedHashMap<>();
        s.get("overdueByBucket").fields().forEachRemaining(e ->
                byBucket.put(e.getKey(), new Money(new BigDecimal(e.getValue().asText()), currency)));
        List<DelinquencyStatus.InstallmentDelinquency> late = new ArrayList<>();
        for (JsonNode d : s.get("installments")) {
            late.add(new DelinquencyStatus.InstallmentDelinquency(d.get("seq").asInt(),
                    LocalDate.parse(d.get("dueDate").asText()), d.get("daysPastDue").asInt(), d.get("bucket").asText(),
                    money(d, "overdue", currency)));
        }
        DelinquencyStatus status = new DelinquencyStatus(LocalDate.parse(s.get("asOf").asText()),
                s.get("daysPastDue").asInt(), Severity.valueOf(s.get("severity").asText()), s.get("bucket").asText(),
                money(s, "overdueAmount", currency), byBucket, late);
        return new Snapshot(terms, position, status);
    }

    private static ObjectNode amounts(ComponentAmounts a) {
        return MAPPER.createObjectNode().put("penalty", a.penalty().toPlainString())
                .put("fees", a.fees().toPlainString()).put("interest", a.interest().toPlainString())
                .put("principal", a.principal().toPlainString());
    }

    private static ComponentAmounts amounts(JsonNode n, Currency c) {
        return new ComponentAmounts(money(n, "penalty", c), money(n, "fees", c), money(n, "interest", c),
                money(n, "principal", c));
    }

    private static Money money(JsonNode n, String field, Currency c) {
        return new Money(new BigDecimal(n.get(field).asText()), c);
    }

    private static void putDate(ObjectNode n, String field, LocalDate date) {
        if (date != null) {
            n.put(field, date.toString());
        }
    }

    private static LocalDate date(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : LocalDate.parse(v.asText());
    }
}

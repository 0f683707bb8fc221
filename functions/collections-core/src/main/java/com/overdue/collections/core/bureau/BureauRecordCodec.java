package com.overdue.collections.core.bureau;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.metro2.AccountStatus;
import com.overdue.collections.core.metro2.ComplianceConditionCode;
import com.overdue.collections.core.metro2.PaymentHistoryCode;
import com.overdue.collections.core.metro2.PaymentHistoryProfile;
import com.overdue.collections.core.metro2.PaymentRating;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A {@link BureauRecord} as one JSON document and back: Metro 2 codes as the bureaus write them ("71", "XB"),
 * amounts as decimal strings, dates ISO. Readable in the console and in the local runner's output; ids only.
 */
public final class BureauRecordCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public String write(BureauRecord r) {
        return toJson(r).toString();
    }

    public ObjectNode toJson(BureauRecord r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("loanId", r.loanId());
        n.put("cycleDate", r.cycleDate().toString());
        n.put("disposition", r.disposition().name());
        n.put("productCode", r.productCode());
        n.put("jurisdiction", r.jurisdiction());
        n.put("currency", r.currency());
        n.put("accountStatus", r.accountStatus().code());
        n.put("paymentRating", r.paymentRating() == null ? null : String.valueOf(r.paymentRating().code()));
        n.put("historyCode", String.valueOf(r.historyCode().code()));
        n.put("paymentHistoryProfile", r.paymentHistoryProfile().value());
        n.put("specialComment", r.specialComment());
        n.put("complianceConditionCode", r.complianceCode().code());
        amount(n, "currentBalance", r.currentBalance());
        amount(n, "amountPastDue", r.amountPastDue());
        amount(n, "originalChargeOffAmount", r.originalChargeOffAmount());
        amount(n, "scheduledPayment", r.scheduledPayment());
        amount(n, "actualPayment", r.actualPayment());
        amount(n, "totalPaid", r.totalPaid());
        date(n, "dateFirstDelinquency", r.dateFirstDelinquency());
        date(n, "dateClosed", r.dateClosed());
        date(n, "dateLastPayment", r.dateLastPayment());
        date(n, "chargedOffOn", r.chargedOffOn());
        date(n, "noticeSentOn", r.noticeSentOn());
        date(n, "firstNegativeOn", r.firstNegativeOn());
        n.put("correction", r.correction());
        date(n, "reportedOn", r.reportedOn());
        return n;
    }

    public BureauRecord read(String json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt bureau record", e);
        }
        return new BureauRecord(
                n.get("loanId").asText(),
                LocalDate.parse(n.get("cycleDate").asText()),
                ReportingDisposition.valueOf(n.get("disposition").asText()),
                text(n, "productCode"),
                text(n, "jurisdiction"),
                text(n, "currency"),
                status(n.get("accountStatus").asText()),
                rating(text(n, "paymentRating")),
                PaymentHistoryCode.fromCode(n.get("historyCode").asText().charAt(0)),
                PaymentHistoryProfile.of(n.get("paymentHistoryProfile").asText()),
                text(n, "specialComment"),
                compliance(text(n, "complianceConditionCode")),
                amount(n, "currentBalance"),
                amount(n, "amountPastDue"),
                amount(n, "originalChargeOffAmount"),
                amount(n, "scheduledPayment"),
                amount(n, "actualPayment"),
                amount(n, "totalPaid"),
                date(n, "dateFirstDelinquency"),
                date(n, "dateClosed"),
                date(n, "dateLastPayment"),
                date(n, "chargedOffOn"),
                date(n, "noticeSentOn"),
                date(n, "firstNegativeOn"),
                text(n, "correction"),
                date(n, "reportedOn"));
    }

    private static AccountStatus status(String code) {
        for (AccountStatus s : AccountStatus.values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown account status " + code);
    }

    private static PaymentRating rating(String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        for (PaymentRating r : PaymentRating.values()) {
            if (r.code() == code.charAt(0)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown payment rating " + code);
    }

    private static ComplianceConditionCode compliance(String code) {
        for (ComplianceConditionCode c : ComplianceConditionCode.values()) {
            if (c.code().equals(code == null ? "" : code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown compliance condition code " + code);
    }

    private static void amount(ObjectNode n, String field, BigDecimal value) {
        n.put(field, value == null ? "0" : value.toPlainString());
    }

    private static BigDecimal amount(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? BigDecimal.ZERO : new BigDecimal(v);
    }

    private static void date(ObjectNode n, String field, LocalDate value) {
        n.put(field, value == null ? null : value.toString());
    }

    private static LocalDate date(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : LocalDate.parse(v);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

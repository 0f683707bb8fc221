package com.overdue.collections.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.ingest.CollectionsEvent;
import com.overdue.collections.core.ingest.EventParser;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.ScheduledInstallment;

import java.time.Instant;
import java.time.LocalDate;

/** Events of the public contract as the lending platform would post them, built as JSON text. */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final EventParser PARSER = new EventParser();

    private EventJson() {
    }

    /** Parses an event built here; the tests that use it are about what happens after parsing. */
    public static CollectionsEvent parsed(String json) {
        return PARSER.parse(json);
    }

    /** Reads back an event as the ledger stored it (a booking without its borrower). */
    public static CollectionsEvent stored(String json) {
        return PARSER.parseStored(json);
    }

    public static String loanBooked(String eventId, Instant occurredAt, LoanTerms terms) {
        ObjectNode payload = MAPPER.createObjectNode()
                .put("borrowerId", terms.borrowerId())
                .put("productCode", terms.productCode())
                .put("currency", terms.currency().getCurrencyCode())
                .put("jurisdiction", terms.jurisdiction())
                .put("timeZone", terms.timeZone().getId())
                .put("principal", terms.principal().toPlainString())
                .put("disbursedOn", terms.disbursedOn().toString());
        ArrayNode installments = payload.putArray("installments");
        for (ScheduledInstallment i : terms.schedule()) {
            installments.addObject().put("seq", i.seq()).put("dueDate", i.dueDate().toString())
                    .put("principal", i.principal().toPlainString()).put("interest", i.interest().toPlainString())
                    .put("fees", i.fees().toPlainString());
        }
        ObjectNode borrower = payload.putObject("borrower");
        borrower.putObject("name").put("first", "Wei").put("middle", "").put("last", "Zhang");
        borrower.put("locale", "zh-CN").put("timeZone", terms.timeZone().getId());
        return envelope(eventId, "LoanBooked", occurredAt, terms.loanId(), payload);
    }

    public static String paymentReceived(String eventId, Instant occurredAt, String loanId, String paymentId,
                                         String amount, LocalDate receivedOn) {
        return envelope(eventId, "PaymentReceived", occurredAt, loanId, MAPPER.createObjectNode()
                .put("paymentId", paymentId).put("amount", amount).put("receivedOn", receivedOn.toString())
                .put("channel", "BANK_TRANSFER"));
    }

    public static String paymentReversed(String eventId, Instant occurredAt, String loanId, String paymentId) {
        return envelope(eventId, "PaymentReversed", occurredAt, loanId, MAPPER.createObjectNode()
                .put("paymentId", paymentId).put("reason", "NSF"));
    }

    public static String loanClosed(String eventId, Instant occurredAt, String loanId, String reason, LocalDate on) {
        return envelope(eventId, "LoanClosed", occurredAt, loanId, MAPPER.createObjectNode()
                .put("reason", reason).put("on", on.toString()));
    }

    public static String disputeOpened(String eventId, Instant occurredAt, String loanId, String disputeId) {
        return envelope(eventId, "DisputeOpened", occurredAt, loanId, MAPPER.createObjectNode()
                .put("disputeId", disputeId).put("reason", "amount not recognised"));
    }

    public static String disputeResolved(String eventId, Instant occurredAt, String loanId, String disputeId) {
        return envelope(eventId, "DisputeResolved", occurredAt, loanId, MAPPER.createObjectNode()
                .put("disputeId", disputeId).put("outcome", "REJECTED").put("consumerDisagrees", false));
    }

    public static String waiverGranted(String eventId, Instant occurredAt, String loanId, String component,
                                       String amount, String approvedBy) {
        return envelope(eventId, "WaiverGranted", occurredAt, loanId, MAPPER.createObjectNode()
                .put("component", component).put("amount", amount).put("approvedBy", approvedBy));
    }

    public static String promiseToPayMade(String eventId, Instant occurredAt, String loanId, String promiseId,
                                          String amount, LocalDate promisedDate) {
        return envelope(eventId, "PromiseToPayMade", occurredAt, loanId, MAPPER.createObjectNode()
                .put("promiseId", promiseId).put("amount", amount).put("promisedDate", promisedDate.toString())
                .put("via", "CALL"));
    }

    public static String hardshipRequested(String eventId, Instant occurredAt, String loanId, String requestId,
                                           String kind) {
        ObjectNode payload = MAPPER.createObjectNode().put("requestId", requestId).put("reason", "JOB_LOSS");
        payload.putObject("requested").put("kind", kind);
        return envelope(eventId, "HardshipRequested", occurredAt, loanId, payload);
    }

    /** An approved instalment plan; {@code plan} alternates due date and amount: "2026-04-15", "700.00", ... */
    public static String instalmentPlanApproved(String eventId, Instant occurredAt, String loanId, String requestId,
                                                String... plan) {
        ObjectNode payload = MAPPER.createObjectNode().put("requestId", requestId).put("decision", "APPROVED")
                .put("reviewer", "U-3");
        ObjectNode p = payload.putObject("plan").put("kind", "INSTALMENT_PLAN");
        ArrayNode installments = p.putArray("installments");
        for (int i = 0; i < plan.length; i += 2) {
            installments.addObject().put("seq", i / 2 + 1).put("dueDate", plan[i]).put("amount", plan[i + 1]);
        }
        return envelope(eventId, "HardshipDecided", occurredAt, loanId, payload);
    }

    private static String envelope(String eventId, String type, Instant occurredAt, String loanId,
                                   ObjectNode payload) {
        ObjectNode root = MAPPER.createObjectNode()
                .put("eventId", eventId)
                .put("type", type)
                .put("schemaVersion", 1)
                .put("occurredAt", occurredAt.toString())
                .put("loanId", loanId);
        root.set("payload", payload);
        return root.toString();
    }
}

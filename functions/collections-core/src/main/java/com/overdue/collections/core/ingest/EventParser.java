package com.overdue.collections.core.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.overdue.collections.core.ingest.EventPayload.*;
import com.overdue.collections.core.loan.Borrower;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * Turns one JSON event of the public contract into a typed {@link CollectionsEvent}, or an
 * {@link InvalidEventException} that names the event and the first offending field. The rules mirror the published
 * JSON Schema ({@code schemas/collections-event.schema.json}); a test keeps the two in agreement.
 */
public final class EventParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> CONTACT_CHANNELS = Set.of("CALL", "FIELD_VISIT", "LETTER");
    private static final Set<String> OUTCOMES = Set.of("RIGHT_PARTY_CONTACT", "NO_ANSWER", "WRONG_NUMBER",
            "REFUSED_TO_PAY", "CANNOT_PAY", "LETTER_DELIVERED", "LETTER_RETURNED");
    private static final Set<String> HARDSHIP_REASONS = Set.of("JOB_LOSS", "ILLNESS", "DISASTER", "OTHER");
    private static final Set<String> PLAN_KINDS = Set.of("INSTALMENT_PLAN", "DEFERRAL", "MINIMUM_PAYMENT", "WAIVER");
    private static final Set<String> WAIVER_COMPONENTS = Set.of("PENALTY", "FEES", "INTEREST");
    private static final Set<String> MESSAGE_CHANNELS = Set.of("SMS", "EMAIL", "IN_APP", "CALL", "LETTER");
    private static final Set<String> LEGAL_KINDS = Set.of("JUDGMENT", "SETTLEMENT", "BANKRUPTCY", "DECEASED");
    private static final Set<String> CLOSE_REASONS = Set.of("PAID_OFF", "SETTLED", "SOLD", "WRITTEN_OFF");

    public CollectionsEvent parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(new EventRejection(null, null, null, "$", "not valid JSON: "
                    + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidEventException(new EventRejection(null, null, null, "$", "must be a JSON object"));
        }
        String eventId = textOrNull(root, "eventId");
        String type = textOrNull(root, "type");
        String loanId = textOrNull(root, "loanId");
        try {
            JsonReader envelope = new JsonReader(root, "");
            envelope.text("eventId");
            String typeName = envelope.text("type");
            EventType eventType = EventType.named(typeName).orElseThrow(() ->
                    new JsonReader.FieldError("type", "unknown event type \"" + typeName + "\""));
            JsonNode version = root.get("schemaVersion");
            if (version == null || !version.isIntegralNumber() || version.asInt() != 1) {
                throw new JsonReader.FieldError("schemaVersion", "must be 1");
            }
            var occurredAt = envelope.instant("occurredAt");
            envelope.text("loanId");
            EventPayload payload = payload(eventType, envelope.object("payload"));
            if (payload instanceof LoanBooked booked) {
                checkScale(payload, Currency.getInstance(booked.currency()));
            }
            return new CollectionsEvent(eventId, eventType, 1, occurredAt, loanId, payload, json);
        } catch (JsonReader.FieldError e) {
            throw new InvalidEventException(new EventRejection(eventId, type, loanId, e.field, e.getMessage()));
        }
    }

    /**
     * Rejects an amount with more decimals than the currency allows (EVENTS.md); called once the loan's currency is
     * known.
     */
    public static void checkScale(CollectionsEvent event, Currency currency) {
        try {
            checkScale(event.payload(), currency);
        } catch (JsonReader.FieldError e) {
            throw new InvalidEventException(new EventRejection(event.eventId(), event.type().name(), event.loanId(),
                    e.field, e.getMessage()));
        }
    }

    private static void checkScale(EventPayload payload, Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        for (AmountField amount : payload.amounts()) {
            if (amount.value().scale() > digits) {
                throw new JsonReader.FieldError(amount.path(), "has more decimals than " + currency.getCurrencyCode()
                        + " allows (" + digits + "): \"" + amount.value().toPlainString() + "\"");
            }
        }
    }

    private static String textOrNull(JsonNode root, String name) {
        JsonNode v = root.get(name);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private EventPayload payload(EventType type, JsonReader p) {
        return switch (type) {
            case LoanBooked -> loanBooked(p);
            case PaymentReceived -> new PaymentReceived(p.text("paymentId"), p.amount("amount"),
                    p.date("receivedOn"), p.text("channel"));
            case PaymentReversed -> new PaymentReversed(p.text("paymentId"), p.optionalText("reason"));
            case PromiseToPayMade -> new PromiseToPayMade(p.text("promiseId"), p.amount("amount"),
                    p.date("promisedDate"), p.optionalText("via"));
            case ContactOutcomeRecorded -> new ContactOutcomeRecorded(p.oneOf("channel", CONTACT_CHANNELS),
                    p.instant("at"), p.oneOf("outcome", OUTCOMES), p.optionalText("agentId"));
            case HardshipRequested -> new HardshipRequested(p.text("requestId"), p.oneOf("reason", HARDSHIP_REASONS),
                    p.array("documents", false, 0, (n, at) -> {
                        JsonReader d = JsonReader.objectAt(n, at);
                        return new HardshipDocument(d.text("type"), d.text("ref"));
                    }),
                    p.object("requested").oneOf("kind", PLAN_KINDS));
            case HardshipDecided -> hardshipDecided(p);
            case WaiverGranted -> new WaiverGranted(p.oneOf("component", WAIVER_COMPONENTS), p.amount("amount"),
                    p.text("approvedBy"));
            case DisputeOpened -> new DisputeOpened(p.text("disputeId"), p.optionalText("reason"));
            case DisputeResolved -> new DisputeResolved(p.text("disputeId"), p.oneOf("outcome", Set.of("UPHELD",
                    "REJECTED")), p.optionalBoolean("consumerDisagrees"));
            case ContactPreferencesChanged -> new ContactPreferencesChanged(
                    p.array("optOut", false, 0, (n, at) -> {
                        if (n == null || !n.isTextual() || !MESSAGE_CHANNELS.contains(n.asText())) {
                            throw new JsonReader.FieldError(at, "must be one of " + MESSAGE_CHANNELS.stream().sorted()
                                    .toList());
                        }
                        return n.asText();
                    }), p.optionalBoolean("ceaseCommunication"));
            case ComplaintReceived -> new ComplaintReceived(p.text("complaintId"),
                    p.oneOf("channel", MESSAGE_CHANNELS), p.optionalText("summary"));
            case LegalEventRecorded -> new LegalEventRecorded(p.oneOf("kind", LEGAL_KINDS), p.date("on"));
            case LoanClosed -> new LoanClosed(p.oneOf("reason", CLOSE_REASONS), p.date("on"));
        };
    }

    private LoanBooked loanBooked(JsonReader p) {
        String borrowerId = p.text("borrowerId");
        String currency = p.text("currency");
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new JsonReader.FieldError(p.path("currency"), "must be an ISO 4217 code, was \"" + currency + "\"");
        }
        String timeZone = p.zone("timeZone").getId();
        List<BookedInstallment> installments = p.array("installments", true, 1, (n, at) -> {
            JsonReader i = JsonReader.objectAt(n, at);
            return new BookedInstallment(i.positiveInt("seq"), i.date("dueDate"), i.amount("principal"),
                    i.amount("interest"), i.amount("fees"));
        });
        if (installments.stream().map(BookedInstallment::seq).distinct().count() != installments.size()) {
            throw new JsonReader.FieldError(p.path("installments"), "seq values must be unique");
        }
        JsonReader b = p.object("borrower");
        JsonReader name = b.object("name");
        JsonReader address = b.optionalObject("address");
        Borrower borrower = new Borrower(borrowerId, name.optionalText("first"), name.optionalText("middle"),
                name.optionalText("last"), b.text("locale"), b.zone("timeZone").getId(), b.optionalText("email"),
                b.optionalText("phone"), b.optionalDate("dateOfBirth"), b.optionalText("nationalId"),
                address == null ? null : new Borrower.PostalAddress(address.optionalText("line1"),
                        address.optionalText("line2"), address.optionalText("city"), address.optionalText("state"),
                        address.optionalText("postalCode"), address.optionalText("country")));
        return new LoanBooked(borrowerId, p.text("productCode"), currency, p.text("jurisdiction"), timeZone,
                p.amount("principal"), p.date("disbursedOn"), installments, borrower);
    }

    private HardshipDecided hardshipDecided(JsonReader p) {
        String decision = p.oneOf("decision", Set.of("APPROVED", "REJECTED"));
        JsonReader plan = "APPROVED".equals(decision) ? p.object("plan") : p.optionalObject("plan");
        return new HardshipDecided(p.text("requestId"), decision, p.text("reviewer"),
                plan == null ? null : hardshipPlan(plan));
    }

    private HardshipPlan hardshipPlan(JsonReader plan) {
        String kind = plan.oneOf("kind", PLAN_KINDS);
        return switch (kind) {
            case "INSTALMENT_PLAN" -> new HardshipPlan(kind, plan.array("installments", true, 1, (n, at) -> {
                JsonReader i = JsonReader.objectAt(n, at);
                return new PlanInstallment(i.positiveInt("seq"), i.date("dueDate"), i.amount("amount"));
            }), List.of(), null, null, null, null);
            case "DEFERRAL" -> new HardshipPlan(kind, List.of(), plan.array("newDueDates", true, 1, (n, at) -> {
                JsonReader i = JsonReader.objectAt(n, at);
                return new NewDueDate(i.positiveInt("seq"), i.date("dueDate"));
            }), null, null, null, null);
            case "MINIMUM_PAYMENT" -> new HardshipPlan(kind, List.of(), List.of(), plan.amount("minimumAmount"),
                    plan.date("untilDate"), null, null);
            default -> {
                BigDecimal amount = plan.amount("amount");
                yield new HardshipPlan(kind, List.of(), List.of(), null, null,
                        plan.oneOf("component", WAIVER_COMPONENTS), amount);
            }
        };
    }
}

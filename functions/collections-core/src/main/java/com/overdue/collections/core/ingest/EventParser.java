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
import java.util.regex.Pattern;

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
    private static final Set<String> ENVELOPE = Set.of("eventId", "type", "schemaVersion", "occurredAt", "loanId",
            "payload");
    // Patterns of the published schema's $defs, so that the parser accepts and refuses the same values.
    private static final Pattern CHANNEL_NAME = Pattern.compile("[A-Z][A-Z_]*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
    /** Structure only (one @, no spaces, no empty label); the schema's email format also checks the domain. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)*");
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
            root.fieldNames().forEachRemaining(name -> {
                if (!ENVELOPE.contains(name)) {
                    throw new JsonReader.FieldError(name, "is not an envelope field (the envelope is closed; "
                            + "type-specific fields belong in payload)");
                }
            });
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
            case PaymentReceived -> new PaymentReceived(p.text("paymentId"), p.positiveAmount("amount"),
                    p.date("receivedOn"), p.text("channel"));
            case PaymentReversed -> new PaymentReversed(p.text("paymentId"), p.text("reason"));
            case PromiseToPayMade -> new PromiseToPayMade(p.text("promiseId"), p.positiveAmount("amount"),
                    p.date("promisedDate"), p.text("via"));
            case ContactOutcomeRecorded -> new ContactOutcomeRecorded(p.oneOf("channel", CONTACT_CHANNELS),
                    p.instant("at"), p.oneOf("outcome", OUTCOMES), p.optionalText("agentId"));
            case HardshipRequested -> new HardshipRequested(p.text("requestId"), p.oneOf("reason", HARDSHIP_REASONS),
                    p.array("documents", false, 0, (n, at) -> {
                        JsonReader d = JsonReader.objectAt(n, at);
                        return new HardshipDocument(d.text("type"), d.text("ref"));
                    }),
                    p.object("requested").oneOf("kind", PLAN_KINDS));
            case HardshipDecided -> hardshipDecided(p);
            case WaiverGranted -> new WaiverGranted(p.oneOf("component", WAIVER_COMPONENTS),
                    p.positiveAmount("amount"), p.text("approvedBy"));
            case DisputeOpened -> new DisputeOpened(p.text("disputeId"), p.text("reason"));
            case DisputeResolved -> new DisputeResolved(p.text("disputeId"), p.oneOf("outcome", Set.of("UPHELD",
                    "REJECTED")), p.optionalBoolean("consumerDisagrees"));
            case ContactPreferencesChanged -> new ContactPreferencesChanged(optOut(p), p.bool("ceaseCommunication"));
            case ComplaintReceived -> new ComplaintReceived(p.text("complaintId"), p.text("channel"),
                    p.optionalString("summary"));
            case LegalEventRecorded -> new LegalEventRecorded(p.oneOf("kind", LEGAL_KINDS), p.date("on"));
            case LoanClosed -> new LoanClosed(p.oneOf("reason", CLOSE_REASONS), p.date("on"));
        };
    }

    /** The full list of opted-out channels: upper-case names (the set of channels is open), each once. */
    private static List<String> optOut(JsonReader p) {
        List<String> channels = p.array("optOut", true, 0, (n, at) -> {
            if (n == null || !n.isTextual() || !CHANNEL_NAME.matcher(n.asText()).matches()) {
                throw new JsonReader.FieldError(at, "must be an upper-case channel name such as \"SMS\"");
            }
            return n.asText();
        });
        if (channels.stream().distinct().count() != channels.size()) {
            throw new JsonReader.FieldError(p.path("optOut"), "must not name a channel twice");
        }
        return channels;
    }

    private LoanBooked loanBooked(JsonReader p) {
        String borrowerId = p.text("borrowerId");
        String currency = p.matching("currency", CURRENCY, "an ISO 4217 code such as \"CNY\"");
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
        Borrower borrower = new Borrower(borrowerId, name.string("first"), name.optionalString("middle"),
                name.string("last"), b.matching("locale", LOCALE, "a BCP 47 tag such as \"zh-CN\""),
                b.zone("timeZone").getId(), b.optionalMatching("email", EMAIL, "an e-mail address"),
                b.optionalMatching("phone", PHONE, "an E.164 number such as \"+8613800138000\""),
                b.optionalDate("dateOfBirth"), b.optionalText("nationalId"),
                address == null ? null : new Borrower.PostalAddress(address.text("line1"),
                        address.optionalString("line2"), address.text("city"), address.optionalString("state"),
                        address.optionalString("postalCode"),
                        address.matching("country", COUNTRY, "an ISO 3166-1 code such as \"CN\"")));
        return new LoanBooked(borrowerId, p.text("productCode"), currency,
                p.matching("jurisdiction", COUNTRY, "an ISO 3166-1 code such as \"CN\""), timeZone,
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
                return new PlanInstallment(i.positiveInt("seq"), i.date("dueDate"), i.positiveAmount("amount"));
            }), List.of(), null, null, null, null);
            case "DEFERRAL" -> new HardshipPlan(kind, List.of(), plan.array("newDueDates", true, 1, (n, at) -> {
                JsonReader i = JsonReader.objectAt(n, at);
                return new NewDueDate(i.positiveInt("seq"), i.date("dueDate"));
            }), null, null, null, null);
            case "MINIMUM_PAYMENT" -> new HardshipPlan(kind, List.of(), List.of(), plan.positiveAmount("minimumAmount"),
                    plan.date("untilDate"), null, null);
            default -> {
                BigDecimal amount = plan.positiveAmount("amount");
                yield new HardshipPlan(kind, List.of(), List.of(), null, null,
                        plan.oneOf("component", WAIVER_COMPONENTS), amount);
            }
        };
    }
}

package com.overdue.collections.core.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.overdue.collections.core.ingest.EventPayload.*;
import com.overdue.collections.core.ingest.wire.WirePayloads;
import com.overdue.collections.core.loan.Borrower;
import com.overdue.collections.core.loan.BorrowerDetails;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one JSON event of the public contract into a typed {@link CollectionsEvent}, or an
 * {@link InvalidEventException} that names the first offending field and the rule it breaks. In order: the size
 * limit, JSON syntax (Jackson, with bounded nesting, string and number lengths, duplicate keys refused), the published
 * JSON Schema ({@link EventSchema}), text well-formedness the schema cannot say (unpaired surrogates), binding to the
 * wire records ({@code ingest.wire}) with Jackson databind, and the semantic rules no schema can say (schedule order
 * and sum, dates against each other, time zones java.time knows). A rejection never quotes a value of the event.
 */
public final class EventParser {

    /** The largest event accepted, in bytes of UTF-8: well under DynamoDB's 400 KB item limit (docs/events.md). */
    public static final int MAX_EVENT_BYTES = 65_536;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z]{1,64}");

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32)
                            .maxStringLength(MAX_EVENT_BYTES).maxNumberLength(64).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final EventSchema SCHEMA = new EventSchema(MAPPER);

    /** Parses an event as received: the whole contract is enforced. */
    public CollectionsEvent parse(String json) {
        if (json == null) {
            throw rejection(null, null, null, "$", "is empty");
        }
        long bytes = utf8Length(json);
        if (bytes > MAX_EVENT_BYTES) {
            throw rejection(null, null, null, "$", "the event is " + bytes + " bytes; at most " + MAX_EVENT_BYTES
                    + " are accepted");
        }
        JsonNode root = tree(json);
        String eventId = idOrNull(root.path("eventId"));
        String type = root.path("type").isTextual() && TYPE_NAME.matcher(root.path("type").asText()).matches()
                ? root.path("type").asText() : null;
        String loanId = idOrNull(root.path("loanId"));
        var problem = SCHEMA.firstProblem(root);
        if (problem.isPresent()) {
            throw rejection(eventId, type, loanId, problem.get().field(), problem.get().reason());
        }
        String malformed = malformedText(root, "");
        if (malformed != null) {
            throw rejection(eventId, type, loanId, malformed, "must be well-formed Unicode without control or line "
                    + "characters");
        }
        try {
            return bind(root, json, true);
        } catch (FieldError e) {
            throw rejection(eventId, type, loanId, e.field, e.getMessage());
        }
    }

    /**
     * Parses an event the ledger stored when it was applied: it passed the contract of its day, so only its shape is
     * read (a stored booking carries no borrower; older stored copies may carry fields the contract no longer has).
     */
    public CollectionsEvent parseStored(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event is not JSON");
        }
        try {
            return bind(root, json, false);
        } catch (FieldError | IllegalArgumentException | DateTimeException e) {
            throw new IllegalStateException("stored event " + idOrNull(root.path("eventId")) + " cannot be read");
        }
    }

    /**
     * Rejects an amount with more decimals than the currency allows (EVENTS.md); called once the loan's currency is
     * known.
     */
    public static void checkScale(CollectionsEvent event, Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        for (AmountField amount : event.payload().amounts()) {
            if (amount.value().scale() > digits) {
                throw rejection(event.eventId(), event.type().name(), event.loanId(), amount.path(),
                        "has more decimals than " + currency.getCurrencyCode() + " allows (" + digits + ")");
            }
        }
    }

    /** A canonical digest of an event's content (independent of key order and whitespace), for conflict checks. */
    public static String canonicalHash(String json) {
        try {
            return CanonicalHash.of(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event is not JSON");
        }
    }

    // ---- steps

    private static JsonNode tree(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            throw rejection(null, null, null, "$", "nests too deep or holds a value too long to be an event");
        } catch (JsonParseException e) {
            String why = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "names the same field twice in one object" : "is not valid JSON";
            throw rejection(null, null, null, "$", why + " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (JsonProcessingException e) {
            throw rejection(null, null, null, "$", "is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw rejection(null, null, null, "$", "must be a JSON object");
        }
        return root;
    }

    private CollectionsEvent bind(JsonNode root, String json, boolean received) {
        EventType type = EventType.named(root.path("type").asText())
                .orElseThrow(() -> new FieldError("type", "is not an event type of the contract"));
        Instant occurredAt = Instant.parse(root.path("occurredAt").asText());
        JsonNode payload = root.path("payload");
        EventPayload typed = switch (type) {
            case LoanBooked -> loanBooked(read(payload, WirePayloads.LoanBooked.class), occurredAt, received);
            case PaymentReceived -> {
                var p = read(payload, WirePayloads.PaymentReceived.class);
                yield new PaymentReceived(p.paymentId(), amount(p.amount()), date(p.receivedOn()), p.channel());
            }
            case PaymentReversed -> {
                var p = read(payload, WirePayloads.PaymentReversed.class);
                yield new PaymentReversed(p.paymentId(), p.reason());
            }
            case PromiseToPayMade -> {
                var p = read(payload, WirePayloads.PromiseToPayMade.class);
                yield new PromiseToPayMade(p.promiseId(), amount(p.amount()), date(p.promisedDate()), p.via());
            }
            case ContactOutcomeRecorded -> {
                var p = read(payload, WirePayloads.ContactOutcomeRecorded.class);
                yield new ContactOutcomeRecorded(p.channel(), Instant.parse(p.at()), p.outcome(), p.agentId());
            }
            case HardshipRequested -> {
                var p = read(payload, WirePayloads.HardshipRequested.class);
                yield new HardshipRequested(p.requestId(), p.reason(), p.documents() == null ? List.of()
                        : p.documents().stream().map(d -> new HardshipDocument(d.type(), d.ref())).toList(),
                        p.requested().kind());
            }
            case HardshipDecided -> hardshipDecided(read(payload, WirePayloads.HardshipDecided.class), received);
            case WaiverGranted -> {
                var p = read(payload, WirePayloads.WaiverGranted.class);
                yield new WaiverGranted(p.component(), amount(p.amount()), p.approvedBy());
            }
            case DisputeOpened -> {
                var p = read(payload, WirePayloads.DisputeOpened.class);
                yield new DisputeOpened(p.disputeId(), p.reason());
            }
            case DisputeResolved -> {
                var p = read(payload, WirePayloads.DisputeResolved.class);
                yield new DisputeResolved(p.disputeId(), p.outcome(), Boolean.TRUE.equals(p.consumerDisagrees()));
            }
            case ContactPreferencesChanged -> {
                var p = read(payload, WirePayloads.ContactPreferencesChanged.class);
                yield new ContactPreferencesChanged(List.copyOf(p.optOut()),
                        Boolean.TRUE.equals(p.ceaseCommunication()));
            }
            case ComplaintReceived -> {
                var p = read(payload, WirePayloads.ComplaintReceived.class);
                yield new ComplaintReceived(p.complaintId(), p.channel(), p.summary());
            }
            case LegalEventRecorded -> {
                var p = read(payload, WirePayloads.LegalEventRecorded.class);
                yield new LegalEventRecorded(p.kind(), date(p.on()));
            }
            case LoanClosed -> {
                var p = read(payload, WirePayloads.LoanClosed.class);
                yield new LoanClosed(p.reason(), date(p.on()));
            }
            case BorrowerDetailsChanged -> {
                var p = read(payload, WirePayloads.BorrowerDetailsChanged.class);
                yield new BorrowerDetailsChanged(p.borrowerId(), p.borrower() == null ? null
                        : details(p.borrowerId(), p.borrower(), occurredAt, "payload.borrower", received));
            }
        };
        if (received && typed instanceof LoanBooked booked) {
            checkScale(typed, Currency.getInstance(booked.currency()));
        }
        return new CollectionsEvent(root.path("eventId").asText(), type, 1, occurredAt, root.path("loanId").asText(),
                typed, json, received ? CanonicalHash.of(root) : null, received ? storedCopy(root, type) : json);
    }

    private static <T> T read(JsonNode payload, Class<T> type) {
        try {
            return MAPPER.treeToValue(payload, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new FieldError("payload", "cannot be read as a " + type.getSimpleName() + " payload");
        }
    }

    private LoanBooked loanBooked(WirePayloads.LoanBooked p, Instant occurredAt, boolean received) {
        if (received) {
            zone("payload.timeZone", p.timeZone());
            try {
                Currency.getInstance(p.currency());
            } catch (IllegalArgumentException e) {
                throw new FieldError("payload.currency", "is not an ISO 4217 currency code");
            }
        }
        LocalDate disbursedOn = date(p.disbursedOn());
        List<BookedInstallment> installments = p.installments().stream().map(i -> new BookedInstallment(i.seq(),
                date(i.dueDate()), amount(i.principal()), amount(i.interest()), amount(i.fees()))).toList();
        BigDecimal principal = amount(p.principal());
        if (received) {
            checkSchedule(installments, disbursedOn, principal);
        }
        Borrower borrower = p.borrower() == null ? null
                : details(p.borrowerId(), p.borrower(), occurredAt, "payload.borrower", received).asBorrower();
        return new LoanBooked(p.borrowerId(), p.productCode(), p.currency(), p.jurisdiction(), p.timeZone(),
                principal, disbursedOn, installments, borrower);
    }

    /** Seq unique and ascending, due dates ascending and not before disbursal, principals summing to principal. */
    private static void checkSchedule(List<BookedInstallment> installments, LocalDate disbursedOn,
                                      BigDecimal principal) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < installments.size(); i++) {
            BookedInstallment b = installments.get(i);
            String at = "payload.installments[" + i + "]";
            if (i > 0 && b.seq() <= installments.get(i - 1).seq()) {
                throw new FieldError(at + ".seq", "must be greater than the previous installment's seq (unique, "
                        + "ascending)");
            }
            if (b.dueDate().isBefore(disbursedOn)) {
                throw new FieldError(at + ".dueDate", "must not be before payload.disbursedOn");
            }
            if (i > 0 && !b.dueDate().isAfter(installments.get(i - 1).dueDate())) {
                throw new FieldError(at + ".dueDate", "must be after the previous installment's due date");
            }
            sum = sum.add(b.principal());
        }
        if (sum.compareTo(principal) != 0) {
            throw new FieldError("payload.installments", "installment principals must sum to payload.principal");
        }
    }

    private HardshipDecided hardshipDecided(WirePayloads.HardshipDecided p, boolean received) {
        HardshipPlan plan = p.plan() == null ? null : hardshipPlan(p.plan(), received);
        return new HardshipDecided(p.requestId(), p.decision(), p.reviewer(), plan);
    }

    private HardshipPlan hardshipPlan(WirePayloads.Plan plan, boolean received) {
        return switch (plan.kind()) {
            case "INSTALMENT_PLAN" -> {
                List<PlanInstallment> list = plan.installments().stream()
                        .map(i -> new PlanInstallment(i.seq(), date(i.dueDate()), amount(i.amount()))).toList();
                for (int i = 1; received && i < list.size(); i++) {
                    if (list.get(i).seq() <= list.get(i - 1).seq()) {
                        throw new FieldError("payload.plan.installments[" + i + "].seq",
                                "must be greater than the previous plan installment's seq");
                    }
                    if (!list.get(i).dueDate().isAfter(list.get(i - 1).dueDate())) {
                        throw new FieldError("payload.plan.installments[" + i + "].dueDate",
                                "must be after the previous plan installment's due date");
                    }
                }
                yield new HardshipPlan(plan.kind(), list, List.of(), null, null, null, null);
            }
            case "DEFERRAL" -> {
                List<NewDueDate> list = plan.newDueDates().stream()
                        .map(i -> new NewDueDate(i.seq(), date(i.dueDate()))).toList();
                if (received && list.stream().map(NewDueDate::seq).distinct().count() != list.size()) {
                    throw new FieldError("payload.plan.newDueDates", "must not move one installment twice (seq "
                            + "values unique)");
                }
                yield new HardshipPlan(plan.kind(), List.of(), list, null, null, null, null);
            }
            case "MINIMUM_PAYMENT" -> new HardshipPlan(plan.kind(), List.of(), List.of(),
                    amount(plan.minimumAmount()), date(plan.untilDate()), null, null);
            default -> new HardshipPlan(plan.kind(), List.of(), List.of(), null, null, plan.component(),
                    amount(plan.amount()));
        };
    }

    /** The borrower data of a booking or a details change; a rejection names the field, never its value. */
    private BorrowerDetails details(String borrowerId, WirePayloads.Borrower b, Instant occurredAt, String at,
                                    boolean received) {
        LocalDate dateOfBirth = b.dateOfBirth() == null ? null : date(b.dateOfBirth());
        if (received) {
            if (b.timeZone() != null) {
                zone(at + ".timeZone", b.timeZone());
            }
            if (dateOfBirth != null && dateOfBirth.isAfter(LocalDate.ofInstant(occurredAt, ZoneOffset.UTC))) {
                throw new FieldError(at + ".dateOfBirth", "must not be after the event's occurredAt");
            }
        }
        var name = b.name();
        var address = b.address();
        return new BorrowerDetails(borrowerId, name == null ? null : name.first(), name == null ? null : name.middle(),
                name == null ? null : name.last(), b.locale(), b.timeZone(), b.email(), b.phone(), dateOfBirth,
                b.nationalId(), address == null ? null : new Borrower.PostalAddress(address.line1(), address.line2(),
                address.city(), address.state(), address.postalCode(), address.country()));
    }

    private static ZoneId zone(String field, String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new FieldError(field, "is not a time-zone id java.time knows (IANA, e.g. Asia/Shanghai)");
        }
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    private static BigDecimal amount(String text) {
        return new BigDecimal(text);
    }

    /**
     * The copy of the event the ledger keeps: ids, dates and amounts. The personal parts stay out: a booking's or a
     * details change's borrower (kept in the borrower record) and a complaint's free-text summary (never needed to
     * replay a loan).
     */
    private static String storedCopy(JsonNode root, EventType type) {
        String personal = switch (type) {
            case LoanBooked, BorrowerDetailsChanged -> "borrower";
            case ComplaintReceived -> "summary";
            default -> null;
        };
        if (personal == null) {
            return root.toString();
        }
        JsonNode copy = root.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy.path("payload")).remove(personal);
        return copy.toString();
    }

    // ---- helpers

    private static String idOrNull(JsonNode v) {
        return v.isTextual() && ID.matcher(v.asText()).matches() ? v.asText() : null;
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 2 : Character.isLowSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    /**
     * The path of the first text holding an unpaired UTF-16 surrogate or ending in a line terminator, or null. The
     * schema's patterns exclude control and line characters, but a JDK regex's {@code $} also matches before a final
     * line terminator, so the last character needs this check.
     */
    private static String malformedText(JsonNode node, String path) {
        if (node.isTextual()) {
            String text = node.asText();
            boolean endsInLine = !text.isEmpty() && "\n\r\u0085\u2028\u2029".indexOf(text.charAt(text.length() - 1)) >= 0;
            return wellFormed(text) && !endsInLine ? null : (path.isEmpty() ? "$" : path);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = malformedText(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String p = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                String found = malformedText(f.getValue(), p);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static void checkScale(EventPayload payload, Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        for (AmountField amount : payload.amounts()) {
            if (amount.value().scale() > digits) {
                throw new FieldError(amount.path(), "has more decimals than " + currency.getCurrencyCode()
                        + " allows (" + digits + ")");
            }
        }
    }

    private static InvalidEventException rejection(String eventId, String type, String loanId, String field,
                                                   String reason) {
        return new InvalidEventException(new EventRejection(eventId, type, loanId, field, reason));
    }

    /** A broken rule at a field, found after the schema passed. */
    static final class FieldError extends RuntimeException {
        final String field;

        FieldError(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}

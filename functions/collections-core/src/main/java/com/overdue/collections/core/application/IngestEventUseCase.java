package com.overdue.collections.core.application;

import com.overdue.collections.core.delinquency.DelinquencyChange;
import com.overdue.collections.core.delinquency.DelinquencyPolicy;
import com.overdue.collections.core.delinquency.Severity;
import com.overdue.collections.core.delinquency.DelinquencyStatus;
import com.overdue.collections.core.ingest.CollectionsEvent;
import com.overdue.collections.core.ingest.EventParser;
import com.overdue.collections.core.ingest.EventPayload;
import com.overdue.collections.core.ingest.LoanReplay;
import com.overdue.collections.core.ingest.EventPayload.DisputeOpened;
import com.overdue.collections.core.ingest.EventPayload.DisputeResolved;
import com.overdue.collections.core.ingest.EventPayload.HardshipDecided;
import com.overdue.collections.core.ingest.EventPayload.HardshipRequested;
import com.overdue.collections.core.ingest.EventPayload.LoanBooked;
import com.overdue.collections.core.ingest.EventPayload.PaymentReceived;
import com.overdue.collections.core.ingest.EventPayload.PaymentReversed;
import com.overdue.collections.core.ingest.EventRejection;
import com.overdue.collections.core.ingest.InvalidEventException;
import com.overdue.collections.core.ingest.LoanTermsFactory;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.port.BorrowerChange;
import com.overdue.collections.core.loan.BorrowerDetails;
import com.overdue.collections.core.port.DuplicateEventException;
import com.overdue.collections.core.product.Product;
import com.overdue.collections.core.port.LoanChange;
import com.overdue.collections.core.application.LoanHistoryReplay.ParsedHistory;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.SettlementOffers;
import com.overdue.collections.core.port.StaleLoanException;
import com.overdue.collections.core.port.StoredEvent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies one event of the lending platform to the loan ledger (the {@code ingestEvents} function): validate, store
 * the event once by its id, replay the loan's history in business order, and write the new position, its
 * delinquency change and the next review date in one atomic, version-checked change.
 */
public final class IngestEventUseCase {

    private static final int MAX_ATTEMPTS = 5;

    private final LoanRepository loans;
    private final CollectionsSettings settings;
    private final Clock clock;
    private final EventParser parser = new EventParser();
    private final LoanHistoryReplay histories;

    public IngestEventUseCase(LoanRepository loans, CollectionsSettings settings, Clock clock) {
        this(loans, SettlementOffers.NONE, settings, clock);
    }

    /** With the settlement offers made, so that a qualifying payment gets its offer's waiver when it is applied. */
    public IngestEventUseCase(LoanRepository loans, SettlementOffers offers, CollectionsSettings settings,
                              Clock clock) {
        this.loans = loans;
        this.settings = settings;
        this.clock = clock;
        this.histories = new LoanHistoryReplay(loans, settings.replay(), offers);
    }

    public IngestOutcome ingest(String json) {
        CollectionsEvent event;
        try {
            event = parser.parse(json);
        } catch (InvalidEventException e) {
            return new IngestOutcome.Rejected(e.rejection());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return apply(event);
            } catch (InvalidEventException e) {
                return new IngestOutcome.Rejected(e.rejection());
            } catch (DuplicateEventException e) {
                return duplicate(event, "eventId already applied");
            } catch (StaleLoanException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private IngestOutcome apply(CollectionsEvent event) {
        Optional<ParsedHistory> existing = histories.find(event.loanId());
        if (event.payload() instanceof LoanBooked booked) {
            if (existing.isPresent()) {
                return existing.get().contains(event.eventId()) ? duplicateOrConflict(existing.get(), event)
                        : reject(event, "loanId", "loan " + event.loanId() + " is already booked");
            }
            if (!settings.products().contains(booked.productCode())) {
                return reject(event, "payload.productCode", "names no configured product (configured: "
                        + new java.util.TreeSet<>(settings.products().productCodes()) + ")");
            }
            Product product = settings.products().product(booked.productCode());
            if (!product.currency().equals(booked.currency())) {
                return reject(event, "payload.currency", "product " + product.productCode() + " lends in "
                        + product.currency() + ", not " + booked.currency());
            }
            if (!product.jurisdiction().equals(booked.jurisdiction())) {
                return reject(event, "payload.jurisdiction", "product " + product.productCode() + " is for "
                        + product.jurisdiction() + ", not " + booked.jurisdiction());
            }
            LoanTerms terms = LoanTermsFactory.from(event.loanId(), booked);
            return write(event, terms, null, List.of(event), booked);
        }
        if (existing.isEmpty()) {
            return reject(event, "loanId", "unknown loan " + event.loanId() + " (no LoanBooked applied)");
        }
        LoanRecord loan = existing.get().loan();
        EventParser.checkScale(event, loan.terms().currency());
        if (existing.get().contains(event.eventId())) {
            return duplicateOrConflict(existing.get(), event);
        }
        List<CollectionsEvent> history = new ArrayList<>(existing.get().events());
        if (event.payload() instanceof PaymentReceived payment) {
            Optional<PaymentReceived> earlier = history.stream()
                    .filter(h -> h.payload() instanceof PaymentReceived p && p.paymentId().equals(payment.paymentId()))
                    .map(h -> (PaymentReceived) h.payload()).findFirst();
            if (earlier.isPresent()) {
                return earlier.get().amount().compareTo(payment.amount()) == 0
                        ? duplicate(event, "payment " + payment.paymentId() + " already received")
                        : conflict(event, "payload.amount", "conflict: payment " + payment.paymentId()
                        + " was already received with a different amount");
            }
            if (payment.receivedOn().isBefore(loan.terms().disbursedOn())) {
                return reject(event, "payload.receivedOn", "must not be before the loan's disbursal date");
            }
            if (payment.receivedOn().isAfter(LocalDate.ofInstant(event.occurredAt(), loan.terms().timeZone()))) {
                return reject(event, "payload.receivedOn", "must not be after the event's own date (occurredAt in "
                        + "the loan's time zone)");
            }
        }
        if (event.payload() instanceof EventPayload.BorrowerDetailsChanged changed
                && !changed.borrowerId().equals(loan.terms().borrowerId())) {
            return reject(event, "payload.borrowerId", "is not the borrower of loan " + event.loanId());
        }
        if (event.payload() instanceof PaymentReversed reversal) {
            if (history.stream().noneMatch(h -> h.payload() instanceof PaymentReceived p
                    && p.paymentId().equals(reversal.paymentId()))) {
                return reject(event, "payload.paymentId", "no payment " + reversal.paymentId() + " on loan "
                        + event.loanId() + " to reverse");
            }
            if (history.stream().anyMatch(h -> h.payload() instanceof PaymentReversed r
                    && r.paymentId().equals(reversal.paymentId()))) {
                return duplicate(event, "payment " + reversal.paymentId() + " already reversed");
            }
        }
        if (event.payload() instanceof HardshipDecided decided && history.stream().noneMatch(h ->
                h.payload() instanceof HardshipRequested r && r.requestId().equals(decided.requestId()))) {
            return reject(event, "payload.requestId", "no hardship request " + decided.requestId() + " on loan "
                    + event.loanId());
        }
        if (event.payload() instanceof DisputeResolved resolved && history.stream().noneMatch(h ->
                h.payload() instanceof DisputeOpened o && o.disputeId().equals(resolved.disputeId()))) {
            return reject(event, "payload.disputeId", "no dispute " + resolved.disputeId() + " opened on loan "
                    + event.loanId());
        }
        LocalDate today = LocalDate.now(clock.withZone(loan.terms().timeZone()));
        LocalDate effective = LoanReplay.effectiveDate(loan.terms(), event);
        if (effective.isAfter(today)) {
            // A date in the loan's future cannot be applied yet; SQS redelivers it, or it waits in the DLQ for a redrive.
            String field = event.payload() instanceof EventPayload.PaymentReceived ? "payload.receivedOn"
                    : event.payload() instanceof EventPayload.LoanClosed
                    || event.payload() instanceof EventPayload.LegalEventRecorded ? "payload.on" : "occurredAt";
            return reject(event, field, effective + " is after the loan's business date " + today + " ("
                    + loan.terms().timeZone() + ")");
        }
        history.add(event);
        return write(event, loan.terms(), loan, history, null);
    }

    private IngestOutcome write(CollectionsEvent event, LoanTerms terms, LoanRecord previous,
                                List<CollectionsEvent> history, LoanBooked booked) {
        LocalDate today = LocalDate.now(clock.withZone(terms.timeZone()));
        LocalDate asOf = previous != null && previous.position().asOf().isAfter(today)
                ? previous.position().asOf() : today;
        LoanPosition position = histories.replay(terms, history, asOf);
        DelinquencyStatus status = settings.evaluator().evaluate(position);
        DelinquencyChange change = previous == null
                ? DelinquencyChange.between(DelinquencyPolicy.CURRENT_BUCKET, Severity.CURRENT, status,
                cause(event))
                : DelinquencyChange.between(previous.status().bucket(), previous.status().severity(), status,
                cause(event));
        long version = previous == null ? 0 : previous.version();
        // Review from today when overdue: today's scan may not have run yet, and a second look is harmless.
        LocalDate nextReview = settings.reviewSchedule().nextReview(position, position.asOf().minusDays(1),
                previous == null ? null : previous.nextReviewOn());
        if (previous != null && !position.isOverdue() && (previous.status().severity() != Severity.CURRENT
                || settings.reviewSchedule().isEpisodeEndReview(previous))) {
            // The episode ended (cure or closure): the next scan shows the loan to the workers once more.
            nextReview = position.asOf();
        }
        LoanRecord record = new LoanRecord(terms, position, status, version + 1, nextReview);
        StoredEvent stored = new StoredEvent(event.loanId(), event.eventId(), event.type().name(), event.occurredAt(),
                event.storedJson(), event.contentHash());
        BorrowerChange borrower = booked != null && booked.borrower() != null
                ? new BorrowerChange(BorrowerDetails.of(booked.borrower()), event.occurredAt(), event.eventId())
                : event.payload() instanceof EventPayload.BorrowerDetailsChanged changed
                ? new BorrowerChange(changed.details(), event.occurredAt(), event.eventId()) : null;
        loans.save(new LoanChange(record, version, stored, borrower, change));
        return new IngestOutcome.Applied(event.eventId(), event.type().name(), event.loanId(), terms.borrowerId(),
                change);
    }

    private static String cause(CollectionsEvent event) {
        return event.type().name() + " " + event.eventId();
    }

    private static IngestOutcome reject(CollectionsEvent event, String field, String reason) {
        return new IngestOutcome.Rejected(new EventRejection(event.eventId(), event.type().name(), event.loanId(),
                field, reason));
    }

    /** A second delivery of an applied eventId: a duplicate when its content is the same, else a conflict. */
    private static IngestOutcome duplicateOrConflict(ParsedHistory history, CollectionsEvent event) {
        boolean same = event.contentHash() == null
                || history.hashOf(event.eventId()).map(event.contentHash()::equals).orElse(true);
        return same ? duplicate(event, "eventId already applied")
                : conflict(event, "eventId", "conflict: an event with this eventId was already applied with "
                + "different content");
    }

    private static IngestOutcome conflict(CollectionsEvent event, String field, String reason) {
        return new IngestOutcome.Rejected(new EventRejection(event.eventId(), event.type().name(), event.loanId(),
                field, reason), true);
    }

    private static IngestOutcome duplicate(CollectionsEvent event, String why) {
        return new IngestOutcome.Duplicate(event.eventId(), event.type().name(), event.loanId(), why);
    }
}

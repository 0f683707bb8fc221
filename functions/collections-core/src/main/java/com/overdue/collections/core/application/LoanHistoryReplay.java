package com.overdue.collections.core.application;

import com.overdue.collections.core.ingest.CollectionsEvent;
import com.overdue.collections.core.ingest.EventPayload;
import com.overdue.collections.core.ingest.EventParser;
import com.overdue.collections.core.ingest.LoanReplay;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.ledger.PenaltyAccrual;
import com.overdue.collections.core.ledger.SettlementOffer;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.port.LoanHistory;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.SettlementOffers;
import com.overdue.collections.core.port.StoredEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The step every use case that needs a loan's past shares: read the loan and its stored events together, parse the
 * events, and replay them to a business date. Written once so that ingest, penalty, escalation and the credit-report
 * export cannot read a history differently. The settlement offers made to the loan are part of what a replay is given:
 * a payment that qualifies for one derives the offer's waiver in every replay alike.
 */
final class LoanHistoryReplay {

    /** A loan with its applied events, parsed, in the order they were stored. */
    record ParsedHistory(LoanRecord loan, List<StoredEvent> stored, List<CollectionsEvent> events) {

        ParsedHistory {
            stored = List.copyOf(stored);
            events = List.copyOf(events);
        }

        boolean contains(String eventId) {
            return stored.stream().anyMatch(s -> s.eventId().equals(eventId));
        }

        /** The canonical hash of the applied event with this id, or empty when none was applied. */
        Optional<String> hashOf(String eventId) {
            return stored.stream().filter(s -> s.eventId().equals(eventId)).findFirst()
                    .map(s -> s.contentHash() != null ? s.contentHash() : EventParser.canonicalHash(s.json()));
        }
    }

    private final LoanRepository loans;
    private final LoanReplay replay;
    private final SettlementOffers offers;
    private final EventParser parser = new EventParser();

    LoanHistoryReplay(LoanRepository loans, LoanReplay replay, SettlementOffers offers) {
        this.loans = Objects.requireNonNull(loans, "loans");
        this.replay = Objects.requireNonNull(replay, "replay");
        this.offers = Objects.requireNonNull(offers, "offers");
    }

    /** The loan and its events in one read, or empty for a loan never booked. */
    Optional<ParsedHistory> find(String loanId) {
        return loans.findLoanWithEvents(loanId).map(this::parsed);
    }

    /** As {@link #find}, for a worker whose input names the loan: an unknown loan is a bad work item. */
    ParsedHistory require(String loanId) {
        return find(loanId).orElseThrow(() -> new IllegalArgumentException("work item for unknown loan " + loanId));
    }

    /** The stored events of a loan whose record the caller already holds, parsed, those {@code keep} accepts. */
    List<CollectionsEvent> events(String loanId, Predicate<CollectionsEvent> keep) {
        return loans.findEvents(loanId).stream().map(this::parse).filter(keep).toList();
    }

    LoanPosition replay(LoanTerms terms, List<CollectionsEvent> events, LocalDate asOf) {
        return replay(terms, events, asOf, a -> { });
    }

    LoanPosition replay(LoanTerms terms, List<CollectionsEvent> events, LocalDate asOf,
                        Consumer<PenaltyAccrual> journal) {
        return replay.replay(terms, events, asOf, journal, offersFor(terms.loanId(), events));
    }

    /** A replay with the offers the caller already holds (the escalation step reads them with its state). */
    LoanPosition replay(LoanTerms terms, List<CollectionsEvent> events, LocalDate asOf,
                        List<SettlementOffer.Terms> made) {
        return replay.replay(terms, events, asOf, a -> { }, made);
    }

    /**
     * The offers made to the loan, read only when the history has a payment: without one no offer can be accepted,
     * so the replays of loans that never paid (and of every booking) cost no extra read.
     */
    private List<SettlementOffer.Terms> offersFor(String loanId, List<CollectionsEvent> events) {
        boolean paid = events.stream().anyMatch(e -> e.payload() instanceof EventPayload.PaymentReceived);
        return paid ? offers.madeTo(loanId) : List.of();
    }

    private ParsedHistory parsed(LoanHistory history) {
        return new ParsedHistory(history.loan(), history.events(),
                history.events().stream().map(this::parse).toList());
    }

    private CollectionsEvent parse(StoredEvent stored) {
        return parser.parseStored(stored.json());
    }
}

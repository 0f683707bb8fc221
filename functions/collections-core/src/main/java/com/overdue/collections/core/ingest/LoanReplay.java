package com.overdue.collections.core.ingest;

import com.overdue.collections.core.ingest.EventPayload.ComplaintReceived;
import com.overdue.collections.core.ingest.EventPayload.ContactPreferencesChanged;
import com.overdue.collections.core.ingest.EventPayload.DisputeOpened;
import com.overdue.collections.core.ingest.EventPayload.DisputeResolved;
import com.overdue.collections.core.ingest.EventPayload.HardshipDecided;
import com.overdue.collections.core.ingest.EventPayload.HardshipRequested;
import com.overdue.collections.core.ingest.EventPayload.LegalEventRecorded;
import com.overdue.collections.core.ingest.EventPayload.LoanClosed;
import com.overdue.collections.core.ingest.EventPayload.PaymentReceived;
import com.overdue.collections.core.ingest.EventPayload.PaymentReversed;
import com.overdue.collections.core.ingest.EventPayload.PromiseToPayMade;
import com.overdue.collections.core.ingest.EventPayload.WaiverGranted;
import com.overdue.collections.core.ledger.LoanClosure;
import com.overdue.collections.core.ledger.LoanConditions;
import com.overdue.collections.core.ledger.LoanConditions.Hardship;
import com.overdue.collections.core.ledger.LoanConditions.HardshipStatus;
import com.overdue.collections.core.ledger.LoanConditions.PromiseStatus;
import com.overdue.collections.core.ledger.LoanConditions.PromiseToPay;
import com.overdue.collections.core.ledger.LoanLedger;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.ledger.PenaltyAccrual;
import com.overdue.collections.core.ledger.SettlementOffer;
import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Rebuilds a loan's position from its event history, deterministically: events take effect on their business date
 * (a payment on {@code receivedOn}, a closure or legal event on {@code on}, anything else on the loan-local date of
 * {@code occurredAt}), ties broken by {@code occurredAt} then {@code eventId}; a reversed payment is as if it had
 * never been received (RULES §4); events that take effect after {@code asOf} are left out. Used whenever an event
 * arrives, so a late or out-of-order one is simply included,
 * and by the penalty worker to recompute what should have been posted.
 */
public final class LoanReplay {

    private static final Comparator<CollectionsEvent> ORDER = Comparator
            .comparing((CollectionsEvent e) -> e.occurredAt())
            .thenComparing(CollectionsEvent::eventId);

    private final LoanLedger ledger;

    public LoanReplay(LoanLedger ledger) {
        this.ledger = ledger;
    }

    public LoanPosition replay(LoanTerms terms, List<CollectionsEvent> events, LocalDate asOf) {
        return replay(terms, events, asOf, accrual -> { });
    }

    public LoanPosition replay(LoanTerms terms, List<CollectionsEvent> events, LocalDate asOf,
                               Consumer<PenaltyAccrual> journal) {
        return replay(terms, events, asOf, journal, List.of());
    }

    /**
     * As {@link #replay(LoanTerms, List, LocalDate, Consumer)}, with the settlement offers made to the loan: a payment
     * that qualifies for one (on or before its deadline, settling the balance net of the waiver) is preceded by the
     * offer's waiver, derived here rather than stored as an event so that a re-run derives the same one.
     */
    public LoanPosition replay(LoanTerms terms, List<CollectionsEvent> events, LocalDate asOf,
                               Consumer<PenaltyAccrual> journal, List<SettlementOffer.Terms> offers) {
        Set<String> reversed = events.stream()
                .filter(e -> e.payload() instanceof PaymentReversed)
                .map(e -> ((PaymentReversed) e.payload()).paymentId())
                .collect(Collectors.toSet());
        List<CollectionsEvent> effective = events.stream()
                .filter(e -> !(e.payload() instanceof EventPayload.LoanBooked))
                .filter(e -> !(e.payload() instanceof PaymentReversed))
                .filter(e -> !(e.payload() instanceof PaymentReceived p && reversed.contains(p.paymentId())))
                // Not yet in effect on asOf: a replay to an earlier date sees the history as it was then.
                .filter(e -> !effectiveDate(terms, e).isAfter(asOf))
                .sorted(Comparator.comparing((CollectionsEvent e) -> effectiveDate(terms, e)).thenComparing(ORDER))
                .toList();
        LoanPosition position = ledger.open(terms);
        for (CollectionsEvent event : effective) {
            position = ledger.advanceTo(position, effectiveDate(terms, event), journal);
            LoanPosition before = position;
            position = applyOffer(position, event, offers);
            boolean settles = position != before;
            position = apply(position, event);
            if (settles) {
                // The qualifying payment settles the loan today: installments not yet due are paid from it too.
                position = ledger.applyCreditToAll(position);
            }
        }
        return ledger.advanceTo(position, asOf, journal);
    }

    /** The waiver of the first offer this payment qualifies for, approved by the offer's rule; once per offer. */
    private LoanPosition applyOffer(LoanPosition p, CollectionsEvent event, List<SettlementOffer.Terms> offers) {
        if (!(event.payload() instanceof PaymentReceived payment) || offers.isEmpty()) {
            return p;
        }
        Money amount = new Money(payment.amount(), p.terms().currency());
        for (SettlementOffer.Terms offer : offers) {
            if (!offer.appliedIn(p) && offer.qualifies(p, payment.receivedOn(), amount)) {
                // The amount offered is honoured in full: what an earlier payment already paid of the penalty or
                // fees is waived from the next components instead, so paying in parts is not worse than at once.
                LoanPosition waived = p;
                Money left = offer.waived();
                List<Component> order = new ArrayList<>(new java.util.TreeSet<>(offer.waivedBy().keySet()));
                for (Component c : Component.values()) {
                    if (!order.contains(c)) {
                        order.add(c);
                    }
                }
                for (Component c : order) {
                    Money amountOf = waived.outstanding(c).min(left);
                    if (amountOf.isPositive()) {
                        waived = ledger.applyWaiver(waived, offer.waiverId(c), c, amountOf, offer.rule());
                        left = left.minus(amountOf);
                    }
                }
                return waived;
            }
        }
        return p;
    }

    private LoanPosition apply(LoanPosition p, CollectionsEvent event) {
        LoanTerms terms = p.terms();
        LocalDate today = p.asOf();
        EventPayload payload = event.payload();
        if (payload instanceof PaymentReceived payment) {
            return ledger.applyPayment(p, new Money(payment.amount(), terms.currency()));
        }
        if (payload instanceof LoanClosed closed) {
            return ledger.close(p, new LoanClosure(closed.reason(), closed.on()));
        }
        if (payload instanceof WaiverGranted w) {
            return ledger.applyWaiver(p, event.eventId(), Component.valueOf(w.component()),
                    new Money(w.amount(), terms.currency()), w.approvedBy());
        }
        if (payload instanceof PromiseToPayMade ptp) {
            int grace = ledger.product(terms).promiseHoldGraceDays();
            return ledger.updateConditions(p, c -> {
                List<PromiseToPay> promises = new ArrayList<>();
                for (PromiseToPay old : c.promises()) {
                    promises.add(old.status() == PromiseStatus.ACTIVE ? new PromiseToPay(old.promiseId(),
                            old.madeOn(), old.amount(), old.promisedDate(), old.holdUntil(), old.paidSoFar(),
                            PromiseStatus.REPLACED, today) : old);
                }
                promises.add(new PromiseToPay(ptp.promiseId(), today, ptp.amount().toPlainString(),
                        ptp.promisedDate(), ptp.promisedDate().plusDays(grace), "0", PromiseStatus.ACTIVE, null));
                return new LoanConditions(c.disputes(), promises, c.hardships(), c.legalFlags(), c.contact(),
                        c.waivers());
            });
        }
        if (payload instanceof HardshipRequested h) {
            return ledger.updateConditions(p, c -> {
                List<Hardship> hardships = new ArrayList<>(c.hardships());
                hardships.add(new Hardship(h.requestId(), today, h.reason(),
                        h.documents().stream().map(d -> d.type() + " " + d.ref()).toList(), h.requestedKind(),
                        HardshipStatus.UNDER_REVIEW, null, List.of(), null, null, null, "0"));
                return withHardships(c, hardships);
            });
        }
        if (payload instanceof HardshipDecided d) {
            return decide(p, event, d);
        }
        if (payload instanceof DisputeOpened d) {
            return ledger.updateConditions(p, c -> {
                List<LoanConditions.Dispute> disputes = new ArrayList<>(c.disputes());
                disputes.add(new LoanConditions.Dispute(d.disputeId(), today, d.reason(), null, null, false));
                return new LoanConditions(disputes, c.promises(), c.hardships(), c.legalFlags(), c.contact(),
                        c.waivers());
            });
        }
        if (payload instanceof DisputeResolved r) {
            return ledger.updateConditions(p, c -> new LoanConditions(c.disputes().stream()
                    .map(d -> d.disputeId().equals(r.disputeId()) && d.isOpen()
                            ? new LoanConditions.Dispute(d.disputeId(), d.openedOn(), d.reason(), today, r.outcome(),
                            r.consumerDisagrees()) : d).toList(),
                    c.promises(), c.hardships(), c.legalFlags(), c.contact(), c.waivers()));
        }
        if (payload instanceof ContactPreferencesChanged prefs) {
            return ledger.updateConditions(p, c -> new LoanConditions(c.disputes(), c.promises(), c.hardships(),
                    c.legalFlags(), new LoanConditions.ContactPreferences(new HashSet<>(prefs.optOut()),
                    prefs.ceaseCommunication(), c.contact().complaintChannels(), today), c.waivers()));
        }
        if (payload instanceof ComplaintReceived complaint) {
            return ledger.updateConditions(p, c -> {
                Set<String> channels = new HashSet<>(c.contact().complaintChannels());
                channels.add(complaint.channel());
                return new LoanConditions(c.disputes(), c.promises(), c.hardships(), c.legalFlags(),
                        new LoanConditions.ContactPreferences(c.contact().optOut(), c.contact().ceaseCommunication(),
                                channels, c.contact().changedOn()), c.waivers());
            });
        }
        if (payload instanceof LegalEventRecorded legal) {
            return ledger.updateConditions(p, c -> {
                List<LoanConditions.LegalFlag> flags = new ArrayList<>(c.legalFlags());
                flags.add(new LoanConditions.LegalFlag(legal.kind(), legal.on()));
                return new LoanConditions(c.disputes(), c.promises(), c.hardships(), flags, c.contact(),
                        c.waivers());
            });
        }
        return p; // ContactOutcomeRecorded: kept in the history for the escalation step
    }

    private LoanPosition decide(LoanPosition p, CollectionsEvent event, HardshipDecided d) {
        LocalDate today = p.asOf();
        LoanTerms terms = p.terms();
        Hardship request = p.conditions().hardships().stream().filter(h -> h.requestId().equals(d.requestId()))
                .reduce((a, b) -> b).orElse(null);
        if (request == null) {
            return p; // validated at ingestion; an old history without the request changes nothing
        }
        EventPayload.HardshipPlan plan = d.plan();
        LoanPosition position = p;
        HardshipStatus status;
        List<LoanConditions.PlanPayment> payments = new ArrayList<>();
        if ("REJECTED".equals(d.decision())) {
            status = HardshipStatus.REJECTED;
        } else {
            switch (plan.kind()) {
                case "INSTALMENT_PLAN" -> {
                    plan.installments().forEach(i -> payments.add(new LoanConditions.PlanPayment(i.seq(),
                            i.dueDate(), new Money(i.amount(), terms.currency()).toPlainString())));
                    status = HardshipStatus.ACTIVE;
                }
                case "MINIMUM_PAYMENT" -> {
                    // A minimum payment each month until the end date, the first one a month after approval.
                    int seq = 1;
                    for (LocalDate due = today.plusMonths(1); !due.isAfter(plan.untilDate()); due = due.plusMonths(1)) {
                        payments.add(new LoanConditions.PlanPayment(seq++, due,
                                new Money(plan.minimumAmount(), terms.currency()).toPlainString()));
                    }
                    status = payments.isEmpty() ? HardshipStatus.COMPLETED : HardshipStatus.ACTIVE;
                }
                case "DEFERRAL" -> {
                    Map<Integer, LocalDate> dates = new LinkedHashMap<>();
                    plan.newDueDates().forEach(n -> dates.put(n.seq(), n.dueDate()));
                    position = ledger.defer(position, dates);
                    status = HardshipStatus.COMPLETED;
                }
                default -> {
                    position = ledger.applyWaiver(position, event.eventId(), Component.valueOf(plan.waiverComponent()),
                            new Money(plan.waiverAmount(), terms.currency()), d.reviewer());
                    status = HardshipStatus.COMPLETED;
                }
            }
        }
        boolean ended = status != HardshipStatus.ACTIVE;
        Hardship decided = new Hardship(request.requestId(), request.requestedOn(), request.reason(),
                request.documents(), request.requestedKind(), status, plan == null ? null : plan.kind(), payments,
                today, d.reviewer(), ended ? today : null, "0");
        return ledger.updateConditions(position, c -> withHardships(c, c.hardships().stream().map(h -> {
            if (h == request) {
                return decided;
            }
            // A newly approved plan supersedes one still running.
            return h.isActive() && !ended ? new Hardship(h.requestId(), h.requestedOn(), h.reason(), h.documents(),
                    h.requestedKind(), HardshipStatus.COMPLETED, h.planKind(), h.plan(), h.decidedOn(), h.reviewer(),
                    today, h.paidSoFar()) : h;
        }).toList()));
    }

    private static LoanConditions withHardships(LoanConditions c, List<Hardship> hardships) {
        return new LoanConditions(c.disputes(), c.promises(), hardships, c.legalFlags(), c.contact(), c.waivers());
    }

    /** The business date on which an event takes effect, in the loan's time zone. */
    public static LocalDate effectiveDate(LoanTerms terms, CollectionsEvent event) {
        LocalDate date;
        if (event.payload() instanceof PaymentReceived p) {
            date = p.receivedOn();
        } else if (event.payload() instanceof LoanClosed c) {
            date = c.on();
        } else if (event.payload() instanceof LegalEventRecorded l) {
            date = l.on();
        } else {
            date = LocalDate.ofInstant(event.occurredAt(), terms.timeZone());
        }
        // Nothing can take effect before the money was lent.
        return date.isBefore(terms.disbursedOn()) ? terms.disbursedOn() : date;
    }
}

package com.overdue.collections.core.ingest;

import com.overdue.collections.core.ingest.EventPayload.LoanClosed;
import com.overdue.collections.core.ingest.EventPayload.PaymentReceived;
import com.overdue.collections.core.ingest.EventPayload.PaymentReversed;
import com.overdue.collections.core.ledger.LoanClosure;
import com.overdue.collections.core.ledger.LoanLedger;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rebuilds a loan's position from its event history, deterministically: events take effect on their business date
 * (a payment on {@code receivedOn}, a closure on {@code on}, anything else on the loan-local date of
 * {@code occurredAt}), ties broken by {@code occurredAt} then {@code eventId}; a reversed payment is as if it had
 * never been received (RULES §4). Used whenever an event arrives, so a late or out-of-order one is simply included.
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
        Set<String> reversed = events.stream()
                .filter(e -> e.payload() instanceof PaymentReversed)
                .map(e -> ((PaymentReversed) e.payload()).paymentId())
                .collect(Collectors.toSet());
        List<CollectionsEvent> effective = events.stream()
                .filter(e -> e.payload() instanceof PaymentReceived || e.payload() instanceof LoanClosed)
                .filter(e -> !(e.payload() instanceof PaymentReceived p && reversed.contains(p.paymentId())))
                .sorted(Comparator.comparing((CollectionsEvent e) -> effectiveDate(terms, e)).thenComparing(ORDER))
                .toList();
        LoanPosition position = ledger.open(terms);
        for (CollectionsEvent event : effective) {
            LocalDate on = effectiveDate(terms, event);
            position = ledger.advanceTo(position, on);
            if (event.payload() instanceof PaymentReceived payment) {
                position = ledger.applyPayment(position, new Money(payment.amount(), terms.currency()));
            } else if (event.payload() instanceof LoanClosed closed) {
                position = ledger.close(position, new LoanClosure(closed.reason(), closed.on()));
            }
        }
        return ledger.advanceTo(position, asOf);
    }

    /** The business date on which an event takes effect, in the loan's time zone. */
    public static LocalDate effectiveDate(LoanTerms terms, CollectionsEvent event) {
        LocalDate date;
        if (event.payload() instanceof PaymentReceived p) {
            date = p.receivedOn();
        } else if (event.payload() instanceof LoanClosed c) {
            date = c.on();
        } else {
            date = LocalDate.ofInstant(event.occurredAt(), terms.timeZone());
        }
        // Nothing can take effect before the money was lent.
        return date.isBefore(terms.disbursedOn()) ? terms.disbursedOn() : date;
    }
}

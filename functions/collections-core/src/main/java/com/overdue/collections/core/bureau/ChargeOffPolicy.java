package com.overdue.collections.core.bureau;

import com.overdue.collections.core.ledger.LoanPosition;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When a loan was charged off, if it was. Today the only source is the lending platform closing the loan as
 * WRITTEN_OFF; the escalation ladder's CHARGE_OFF stage is a second source once it exists (compose the two with
 * {@link #or}).
 */
@FunctionalInterface
public interface ChargeOffPolicy {

    Optional<LocalDate> chargedOffOn(LoanPosition position);

    /** The loan was closed with reason WRITTEN_OFF: charged off on the closure date. */
    ChargeOffPolicy WRITTEN_OFF_CLOSURE = position -> position.closure() != null
            && "WRITTEN_OFF".equals(position.closure().reason())
            ? Optional.of(position.closure().on()) : Optional.empty();

    /** The earlier of the two policies' dates. */
    default ChargeOffPolicy or(ChargeOffPolicy other) {
        return position -> {
            Optional<LocalDate> a = chargedOffOn(position);
            Optional<LocalDate> b = other.chargedOffOn(position);
            if (a.isPresent() && b.isPresent()) {
                return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
            }
            return a.isPresent() ? a : b;
        };
    }
}

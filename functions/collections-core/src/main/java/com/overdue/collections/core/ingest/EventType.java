package com.overdue.collections.core.ingest;

import java.util.Arrays;
import java.util.Optional;

/** The event types of the lending platform's public contract (shared EVENTS.md). */
public enum EventType {
    LoanBooked, PaymentReceived, PaymentReversed, PromiseToPayMade, ContactOutcomeRecorded, HardshipRequested,
    HardshipDecided, WaiverGranted, DisputeOpened, DisputeResolved, ContactPreferencesChanged, ComplaintReceived,
    LegalEventRecorded, LoanClosed, BorrowerDetailsChanged;

    public static Optional<EventType> named(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}

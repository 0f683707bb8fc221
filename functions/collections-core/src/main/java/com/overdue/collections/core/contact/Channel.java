package com.overdue.collections.core.contact;

import java.util.Locale;
import java.util.Optional;

/** A way of reaching the borrower. The names are those of the event contract (ContactPreferencesChanged.optOut). */
public enum Channel {
    SMS, EMAIL, IN_APP, CALL;

    /** The channel for a contract name such as {@code "SMS"}; empty for a name this engine does not contact by. */
    public static Optional<Channel> fromContractName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}

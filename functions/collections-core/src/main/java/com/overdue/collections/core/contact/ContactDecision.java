package com.overdue.collections.core.contact;

import java.time.Instant;
import java.util.Objects;

/** What a contact rule, or a whole rule pack, says about one contact: go now, go later, or not at all. */
public sealed interface ContactDecision {

    /** The outcome name used in contact records: ALLOW, DEFER or SUPPRESS. */
    String outcome();

    /** The contact may be made now. */
    record Allow() implements ContactDecision {
        @Override
        public String outcome() {
            return "ALLOW";
        }
    }

    /** The contact may not be made now; {@code until} is the first moment the deciding rule allows it. */
    record Defer(Instant until, String rule, String reason) implements ContactDecision {
        public Defer {
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public String outcome() {
            return "DEFER";
        }
    }

    /** The contact must not be made (until something changes, e.g. a dispute is resolved): recorded, not sent. */
    record Suppress(String rule, String reason) implements ContactDecision {
        public Suppress {
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public String outcome() {
            return "SUPPRESS";
        }
    }

    static ContactDecision allow() {
        return new Allow();
    }
}

package com.overdue.collections.core.escalation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Whether a voice call may be placed at a proposed time under the borrower's jurisdiction's call limits (RULES §5).
 * A small port so that the escalation step can ask it now and the shared contact policy can answer it later.
 */
public interface CallLimits {

    CallVerdict evaluate(CallRequest request);

    /** A call attempt or conversation already made (from contact outcomes) or planned (a call task issued). */
    record CallAttempt(Instant at, boolean connected, String source) {
    }

    /**
     * The proposed call: the borrower's jurisdiction and time zone, prior attempts, the borrower's contact
     * preferences ({@code optOut} channels, cease-communication) and when the call would be made.
     */
    record CallRequest(String loanId, String jurisdiction, ZoneId timeZone, List<CallAttempt> history,
                       Set<String> optOut, boolean ceaseCommunication, Instant proposedAt) {
        public CallRequest {
            history = List.copyOf(history);
            optOut = Set.copyOf(optOut);
        }
    }

    /** The answer: the call may go now, must wait until a moment, or must not be made; with the deciding rule. */
    sealed interface CallVerdict permits Allow, Defer, Skip {
    }

    record Allow() implements CallVerdict {
    }

    record Defer(Instant until, String rule, String reason) implements CallVerdict {
    }

    record Skip(String rule, String reason) implements CallVerdict {
    }
}

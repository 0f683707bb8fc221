package com.overdue.collections.core.escalation;

import com.overdue.collections.core.escalation.CallLimits.CallAttempt;
import com.overdue.collections.core.escalation.CallLimits.CallRequest;
import com.overdue.collections.core.escalation.CallLimits.CallVerdict;
import com.overdue.collections.core.escalation.CallLimits.Defer;
import com.overdue.collections.core.escalation.CallLimits.Skip;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One call-limit rule of a jurisdiction's rule pack; empty when the rule has nothing against the call. */
public interface CallLimitRule {

    String id();

    Optional<CallVerdict> check(CallRequest request);

    /** No calls after a cease-communication request or an opt-out of calls (all jurisdictions). */
    record NoCallsWhenOptedOut(String id) implements CallLimitRule {
        @Override
        public Optional<CallVerdict> check(CallRequest r) {
            if (r.ceaseCommunication()) {
                return Optional.of(new Skip(id, "the borrower asked to cease communication"));
            }
            if (r.optOut().contains("CALL") || r.optOut().contains("VOICE")) {
                return Optional.of(new Skip(id, "the borrower opted out of calls"));
            }
            return Optional.empty();
        }
    }

    /**
     * At most {@code max} connected (effective) calls per borrower-local day (CN 2025 standard: 3); a call over the
     * cap waits until the next day's contact window opens at {@code windowStart}.
     */
    record DailyConnectedCalls(String id, int max, LocalTime windowStart) implements CallLimitRule {
        @Override
        public Optional<CallVerdict> check(CallRequest r) {
            LocalDate day = LocalDate.ofInstant(r.proposedAt(), r.timeZone());
            long connected = r.history().stream().filter(CallAttempt::connected)
                    .filter(a -> LocalDate.ofInstant(a.at(), r.timeZone()).equals(day)).count();
            if (connected < max) {
                return Optional.empty();
            }
            Instant until = day.plusDays(1).atTime(windowStart).atZone(r.timeZone()).toInstant();
            return Optional.of(new Defer(until, id, connected + " effective call(s) already on " + day
                    + " (limit " + max + " a day)"));
        }
    }

    /**
     * At most {@code max} call attempts within any {@code days}-day window (US Reg F 12 CFR 1006.14: 7 in 7 days);
     * the next attempt waits until the oldest attempt in the window leaves it.
     */
    record RollingAttempts(String id, int max, int days) implements CallLimitRule {
        @Override
        public Optional<CallVerdict> check(CallRequest r) {
            Duration window = Duration.ofDays(days);
            List<Instant> inWindow = r.history().stream().map(CallAttempt::at)
                    .filter(at -> !at.isAfter(r.proposedAt()) && at.isAfter(r.proposedAt().minus(window)))
                    .sorted().toList();
            if (inWindow.size() < max) {
                return Optional.empty();
            }
            Instant until = inWindow.get(inWindow.size() - max).plus(window);
            return Optional.of(new Defer(until, id, inWindow.size() + " call attempt(s) in the last " + days
                    + " days (limit " + max + ")"));
        }
    }

    /** No call within {@code days} days after a telephone conversation (US Reg F 12 CFR 1006.14(b)(2)(ii)). */
    record QuietAfterConversation(String id, int days) implements CallLimitRule {
        @Override
        public Optional<CallVerdict> check(CallRequest r) {
            Duration window = Duration.ofDays(days);
            return r.history().stream().filter(CallAttempt::connected).map(CallAttempt::at)
                    .filter(at -> !at.isAfter(r.proposedAt()) && at.isAfter(r.proposedAt().minus(window)))
                    .max(Comparator.naturalOrder())
                    .map(last -> new Defer(last.plus(window), id, "a telephone conversation on " + last
                            + " (no call for " + days + " days after one)"));
        }
    }
}

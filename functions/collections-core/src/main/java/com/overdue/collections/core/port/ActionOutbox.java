package com.overdue.collections.core.port;

import java.time.Instant;
import java.util.List;

/**
 * The actions recorded for delivery and not yet confirmed delivered ({@code LOAN#<id> / ACTION#<actionId>} items in
 * state PENDING): written in the same transaction as the decision that causes them (an escalation decision, a
 * released call task, a credit-bureau cycle record), published after it, then marked published. Whatever a crash
 * leaves PENDING is found here by the recovery sweep once its delivery deadline has passed.
 */
public interface ActionOutbox {

    /** An action waiting for delivery and when it was recorded (the sweep reports the oldest one's age). */
    record Undelivered(CollectionsAction action, Instant recordedAt) {
    }

    /** Actions still PENDING whose delivery deadline is at or before {@code now}, oldest first, at most limit. */
    List<Undelivered> undeliveredBy(Instant now, int limit);

    /** Marks an action published (from PENDING or DEFERRED); {@code false} when it already was. */
    boolean markPublished(String loanId, String actionId);
}

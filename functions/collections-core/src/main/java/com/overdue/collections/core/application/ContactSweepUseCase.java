package com.overdue.collections.core.application;

import com.overdue.collections.core.contact.Channel;
import com.overdue.collections.core.contact.ContactRecord;
import com.overdue.collections.core.contact.ContactState;
import com.overdue.collections.core.port.ContactLedger;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code contactSweep} function (every 15 minutes): attempts every waiting contact whose time has come (planned
 * for later in the day, deferred by a contact rule, or refused by the provider and due for a retry). Each attempt
 * evaluates the rules again at the moment of sending.
 */
public final class ContactSweepUseCase {

    /** What one sweep did: contacts attempted, and the outcome counts by state and channel. */
    public record Result(int attempted, Map<ContactState, Map<Channel, Integer>> outcomes) {
        public int count(ContactState state) {
            return outcomes.getOrDefault(state, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final ContactLedger ledger;
    private final ReminderDelivery delivery;
    private final int batchSize;

    public ContactSweepUseCase(ContactLedger ledger, ReminderDelivery delivery, int batchSize) {
        this.ledger = ledger;
        this.delivery = delivery;
        this.batchSize = batchSize;
    }

    public Result sweep() {
        Map<ContactState, Map<Channel, Integer>> outcomes = new EnumMap<>(ContactState.class);
        int attempted = 0;
        while (true) {
            List<ContactRecord> due = ledger.dueBy(delivery.clock().instant(), batchSize);
            int progressed = 0;
            for (ContactRecord r : delivery.attemptAll(due)) {
                progressed++;
                attempted++;
                outcomes.computeIfAbsent(r.state(), s -> new EnumMap<>(Channel.class))
                        .merge(r.channel(), 1, Integer::sum);
            }
            // A full page that made progress may have more behind it; anything else is done for this run.
            if (due.size() < batchSize || progressed == 0) {
                return new Result(attempted, outcomes);
            }
        }
    }
}

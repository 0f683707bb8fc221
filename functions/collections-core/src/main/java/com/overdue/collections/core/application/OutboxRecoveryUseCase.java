package com.overdue.collections.core.application;

import com.overdue.collections.core.port.ActionOutbox;
import com.overdue.collections.core.port.ActionPublisher;
import com.overdue.collections.core.port.BureauLedger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The recovery half of the outbox, run by the {@code contactSweep} schedule after the contacts: publishes every action
 * still PENDING past its delivery deadline (its writer died between the write and the publish, or between the publish
 * and marking it), then marks it published. Receivers dedupe on {@code actionId}, so a second publish is harmless.
 * Metro 2 files still PENDING are not written here (the export's own retries re-run the cycle, which completes it);
 * they are reported with their age, and so is the oldest action found, for the alarm on stale outbox items.
 */
public final class OutboxRecoveryUseCase {

    /**
     * What one run did.
     *
     * @param actionsRedelivered actions published again and marked
     * @param actionsFailed      actions whose publish failed again (left PENDING for the next run)
     * @param filesPending       cycles whose Metro 2 file is still PENDING past its deadline
     * @param oldest             the age of the oldest undelivered effect found (zero when none)
     */
    public record Result(int actionsRedelivered, int actionsFailed, List<LocalDate> filesPending, Duration oldest) {
    }

    private final ActionOutbox outbox;
    private final ActionPublisher publisher;
    private final BureauLedger files;
    private final Clock clock;
    private final int batchSize;

    public OutboxRecoveryUseCase(ActionOutbox outbox, ActionPublisher publisher, BureauLedger files, Clock clock,
                                 int batchSize) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.files = files;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    public Result recover() {
        Instant now = clock.instant();
        int redelivered = 0;
        int failed = 0;
        Duration oldest = Duration.ZERO;
        while (true) {
            List<ActionOutbox.Undelivered> due = outbox.undeliveredBy(now, batchSize);
            int progressed = 0;
            for (ActionOutbox.Undelivered u : due) {
                oldest = max(oldest, Duration.between(u.recordedAt(), now));
                try {
                    publisher.publish(u.action());
                } catch (RuntimeException e) {
                    failed++;
                    continue;
                }
                outbox.markPublished(u.action().loanId(), u.action().actionId());
                redelivered++;
                progressed++;
            }
            if (due.size() < batchSize || progressed == 0) {
                break;
            }
        }
        List<BureauLedger.Undelivered> pendingFiles = files.filesDueBy(now);
        for (BureauLedger.Undelivered f : pendingFiles) {
            oldest = max(oldest, Duration.between(f.recordedAt(), now));
        }
        return new Result(redelivered, failed, pendingFiles.stream().map(BureauLedger.Undelivered::cycleDate).toList(),
                oldest);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

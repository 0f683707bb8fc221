package com.overdue.collections.core.application;

import com.overdue.collections.core.delinquency.DelinquencyChange;
import com.overdue.collections.core.delinquency.DelinquencyStatus;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.port.LoanChange;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.ReviewPage;
import com.overdue.collections.core.port.ScanLeases;
import com.overdue.collections.core.port.StaleLoanException;
import com.overdue.collections.core.port.WorkDispatcher;
import com.overdue.collections.core.port.WorkItem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The daily overdue scan of one time zone (the {@code overdueScan} function): reads only the loans the work-queue
 * index says need attention today, ages them to the business date, records bucket/severity changes, sends one work
 * item per overdue loan (and one per courtesy review of a healthy loan) and moves each loan's next review date.
 *
 * <p>Writes: a loan is written only when its bucket or severity changes or its next review date moves (an overdue
 * loan keeps its due review date, so most days cost no write; the snapshot is aged in memory from its date by the
 * same ledger code). Crash safety: work items are sent before loans are written. A crash in between leaves the loans
 * in the index for today, so a re-run ages them again (same result: same date), re-sends their work items (workers
 * are idempotent on {@link WorkItem#key()}) and writes the same state a clean run would have written.
 *
 * <p>Concurrency: a scan holds the zone's {@link ScanLeases lease} for the date while it runs ({@link #LEASE}
 * long, renewed after a page once half of it is spent), so a second scan of the same date at the same time waits
 * for it and then has nothing to do: no work item is sent twice for the same loan and date. A re-run after a scan
 * finished scans again. A scan that dies leaves its lease to expire; the retry then takes the date over.
 */
public final class OverdueScanUseCase {

    private static final int PAGE_SIZE = 100;
    /** How long a scan's claim on its date lasts without renewal (it renews after every page). */
    public static final Duration LEASE = Duration.ofSeconds(30);

    private final LoanRepository loans;
    private final WorkDispatcher dispatcher;
    private final CollectionsSettings settings;
    private final Clock clock;
    private final ScanLeases leases;

    public OverdueScanUseCase(LoanRepository loans, WorkDispatcher dispatcher, CollectionsSettings settings,
                              Clock clock) {
        this(loans, dispatcher, settings, clock, ScanLeases.NONE);
    }

    public OverdueScanUseCase(LoanRepository loans, WorkDispatcher dispatcher, CollectionsSettings settings,
                              Clock clock, ScanLeases leases) {
        this.leases = leases;
        this.loans = loans;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.clock = clock;
    }

    /** Scans for the business date given, or for today in {@code timeZone} when it is {@code null}. */
    public ScanSummary scan(ZoneId timeZone, LocalDate businessDate) {
        LocalDate date = businessDate != null ? businessDate : LocalDate.now(clock.withZone(timeZone));
        ScanSummary.Counter counter = new ScanSummary.Counter();
        String zone = timeZone.getId();
        String owner = UUID.randomUUID().toString();
        if (leases.claim(zone, date, owner, clock.instant(), clock.instant().plus(LEASE)) == ScanLeases.Claim.DONE) {
            return counter.toSummary(zone, date);
        }
        Instant renewed = clock.instant();
        for (int shard = 0; shard < settings.reviewSchedule().shards(); shard++) {
            String cursor = null;
            do {
                ReviewPage page = loans.findDueForReview(zone, shard, date, cursor, PAGE_SIZE);
                processPage(page.loans(), date, counter);
                cursor = page.nextCursor();
                Instant now = clock.instant();
                if (now.isAfter(renewed.plus(LEASE.dividedBy(2)))) {
                    if (!leases.renew(zone, date, owner, now.plus(LEASE))) {
                        // Expired and taken over by a retry: it scans the rest; stopping here sends nothing twice.
                        return counter.toSummary(zone, date);
                    }
                    renewed = now;
                }
            } while (cursor != null);
        }
        leases.complete(zone, date, owner);
        return counter.toSummary(zone, date);
    }

    private void processPage(List<LoanRecord> page, LocalDate date, ScanSummary.Counter counter) {
        List<LoanChange> changes = new ArrayList<>();
        List<WorkItem> work = new ArrayList<>();
        for (LoanRecord loan : page) {
            if (loan.position().asOf().isAfter(date)) {
                continue; // a later business date was already scanned: never age a loan backwards
            }
            LoanChange change = age(loan, date);
            LoanRecord aged = change.record();
            boolean moved = !java.util.Objects.equals(aged.nextReviewOn(), loan.nextReviewOn());
            changes.add(change.delinquencyChange() != null || moved ? change : null);
            DelinquencyStatus status = aged.status();
            counter.scanned++;
            counter.bySeverity.merge(status.severity().name(), 1, Integer::sum);
            counter.byBucket.merge(status.bucket(), 1, Integer::sum);
            ReviewSchedule schedule = settings.reviewSchedule();
            if (aged.position().isOverdue() || schedule.isEpisodeEndReview(loan)
                    || schedule.isCourtesyReview(aged.position(), date)) {
                // An episode-end review goes out once, with DPD 0, e.g. for a recall; a courtesy review once per
                // installment, with DPD 0, for the reminder fan-out (the penalty and escalation workers skip it).
                work.add(workItem(aged));
            }
        }
        if (!work.isEmpty()) {
            dispatcher.dispatch(work);
            counter.sent += work.size();
        }
        for (LoanChange change : changes) {
            if (change == null) {
                continue;
            }
            try {
                loans.save(change);
            } catch (StaleLoanException e) {
                // An event was applied meanwhile; it wrote its own position and review date, which win.
                continue;
            }
            if (change.delinquencyChange() != null) {
                counter.changes++;
            }
            if (change.record().nextReviewOn() == null) {
                counter.leftIndex++;
            }
        }
    }

    private LoanChange age(LoanRecord loan, LocalDate date) {
        LoanPosition position = settings.ledger().advanceTo(loan.position(), date);
        DelinquencyStatus status = settings.evaluator().evaluate(position);
        DelinquencyChange change = DelinquencyChange.between(loan.status().bucket(), loan.status().severity(),
                status, "AGEING");
        LoanRecord aged = new LoanRecord(loan.terms(), position, status, loan.version() + 1,
                settings.reviewSchedule().nextReview(position, date, loan.nextReviewOn()));
        return new LoanChange(aged, loan.version(), null, null, change);
    }

    private static WorkItem workItem(LoanRecord loan) {
        DelinquencyStatus s = loan.status();
        return new WorkItem(loan.loanId(), loan.terms().borrowerId(), s.asOf(), loan.terms().timeZone().getId(),
                s.daysPastDue(), s.severity().name(), s.bucket(), s.overdueAmount().toPlainString(),
                loan.terms().currency().getCurrencyCode());
    }
}

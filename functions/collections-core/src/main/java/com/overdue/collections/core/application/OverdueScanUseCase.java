package com.overdue.collections.core.application;

import com.overdue.collections.core.delinquency.DelinquencyChange;
import com.overdue.collections.core.delinquency.DelinquencyStatus;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.port.LoanChange;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.ReviewPage;
import com.overdue.collections.core.port.StaleLoanException;
import com.overdue.collections.core.port.WorkDispatcher;
import com.overdue.collections.core.port.WorkItem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

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
 */
public final class OverdueScanUseCase {

    private static final int PAGE_SIZE = 100;

    private final LoanRepository loans;
    private final WorkDispatcher dispatcher;
    private final CollectionsSettings settings;
    private final Clock clock;

    public OverdueScanUseCase(LoanRepository loans, WorkDispatcher dispatcher, CollectionsSettings settings,
                              Clock clock) {
        this.loans = loans;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.clock = clock;
    }

    /** Scans for the business date given, or for today in {@code timeZone} when it is {@code null}. */
    public ScanSummary scan(ZoneId timeZone, LocalDate businessDate) {
        LocalDate date = businessDate != null ? businessDate : LocalDate.now(clock.withZone(timeZone));
        ScanSummary.Counter counter = new ScanSummary.Counter();
        for (int shard = 0; shard < settings.reviewSchedule().shards(); shard++) {
            String cursor = null;
            do {
                ReviewPage page = loans.findDueForReview(timeZone.getId(), shard, date, cursor, PAGE_SIZE);
                processPage(page.loans(), date, counter);
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return counter.toSummary(timeZone.getId(), date);
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

package com.overdue.collections.core.application;

import static com.overdue.collections.core.testing.LoanFixtures.SHANGHAI;
import static com.overdue.collections.core.testing.LoanFixtures.installment;
import static com.overdue.collections.core.testing.LoanFixtures.shanghai;
import static com.overdue.collections.core.testing.LoanFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.overdue.collections.core.delinquency.DelinquencyChange;
import com.overdue.collections.core.delinquency.Severity;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.port.LoanChange;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.StoredEvent;
import com.overdue.collections.core.port.WorkItem;
import com.overdue.collections.core.delinquency.DelinquencyPolicy;
import com.overdue.collections.core.product.AllocationRule;
import com.overdue.collections.core.testing.EventJson;
import com.overdue.collections.core.testing.TestProducts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverdueScanUseCaseTest {

    private static final LocalDate JAN_15 = LocalDate.of(2026, 1, 15);
    private static final LocalDate FEB_1 = LocalDate.of(2026, 2, 1);
    private static final LocalDate FEB_15 = LocalDate.of(2026, 2, 15);
    private static final LocalDate FEB_16 = LocalDate.of(2026, 2, 16);
    private static final LocalDate MAR_2 = LocalDate.of(2026, 3, 2);
    private static final LocalDate MAR_15 = LocalDate.of(2026, 3, 15);
    private static final LocalDate MAR_16 = LocalDate.of(2026, 3, 16);

    private final InMemoryLoanRepository loans = new InMemoryLoanRepository(4);
    private final RecordingWorkDispatcher dispatcher = new RecordingWorkDispatcher();
    /** Mechanics of ingestion and scanning, without penalty accruing (penalty: PenaltyAccrualUseCaseTest). */
    private final CollectionsSettings settings = CollectionsSettings.of(
            TestProducts.withoutPenalty(AllocationRule.DEFAULT), DelinquencyPolicy.DEFAULT, 4);

    @Test
    void healthy_loans_whose_next_due_date_is_ahead_are_not_read() {
        book(loans, "H-1", MAR_15, JAN_15);
        book(loans, "H-2", MAR_15, JAN_15);
        book(loans, "H-3", MAR_15, JAN_15);
        book(loans, "O-1", FEB_15, JAN_15);
        Map<String, LoanRecord> before = loans.loans();

        ScanSummary summary = scanner(loans, dispatcher).scan(SHANGHAI, FEB_16);

        assertThat(loans.loansReturnedForReview()).isEqualTo(1);
        assertThat(summary.loansScanned()).isEqualTo(1);
        assertThat(dispatcher.keys()).containsExactly("O-1#2026-02-16");
        for (String healthy : List.of("H-1", "H-2", "H-3")) {
            assertThat(loans.loan(healthy)).isEqualTo(before.get(healthy));
            // Next looked at the day after its first due date.
            assertThat(loans.loan(healthy).nextReviewOn()).isEqualTo(MAR_16);
        }
    }

    @Test
    void an_overdue_loan_gets_one_work_item_per_business_day() {
        book(loans, "O-1", FEB_15, JAN_15);
        OverdueScanUseCase scan = scanner(loans, dispatcher);

        for (LocalDate day = FEB_16; day.isBefore(FEB_16.plusDays(4)); day = day.plusDays(1)) {
            scan.scan(SHANGHAI, day);
            // An overdue loan keeps the review date it has while that is due (on or before tomorrow), so the
            // daily scan picks it every day without rewriting it just to move the date: 16 Feb stays.
            assertThat(loans.loan("O-1").nextReviewOn()).isEqualTo(FEB_16).isBeforeOrEqualTo(day.plusDays(1));
        }

        assertThat(dispatcher.keys()).containsExactly("O-1#2026-02-16", "O-1#2026-02-17", "O-1#2026-02-18",
                "O-1#2026-02-19");
        WorkItem first = dispatcher.sent().get(0);
        // 1000.00 principal + 30.00 interest + 5.00 fees
        assertThat(first).isEqualTo(new WorkItem("O-1", "B-O-1", FEB_16, "Asia/Shanghai", 1, "MILD", "1-3",
                "1035.00", "CNY"));
        assertThat(dispatcher.sent()).extracting(WorkItem::daysPastDue).containsExactly(1, 2, 3, 4);
        // Day 1 enters 1-3, day 4 enters 4-30; days 2 and 3 change nothing worth recording.
        assertThat(loans.changes("O-1")).containsExactly(
                new DelinquencyChange(FEB_16, "CURRENT", "1-3", Severity.CURRENT, Severity.MILD, 1, "AGEING"),
                new DelinquencyChange(FEB_16.plusDays(3), "1-3", "4-30", Severity.MILD, Severity.MILD, 4,
                        "AGEING"));
    }

    @Test
    void without_a_business_date_the_scan_uses_today_in_the_time_zone() {
        book(loans, "O-1", FEB_15, JAN_15);
        // 17:30 UTC on 15 February is 01:30 on 16 February in Shanghai.
        Clock lateEvening = Clock.fixed(Instant.parse("2026-02-15T17:30:00Z"), ZoneOffset.UTC);

        ScanSummary summary = new OverdueScanUseCase(loans, dispatcher, settings, lateEvening).scan(SHANGHAI, null);

        assertThat(summary.businessDate()).isEqualTo(FEB_16);
        assertThat(dispatcher.keys()).containsExactly("O-1#2026-02-16");
    }

    @Test
    void a_closed_loan_leaves_the_index() {
        book(loans, "O-1", FEB_15, JAN_15);
        OverdueScanUseCase scan = scanner(loans, dispatcher);
        scan.scan(SHANGHAI, FEB_16);
        ingest(loans, FEB_16).ingest(EventJson.loanClosed("E-C-O-1", shanghai(FEB_16, 15), "O-1", "WRITTEN_OFF",
                FEB_16));
        int reads = loans.loansReturnedForReview();

        ScanSummary next = scan.scan(SHANGHAI, FEB_16.plusDays(1));

        assertThat(loans.loan("O-1").nextReviewOn()).isNull();
        assertThat(loans.loansReturnedForReview()).isEqualTo(reads);
        assertThat(next.workItemsSent()).isZero();
        assertThat(dispatcher.keys()).containsExactly("O-1#2026-02-16");
    }

    @Test
    void a_loan_paid_off_by_an_event_is_reviewed_once_more_for_the_episode_end_then_leaves_the_index() {
        book(loans, "O-1", FEB_15, JAN_15);
        OverdueScanUseCase scan = scanner(loans, dispatcher);
        scan.scan(SHANGHAI, MAR_16);
        // Both installments (due 15 February and 15 March) are overdue: 2 x 1035.00 = 2070.00 pays them off.
        ingest(loans, MAR_16).ingest(EventJson.paymentReceived("E-P-O-1", shanghai(MAR_16, 15), "O-1", "P-1",
                "2070.00", MAR_16));
        int reads = loans.loansReturnedForReview();

        ScanSummary next = scan.scan(SHANGHAI, MAR_16.plusDays(1));

        assertThat(loans.loan("O-1").position().isFullyPaid()).isTrue();
        // The payment ended a delinquency episode: the next scan shows the loan to the workers once more (a DPD-0
        // work item, so that escalation returns it to CURRENT and recalls an agency placement), then it leaves.
        assertThat(loans.loansReturnedForReview()).isEqualTo(reads + 1);
        assertThat(next.loansScanned()).isEqualTo(1);
        assertThat(loans.loan("O-1").nextReviewOn()).isNull();
        assertThat(dispatcher.keys()).containsExactly("O-1#2026-03-16", "O-1#2026-03-17");
        assertThat(scan.scan(SHANGHAI, MAR_16.plusDays(2)).loansScanned()).isZero();
    }

    @Test
    void paying_an_installment_before_it_falls_due_keeps_the_loan_in_the_index_until_then() {
        book(loans, "O-1", FEB_15, JAN_15);
        // 2070.00 on 16 February: 1035.00 pays installment 1, the other 1035.00 waits as credit for 15 March.
        ingest(loans, FEB_16).ingest(EventJson.paymentReceived("E-P-O-1", shanghai(FEB_16, 9), "O-1", "P-1",
                "2070.00", FEB_16));

        assertThat(loans.loan("O-1").nextReviewOn()).isEqualTo(MAR_16);
        ScanSummary summary = scanner(loans, dispatcher).scan(SHANGHAI, MAR_16);

        assertThat(summary.loansScanned()).isEqualTo(1);
        assertThat(summary.loansLeftIndex()).isEqualTo(1);
        assertThat(loans.loan("O-1").position().isFullyPaid()).isTrue();
        assertThat(loans.loan("O-1").nextReviewOn()).isNull();
        assertThat(dispatcher.sent()).isEmpty();
    }

    @Test
    void a_loan_whose_credit_pays_it_off_on_its_last_due_date_leaves_the_index_during_the_scan() {
        LoanTerms single = terms("C-1", JAN_15, installment(1, MAR_15, "1000.00", "30.00", "5.00"));
        IngestEventUseCase ingest = ingest(loans, LocalDate.of(2026, 3, 1));
        ingest.ingest(EventJson.loanBooked("E-B-C-1", shanghai(JAN_15, 10), single));
        ingest.ingest(EventJson.paymentReceived("E-P-C-1", shanghai(LocalDate.of(2026, 3, 1), 9), "C-1", "P-1",
                "1035.00", LocalDate.of(2026, 3, 1)));
        assertThat(loans.loan("C-1").nextReviewOn()).isEqualTo(MAR_16);

        ScanSummary summary = scanner(loans, dispatcher).scan(SHANGHAI, MAR_16);

        assertThat(summary.loansScanned()).isEqualTo(1);
        assertThat(summary.loansLeftIndex()).isEqualTo(1);
        assertThat(summary.workItemsSent()).isZero();
        assertThat(loans.loan("C-1").nextReviewOn()).isNull();
        assertThat(loans.loan("C-1").position().isFullyPaid()).isTrue();
        int reads = loans.loansReturnedForReview();
        scanner(loans, dispatcher).scan(SHANGHAI, MAR_16.plusDays(1));
        assertThat(loans.loansReturnedForReview()).isEqualTo(reads);
    }

    @ParameterizedTest(name = "crash on save {0}, {1} the write")
    @CsvSource({
            "1, BEFORE", "1, AFTER",
            "100, BEFORE", "101, AFTER",
            "230, BEFORE", "231, AFTER",
            "449, BEFORE", "450, AFTER"})
    void a_scan_that_crashes_and_runs_again_stores_exactly_what_one_clean_run_stores(int crashOnSave,
                                                                                   CrashingRepository.When when) {
        InMemoryLoanRepository clean = portfolio();
        ReviewSchedule schedule = new ReviewSchedule(4);
        Map<Integer, Long> duePerShard = clean.loans().values().stream()
                .filter(r -> r.nextReviewOn() != null && !r.nextReviewOn().isAfter(MAR_2))
                .collect(Collectors.groupingBy(r -> schedule.shardOf(r.loanId()), Collectors.counting()));
        assertThat(duePerShard).as("more than one page of 100 in every shard").hasSize(4)
                .allSatisfy((shard, due) -> assertThat(due).isGreaterThan(100));
        RecordingWorkDispatcher cleanWork = new RecordingWorkDispatcher();
        ScanSummary cleanRun = scanner(clean, cleanWork).scan(SHANGHAI, MAR_2);
        assertThat(cleanRun.loansScanned()).isEqualTo(450);
        assertThat(crashOnSave).isLessThanOrEqualTo(cleanRun.loansScanned());

        InMemoryLoanRepository crashed = portfolio();
        RecordingWorkDispatcher work = new RecordingWorkDispatcher();
        CrashingRepository crashing = new CrashingRepository(crashed, crashOnSave, when);
        assertThatThrownBy(() -> scanner(crashing, work).scan(SHANGHAI, MAR_2))
                .isInstanceOf(CrashingRepository.Crash.class);
        scanner(crashed, work).scan(SHANGHAI, MAR_2);

        assertThat(crashed.loans()).isEqualTo(clean.loans());
        assertThat(crashed.changes()).isEqualTo(clean.changes());
        Set<String> overdueToday = clean.loans().values().stream()
                .filter(r -> r.status().isOverdue())
                .map(r -> r.loanId() + "#" + MAR_2)
                .collect(Collectors.toSet());
        assertThat(overdueToday).hasSize(300);
        assertThat(Set.copyOf(work.keys())).isEqualTo(overdueToday).isEqualTo(Set.copyOf(cleanWork.keys()));
    }

    @Test
    void running_a_completed_day_again_sends_nothing_and_changes_nothing() {
        InMemoryLoanRepository portfolio = portfolio();
        OverdueScanUseCase scan = scanner(portfolio, dispatcher);
        scan.scan(SHANGHAI, MAR_2);
        Map<String, LoanRecord> after = portfolio.loans();
        Map<String, List<DelinquencyChange>> changes = portfolio.changes();
        int sent = dispatcher.sent().size();
        int saves = portfolio.saves();

        ScanSummary again = scan.scan(SHANGHAI, MAR_2);

        // Overdue loans stay in the index for today (their review date is kept, so they are not rewritten daily):
        // the re-run ages them again to the same date and re-sends the same work items, on which workers are
        // idempotent (loanId#businessDate); it writes nothing and records no change.
        assertThat(again.delinquencyChanges()).isZero();
        assertThat(again.workItemsSent()).isPositive();
        assertThat(dispatcher.sent()).hasSize(sent + again.workItemsSent());
        assertThat(Set.copyOf(dispatcher.keys().subList(sent, dispatcher.keys().size())))
                .isEqualTo(Set.copyOf(dispatcher.keys().subList(0, sent)).stream()
                        .filter(k -> k.endsWith("#" + MAR_2)).collect(Collectors.toSet()));
        assertThat(portfolio.saves()).isEqualTo(saves);
        assertThat(portfolio.loans()).isEqualTo(after);
        assertThat(portfolio.changes()).isEqualTo(changes);
    }

    @Test
    void a_loan_already_aged_past_the_business_date_is_not_aged_backwards() {
        LocalDate mar20 = LocalDate.of(2026, 3, 20);
        book(loans, "O-1", FEB_15, mar20);
        LoanRecord booked = loans.loan("O-1");
        // Its index entry is behind its snapshot: due for review on 18 March, aged to 20 March.
        LoanRecord behind = new LoanRecord(booked.terms(), booked.position(), booked.status(), 2,
                mar20.minusDays(2));
        loans.save(new LoanChange(behind, 1, null, null, null));

        ScanSummary summary = scanner(loans, dispatcher).scan(SHANGHAI, mar20.minusDays(2));

        assertThat(loans.loansReturnedForReview()).isEqualTo(1);
        assertThat(loans.loan("O-1")).isEqualTo(behind);
        assertThat(loans.loan("O-1").position().asOf()).isEqualTo(mar20);
        assertThat(summary.loansScanned()).isZero();
        assertThat(dispatcher.sent()).isEmpty();
    }

    @Test
    void an_event_written_while_the_scan_runs_wins_over_the_scans_write() {
        book(loans, "O-1", FEB_15, JAN_15);
        book(loans, "O-2", FEB_15, JAN_15);
        IngestEventUseCase ingest = ingest(loans, FEB_16);
        LoanRepository racing = new CrashingRepository(loans, Integer.MAX_VALUE, CrashingRepository.When.BEFORE) {
            @Override
            public void save(LoanChange change) {
                if (change.record().loanId().equals("O-1") && loans.loan("O-1").version() == 1) {
                    ingest.ingest(EventJson.paymentReceived("E-P-O-1", shanghai(FEB_16, 9), "O-1", "P-1", "500.00",
                            FEB_16));
                }
                super.save(change);
            }
        };

        ScanSummary summary = scanner(racing, dispatcher).scan(SHANGHAI, FEB_16);

        assertThat(summary.loansScanned()).isEqualTo(2);
        assertThat(loans.loan("O-1").version()).isEqualTo(2);
        assertThat(loans.findEvents("O-1")).extracting(StoredEvent::eventId).contains("E-P-O-1");
        assertThat(loans.loan("O-2").version()).isEqualTo(2);
        assertThat(loans.loan("O-2").position().asOf()).isEqualTo(FEB_16);
    }

    // ---- fixtures

    /**
     * 600 loans booked on 1 February, in four kinds by index: healthy (first due 15 March, not read on 2 March),
     * overdue since 16 February, overdue since 1 February, and paid ahead by credit with its only installment due
     * 28 February (the scan sees it paid off and drops it from the index). 450 are due for review on 2 March, spread
     * over 4 shards: more than one page of 100 in each.
     */
    private InMemoryLoanRepository portfolio() {
        InMemoryLoanRepository repository = new InMemoryLoanRepository(4);
        IngestEventUseCase ingest = ingest(repository, FEB_1);
        for (int i = 0; i < 600; i++) {
            String loanId = "L-%03d".formatted(i);
            switch (i % 4) {
                case 0 -> ingest.ingest(EventJson.loanBooked("E-B-" + loanId, shanghai(JAN_15, 10),
                        twoInstallments(loanId, MAR_15)));
                case 1 -> ingest.ingest(EventJson.loanBooked("E-B-" + loanId, shanghai(JAN_15, 10),
                        twoInstallments(loanId, FEB_15)));
                case 2 -> ingest.ingest(EventJson.loanBooked("E-B-" + loanId, shanghai(JAN_15, 10),
                        twoInstallments(loanId, JAN_15.plusDays(16))));
                default -> {
                    ingest.ingest(EventJson.loanBooked("E-B-" + loanId, shanghai(JAN_15, 10), terms(loanId, JAN_15,
                            installment(1, LocalDate.of(2026, 2, 28), "1000.00", "30.00", "5.00"))));
                    ingest.ingest(EventJson.paymentReceived("E-P-" + loanId, shanghai(FEB_1, 9), loanId, "P-1",
                            "1035.00", FEB_1));
                }
            }
        }
        return repository;
    }

    private void book(InMemoryLoanRepository repository, String loanId, LocalDate firstDue, LocalDate today) {
        IngestOutcome outcome = ingest(repository, today).ingest(
                EventJson.loanBooked("E-B-" + loanId, shanghai(JAN_15, 10), twoInstallments(loanId, firstDue)));
        assertThat(outcome).isInstanceOf(IngestOutcome.Applied.class);
    }

    /** Two installments of 1000.00 + 30.00 + 5.00 = 1035.00, a month apart. */
    private static LoanTerms twoInstallments(String loanId, LocalDate firstDue) {
        return terms(loanId, JAN_15,
                installment(1, firstDue, "1000.00", "30.00", "5.00"),
                installment(2, firstDue.plusMonths(1), "1000.00", "30.00", "5.00"));
    }

    private IngestEventUseCase ingest(LoanRepository repository, LocalDate today) {
        return new IngestEventUseCase(repository, settings, Clock.fixed(shanghai(today, 10), ZoneOffset.UTC));
    }

    private OverdueScanUseCase scanner(LoanRepository repository, RecordingWorkDispatcher work) {
        // The scan is always given its business date here; the clock would only pick today.
        return new OverdueScanUseCase(repository, work, settings, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    /** Fails the process at the Nth save, either before the store wrote the change or after it did. */
    static class CrashingRepository extends ForwardingLoanRepository {
        enum When { BEFORE, AFTER }

        static final class Crash extends RuntimeException {
            Crash(int save) {
                super("simulated crash at save " + save);
            }
        }

        private final int crashOnSave;
        private final When when;
        private int saves;

        CrashingRepository(LoanRepository delegate, int crashOnSave, When when) {
            super(delegate);
            this.crashOnSave = crashOnSave;
            this.when = when;
        }

        @Override
        public void save(LoanChange change) {
            saves++;
            if (saves == crashOnSave && when == When.BEFORE) {
                throw new Crash(saves);
            }
            delegate.save(change);
            if (saves == crashOnSave && when == When.AFTER) {
                throw new Crash(saves);
            }
        }
    }
}

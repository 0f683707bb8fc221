package com.overdue.collections.core.application;

import static com.overdue.collections.core.testing.LoanFixtures.SHANGHAI;
import static com.overdue.collections.core.testing.LoanFixtures.installment;
import static com.overdue.collections.core.testing.LoanFixtures.shanghai;
import static com.overdue.collections.core.testing.LoanFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

import com.overdue.collections.core.contact.Channel;
import com.overdue.collections.core.delinquency.DelinquencyPolicy;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.port.WorkItem;
import com.overdue.collections.core.product.AllocationRule;
import com.overdue.collections.core.product.Product;
import com.overdue.collections.core.product.ProductCatalog;
import com.overdue.collections.core.reminder.ReminderCadence;
import com.overdue.collections.core.testing.EventJson;
import com.overdue.collections.core.testing.TestProducts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The courtesy review: one extra index visit per installment, due − daysBeforeDue, for products that enable it. */
class CourtesyReviewTest {

    private static final LocalDate JAN_15 = LocalDate.of(2026, 1, 15);
    private static final LocalDate MAR_15 = LocalDate.of(2026, 3, 15);
    private static final LocalDate APR_15 = LocalDate.of(2026, 4, 15);

    private static ProductCatalog catalog(boolean courtesy) {
        Product base = TestProducts.withoutPenalty(AllocationRule.DEFAULT).product(TestProducts.CN_PRODUCT);
        return TestProducts.catalog(new Product(base.productCode(), base.jurisdiction(), base.currency(),
                base.penalty(), base.allocation(), base.promiseHoldGraceDays(), courtesy));
    }

    private static CollectionsSettings settings(boolean productCourtesy) {
        return CollectionsSettings.of(catalog(productCourtesy), DelinquencyPolicy.DEFAULT, 4,
                new ReminderCadence.Courtesy(true, 3, Set.of(Channel.SMS)));
    }

    @Test
    void a_courtesy_product_is_reviewed_on_due_minus_n_then_the_day_after_due() {
        CollectionsSettings s = settings(true);
        var position = s.ledger().advanceTo(s.replay().replay(twoInstallments("C-1"), List.of(), JAN_15), JAN_15);

        assertThat(s.reviewSchedule().nextReview(position, JAN_15, null)).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(s.reviewSchedule().nextReview(position, LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 12)))
                .isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(settings(false).reviewSchedule().nextReview(position, JAN_15, null))
                .isEqualTo(LocalDate.of(2026, 3, 16));
    }

    @Test
    void the_scan_sends_one_courtesy_item_on_due_minus_n_and_none_on_other_healthy_days() {
        Run run = scanEveryDay(true);

        List<LocalDate> courtesyDays = run.items.stream().filter(i -> i.daysPastDue() == 0)
                .map(WorkItem::businessDate).toList();
        assertThat(courtesyDays).containsExactly(LocalDate.of(2026, 3, 12), LocalDate.of(2026, 4, 12));
        assertThat(run.items).allSatisfy(i -> {
            assertThat(i.severity()).isEqualTo("CURRENT");
            assertThat(i.daysPastDue()).isZero();
        });
        // The penalty worker has nothing to post for a courtesy item: the loan is not overdue.
        PenaltyAccrualUseCase penalty = new PenaltyAccrualUseCase(run.loans, new InMemoryPenaltyLedger(),
                settings(true));
        assertThat(run.items).allSatisfy(i -> {
            PenaltyAccrualUseCase.Result r = penalty.accrue(i.loanId(), i.businessDate());
            assertThat(r.daysPosted()).isZero();
            assertThat(r.adjustmentsPosted()).isZero();
            assertThat(r.accrued().isPositive()).isFalse();
        });
        // Paid on each due date: the payment moves the review past the day after due, so each installment costs
        // exactly the one courtesy visit.
        assertThat(run.returned).isEqualTo(2);
    }

    @Test
    void a_product_without_courtesy_is_not_read_before_the_due_date() {
        Run run = scanEveryDay(false);

        assertThat(run.items).isEmpty();
        assertThat(run.returnedBefore.get(0)).isZero(); // nothing read from booking to the first due date
        assertThat(run.returned).isZero(); // paid on each due date: the loan is never read at all
    }

    private record Run(List<WorkItem> items, int returned, List<Integer> returnedBefore,
                       InMemoryLoanRepository loans) {
    }

    /** Books a loan that is always paid on its due date and scans every day from booking to after the last due. */
    private Run scanEveryDay(boolean productCourtesy) {
        CollectionsSettings s = settings(productCourtesy);
        InMemoryLoanRepository loans = new InMemoryLoanRepository(4);
        RecordingWorkDispatcher work = new RecordingWorkDispatcher();
        LoanTerms terms = twoInstallments("C-1");
        ingest(loans, s, JAN_15).ingest(EventJson.loanBooked("E-B", shanghai(JAN_15, 10), terms));
        OverdueScanUseCase scan = new OverdueScanUseCase(loans, work, s, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        List<Integer> returnedBefore = new ArrayList<>();
        for (LocalDate d = JAN_15.plusDays(1); !d.isAfter(APR_15.plusDays(2)); d = d.plusDays(1)) {
            if (d.equals(MAR_15)) {
                returnedBefore.add(loans.loansReturnedForReview());
            }
            if (d.equals(MAR_15) || d.equals(APR_15)) {
                int seq = d.equals(MAR_15) ? 1 : 2;
                ingest(loans, s, d).ingest(EventJson.paymentReceived("E-P" + seq, shanghai(d, 11), "C-1",
                        "P-" + seq, "1035.00", d));
            }
            scan.scan(SHANGHAI, d);
        }
        return new Run(work.sent(), loans.loansReturnedForReview(), returnedBefore, loans);
    }

    private static IngestEventUseCase ingest(InMemoryLoanRepository loans, CollectionsSettings s, LocalDate today) {
        return new IngestEventUseCase(loans, s, Clock.fixed(shanghai(today, 10), ZoneOffset.UTC));
    }

    private static LoanTerms twoInstallments(String loanId) {
        return terms(loanId, JAN_15, installment(1, MAR_15, "1000.00", "30.00", "5.00"),
                installment(2, APR_15, "1000.00", "30.00", "5.00"));
    }
}

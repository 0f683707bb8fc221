package com.overdue.collections.core.application;

import static com.overdue.collections.core.testing.LoanFixtures.cny;
import static com.overdue.collections.core.testing.LoanFixtures.installment;
import static com.overdue.collections.core.testing.LoanFixtures.shanghai;
import static com.overdue.collections.core.testing.LoanFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.overdue.collections.core.application.IngestOutcome.Applied;
import com.overdue.collections.core.application.IngestOutcome.Duplicate;
import com.overdue.collections.core.application.IngestOutcome.Rejected;
import com.overdue.collections.core.delinquency.DelinquencyChange;
import com.overdue.collections.core.delinquency.DelinquencyStatus;
import com.overdue.collections.core.delinquency.Severity;
import com.overdue.collections.core.ledger.InstallmentPosition;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.port.LoanChange;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.StaleLoanException;
import com.overdue.collections.core.port.StoredEvent;
import com.overdue.collections.core.delinquency.DelinquencyPolicy;
import com.overdue.collections.core.product.AllocationRule;
import com.overdue.collections.core.testing.EventJson;
import com.overdue.collections.core.testing.TestProducts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestEventUseCaseTest {

    private static final LocalDate JAN_15 = LocalDate.of(2026, 1, 15);
    private static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MAR_16 = LocalDate.of(2026, 3, 16);
    private static final LocalDate MAR_18 = LocalDate.of(2026, 3, 18);
    private static final LocalDate MAR_20 = LocalDate.of(2026, 3, 20);
    /** 10:00 on 20 March 2026 in Shanghai. */
    private static final Clock CLOCK = Clock.fixed(shanghai(MAR_20, 10), ZoneOffset.UTC);

    /**
     * Three installments of 1000.00 + 30.00 + 5.00 = 1035.00. On 20 March installment 1 (due 15 February) is
     * 20 - 15 + 28 = 33 days late (31-60) and installment 2 (due 15 March) 5 days late (4-30).
     */
    private final LoanTerms terms = terms("L-1", JAN_15,
            installment(1, LocalDate.of(2026, 2, 15), "1000.00", "30.00", "5.00"),
            installment(2, LocalDate.of(2026, 3, 15), "1000.00", "30.00", "5.00"),
            installment(3, LocalDate.of(2026, 4, 15), "1000.00", "30.00", "5.00"));

    private final String booked = EventJson.loanBooked("E-1", shanghai(JAN_15, 10), terms);
    private final String p1 = EventJson.paymentReceived("E-2", shanghai(MAR_20, 9), "L-1", "P-1", "1035.00", MAR_20);

    /** Mechanics of ingestion and scanning, without penalty accruing (penalty: PenaltyAccrualUseCaseTest). */
    private final CollectionsSettings settings = CollectionsSettings.of(
            TestProducts.withoutPenalty(AllocationRule.DEFAULT), DelinquencyPolicy.DEFAULT, 4);
    private final InMemoryLoanRepository loans = new InMemoryLoanRepository(4);
    private final IngestEventUseCase ingest = new IngestEventUseCase(loans, settings, CLOCK);

    @Test
    void a_booked_loan_is_stored_with_its_status_borrower_and_first_change() {
        IngestOutcome outcome = ingest.ingest(booked);

        assertThat(outcome).isInstanceOf(Applied.class);
        LoanRecord loan = loans.loan("L-1");
        assertThat(loan.version()).isEqualTo(1);
        assertThat(loan.terms()).isEqualTo(terms);
        assertThat(loan.position().asOf()).isEqualTo(MAR_20);
        assertThat(loan.status().daysPastDue()).isEqualTo(33);
        // 2 x 1035.00 overdue
        assertThat(loan.status().overdueAmount()).isEqualTo(cny("2070.00"));
        // Overdue: today's scan must still look at it.
        assertThat(loan.nextReviewOn()).isEqualTo(MAR_20);
        assertThat(loans.borrower(terms.borrowerId())).get().extracting(b -> b.lastName()).isEqualTo("Zhang");
        assertThat(((Applied) outcome).change()).isEqualTo(new DelinquencyChange(MAR_20, "CURRENT", "31-60",
                Severity.CURRENT, Severity.MODERATE, 33, "LoanBooked E-1"));
    }

    @Test
    void a_second_delivery_of_the_same_event_id_is_a_duplicate_and_changes_nothing() {
        ingest.ingest(booked);
        ingest.ingest(p1);
        Map<String, LoanRecord> before = loans.loans();
        int saves = loans.saves();

        IngestOutcome again = ingest.ingest(p1);

        assertThat(again).isInstanceOf(Duplicate.class);
        assertThat(((Duplicate) again).eventId()).isEqualTo("E-2");
        assertThat(loans.loans()).isEqualTo(before);
        assertThat(loans.saves()).isEqualTo(saves);
        assertThat(loans.findEvents("L-1")).extracting(StoredEvent::eventId).containsExactly("E-1", "E-2");
        assertThat(ingest.ingest(booked)).isInstanceOf(Duplicate.class);
        assertThat(loans.loans()).isEqualTo(before);
    }

    @Test
    void the_same_payment_id_under_a_new_event_id_is_a_duplicate() {
        ingest.ingest(booked);
        ingest.ingest(p1);
        Map<String, LoanRecord> before = loans.loans();

        IngestOutcome again = ingest.ingest(
                EventJson.paymentReceived("E-3", shanghai(MAR_20, 11), "L-1", "P-1", "1035.00", MAR_20));

        assertThat(again).isInstanceOf(Duplicate.class);
        assertThat(((Duplicate) again).why()).contains("P-1");
        assertThat(loans.loans()).isEqualTo(before);
        assertThat(loans.findEvents("L-1")).hasSize(2);
    }

    @Test
    void an_event_for_an_unknown_loan_is_rejected_naming_loan_id() {
        IngestOutcome outcome = ingest.ingest(p1);

        assertThat(outcome).isInstanceOf(Rejected.class);
        assertThat(((Rejected) outcome).rejection().field()).isEqualTo("loanId");
        assertThat(((Rejected) outcome).rejection().eventId()).isEqualTo("E-2");
        assertThat(loans.loans()).isEmpty();
        assertThat(loans.findEvents("L-1")).isEmpty();
    }

    @Test
    void a_reversal_of_an_unknown_payment_is_rejected_naming_payload_payment_id() {
        ingest.ingest(booked);
        Map<String, LoanRecord> before = loans.loans();

        IngestOutcome outcome = ingest.ingest(EventJson.paymentReversed("E-3", shanghai(MAR_20, 9), "L-1", "P-404"));

        assertThat(outcome).isInstanceOf(Rejected.class);
        assertThat(((Rejected) outcome).rejection().field()).isEqualTo("payload.paymentId");
        assertThat(((Rejected) outcome).rejection().reason()).contains("P-404");
        assertThat(loans.loans()).isEqualTo(before);
    }

    @Test
    void booking_the_same_loan_again_under_another_event_id_is_rejected_and_keeps_the_first_terms() {
        ingest.ingest(booked);
        LoanTerms other = terms("L-1", JAN_15, installment(1, LocalDate.of(2026, 6, 15), "9000.00", "0.00", "0.00"));

        IngestOutcome outcome = ingest.ingest(EventJson.loanBooked("E-9", shanghai(JAN_15, 11), other));

        assertThat(outcome).isInstanceOf(Rejected.class);
        assertThat(((Rejected) outcome).rejection().field()).isEqualTo("loanId");
        assertThat(loans.loan("L-1").terms()).isEqualTo(terms);
        assertThat(loans.loan("L-1").version()).isEqualTo(1);
    }

    @Test
    void an_amount_with_more_decimals_than_the_loan_currency_is_rejected_naming_payload_amount() {
        ingest.ingest(booked);

        IngestOutcome outcome = ingest.ingest(
                EventJson.paymentReceived("E-3", shanghai(MAR_20, 9), "L-1", "P-3", "12.345", MAR_20));

        assertThat(outcome).isInstanceOf(Rejected.class);
        assertThat(((Rejected) outcome).rejection().field()).isEqualTo("payload.amount");
        assertThat(loans.findEvents("L-1")).hasSize(1);
    }

    @Test
    void malformed_json_is_rejected_naming_the_root() {
        IngestOutcome outcome = ingest.ingest("{not json");

        assertThat(outcome).isInstanceOf(Rejected.class);
        assertThat(((Rejected) outcome).rejection().field()).isEqualTo("$");
    }

    @Test
    void a_payment_that_arrives_after_a_later_one_gives_the_same_position_as_in_order() {
        String march1 = EventJson.paymentReceived("E-2", shanghai(MAR_1, 9), "L-1", "P-1", "1035.00", MAR_1);
        String march18 = EventJson.paymentReceived("E-3", shanghai(MAR_18, 9), "L-1", "P-2", "500.00", MAR_18);
        InMemoryLoanRepository lateRepository = new InMemoryLoanRepository(4);
        IngestEventUseCase late = new IngestEventUseCase(lateRepository, settings, CLOCK);

        List.of(booked, march1, march18).forEach(ingest::ingest);
        List.of(booked, march18, march1).forEach(late::ingest);

        LoanRecord inOrder = loans.loan("L-1");
        assertThat(lateRepository.loan("L-1")).isEqualTo(inOrder);
        // 1 March pays installment 1 (1035.00); 18 March pays 500.00 of installment 2: 1035.00 - 500.00 = 535.00
        // is 5 days late on 20 March, and the episode that started on 16 March is still open.
        assertThat(inOrder.status().daysPastDue()).isEqualTo(5);
        assertThat(inOrder.status().overdueByBucket().get("4-30")).isEqualTo(cny("535.00"));
        assertThat(inOrder.position().dateOfFirstDelinquency()).isEqualTo(MAR_16);
    }

    @Test
    void a_payment_then_its_reversal_restores_the_buckets_and_each_change_names_its_cause() {
        ingest.ingest(booked);
        DelinquencyStatus beforePayment = loans.loan("L-1").status();

        ingest.ingest(p1);
        DelinquencyStatus afterPayment = loans.loan("L-1").status();
        ingest.ingest(EventJson.paymentReversed("E-3", shanghai(MAR_20, 15), "L-1", "P-1"));

        // 1035.00 paid installment 1; only installment 2 (5 days, 4-30) was left.
        assertThat(afterPayment.overdueByBucket().get("31-60")).isEqualTo(cny("0.00"));
        assertThat(afterPayment.overdueByBucket().get("4-30")).isEqualTo(cny("1035.00"));
        assertThat(loans.loan("L-1").status()).isEqualTo(beforePayment);
        assertThat(loans.changes("L-1")).containsExactly(
                new DelinquencyChange(MAR_20, "CURRENT", "31-60", Severity.CURRENT, Severity.MODERATE, 33,
                        "LoanBooked E-1"),
                new DelinquencyChange(MAR_20, "31-60", "4-30", Severity.MODERATE, Severity.MILD, 5,
                        "PaymentReceived E-2"),
                new DelinquencyChange(MAR_20, "4-30", "31-60", Severity.MILD, Severity.MODERATE, 33,
                        "PaymentReversed E-3"));
    }

    @Test
    void a_second_reversal_of_the_same_payment_is_a_duplicate() {
        ingest.ingest(booked);
        ingest.ingest(p1);
        ingest.ingest(EventJson.paymentReversed("E-3", shanghai(MAR_20, 15), "L-1", "P-1"));

        IngestOutcome again = ingest.ingest(EventJson.paymentReversed("E-4", shanghai(MAR_20, 16), "L-1", "P-1"));

        assertThat(again).isInstanceOf(Duplicate.class);
        assertThat(loans.findEvents("L-1")).hasSize(3);
    }

    @Test
    void an_event_that_moves_no_money_is_stored_without_a_change_record() {
        ingest.ingest(booked);

        IngestOutcome outcome = ingest.ingest(EventJson.disputeOpened("E-5", shanghai(MAR_20, 9), "L-1", "D-1"));

        assertThat(outcome).isInstanceOf(Applied.class);
        assertThat(((Applied) outcome).change()).isNull();
        assertThat(loans.loan("L-1").version()).isEqualTo(2);
        assertThat(loans.changes("L-1")).hasSize(1);
    }

    @Test
    void a_stale_loan_on_the_first_save_is_read_again_and_the_retry_keeps_both_writers_work() {
        ingest.ingest(booked);
        IngestEventUseCase otherWriter = new IngestEventUseCase(loans, settings, CLOCK);
        // Between this writer's read and its save, another instance applies P-9.
        InterleavingRepository interleaving = new InterleavingRepository(loans, () -> otherWriter.ingest(
                EventJson.paymentReceived("E-9", shanghai(MAR_20, 8), "L-1", "P-9", "100.00", MAR_20)));
        IngestEventUseCase contended = new IngestEventUseCase(interleaving, settings, CLOCK);

        IngestOutcome outcome = contended.ingest(p1);

        assertThat(outcome).isInstanceOf(Applied.class);
        assertThat(interleaving.saveAttempts).isEqualTo(2);
        LoanRecord loan = loans.loan("L-1");
        // booked (v1), P-9 by the other writer (v2), P-1 on retry (v3); 1035.00 + 100.00 = 1135.00 paid.
        assertThat(loan.version()).isEqualTo(3);
        assertThat(loans.findEvents("L-1")).extracting(StoredEvent::eventId).containsExactly("E-1", "E-9", "E-2");
        assertThat(totalPaid(loan.position())).isEqualTo(cny("1135.00"));
    }

    @Test
    void a_loan_that_stays_stale_is_given_up_after_five_attempts_so_the_message_is_retried() {
        ingest.ingest(booked);
        Map<String, LoanRecord> before = loans.loans();
        InterleavingRepository alwaysStale = new InterleavingRepository(loans, null);

        assertThatThrownBy(() -> new IngestEventUseCase(alwaysStale, settings, CLOCK).ingest(p1))
                .isInstanceOf(StaleLoanException.class);
        assertThat(alwaysStale.saveAttempts).isEqualTo(5);
        assertThat(loans.loans()).isEqualTo(before);
    }

    private static Money totalPaid(LoanPosition p) {
        return p.installments().stream().map(InstallmentPosition::paid).map(a -> a.total())
                .reduce(Money.zero(p.terms().currency()), Money::plus);
    }

    /**
     * Runs another writer just before the first save goes through, so that save meets a newer version; with no
     * other writer, every save is refused as stale.
     */
    private static final class InterleavingRepository extends ForwardingLoanRepository {
        private final Runnable otherWriter;
        int saveAttempts;

        InterleavingRepository(LoanRepository delegate, Runnable otherWriter) {
            super(delegate);
            this.otherWriter = otherWriter;
        }

        @Override
        public void save(LoanChange change) {
            saveAttempts++;
            if (otherWriter == null) {
                throw new StaleLoanException(change.record().loanId(), change.expectedVersion());
            }
            if (saveAttempts == 1) {
                otherWriter.run();
            }
            delegate.save(change);
        }
    }
}

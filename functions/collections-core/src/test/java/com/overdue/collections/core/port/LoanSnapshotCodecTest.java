package com.overdue.collections.core.port;

import com.overdue.collections.core.product.DayCountBasis;
import com.overdue.collections.core.product.Product;
import com.overdue.collections.core.testing.TestProducts;
import static com.overdue.collections.core.testing.LoanFixtures.cny;
import static com.overdue.collections.core.testing.LoanFixtures.installment;
import static com.overdue.collections.core.testing.LoanFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

import com.overdue.collections.core.delinquency.DelinquencyEvaluator;
import com.overdue.collections.core.delinquency.DelinquencyPolicy;
import com.overdue.collections.core.delinquency.DelinquencyStatus;
import com.overdue.collections.core.product.AllocationRule;
import com.overdue.collections.core.ledger.InstallmentPosition;
import com.overdue.collections.core.ledger.LoanClosure;
import com.overdue.collections.core.ledger.LoanLedger;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.loan.ScheduledInstallment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoanSnapshotCodecTest {

    private final LoanLedger ledger = new LoanLedger(TestProducts.withoutPenalty(AllocationRule.DEFAULT));
    private final DelinquencyEvaluator evaluator = new DelinquencyEvaluator(DelinquencyPolicy.DEFAULT);
    private final LoanSnapshotCodec codec = new LoanSnapshotCodec();

    @Test
    void a_late_partly_paid_loan_with_penalty_reads_back_exactly_as_written() {
        LoanTerms terms = terms("L-1", LocalDate.of(2026, 1, 15),
                installment(1, LocalDate.of(2026, 2, 15), "1000.00", "30.00", "5.00"),
                installment(2, LocalDate.of(2026, 3, 15), "1000.00", "30.00", "5.00"));
        LoanPosition late = ledger.applyPayment(
                ledger.advanceTo(ledger.open(terms), LocalDate.of(2026, 3, 20)), cny("600.00"));
        List<InstallmentPosition> withPenalty = new ArrayList<>(late.installments());
        InstallmentPosition first = withPenalty.get(0);
        withPenalty.set(0, new InstallmentPosition(first.seq(), first.dueDate(),
                first.due().with(Component.PENALTY, cny("7.45")), first.paid(), first.waived(),
                first.pausedDays()));
        LoanPosition position = new LoanPosition(terms, late.asOf(), withPenalty, late.unappliedCredit(),
                late.dateOfFirstDelinquency(), late.lastPaymentOn(), null, late.conditions());

        assertRoundTrip(terms, position);
        assertThat(position.dateOfFirstDelinquency()).isNotNull();
    }

    @Test
    void credit_and_a_closure_read_back_and_absent_dates_stay_absent() {
        LoanTerms terms = terms("L-2", LocalDate.of(2026, 1, 15),
                installment(1, LocalDate.of(2026, 2, 15), "1000.00", "0.00", "0.00"));
        LoanPosition prepaid = ledger.applyPayment(ledger.open(terms), cny("1500.00"));
        LoanPosition closed = ledger.close(ledger.advanceTo(prepaid, LocalDate.of(2026, 2, 20)),
                new LoanClosure("PAID_OFF", LocalDate.of(2026, 2, 20)));

        LoanSnapshotCodec.Snapshot back = assertRoundTrip(terms, closed);

        // 1500.00 - 1000.00 = 500.00 of credit left
        assertThat(back.position().unappliedCredit()).isEqualTo(cny("500.00"));
        assertThat(back.position().dateOfFirstDelinquency()).isNull();
    }

    @Test
    void a_currency_without_minor_units_keeps_its_scale() {
        Currency jpy = Currency.getInstance("JPY");
        ScheduledInstallment i = new ScheduledInstallment(1, LocalDate.of(2026, 2, 15),
                new Money(new BigDecimal("100000"), jpy), new Money(new BigDecimal("1500"), jpy),
                new Money(BigDecimal.ZERO, jpy));
        LoanTerms terms = new LoanTerms("L-3", "B-3", "JP-INSTALMENT", jpy, "JP", ZoneId.of("Asia/Tokyo"),
                i.principal(), LocalDate.of(2026, 1, 15), List.of(i));
        // JP-INSTALMENT: 18.25 % ACT/365, no grace, so 100000 x 0.1825 / 365 = 50 JPY a day from 16 February;
        // 16 February to 1 March 2026 is 14 days: 14 x 50 = 700 JPY of penalty, rounded to whole yen.
        LoanLedger yenLedger = new LoanLedger(TestProducts.catalog(new Product("JP-INSTALMENT", "JP", "JPY",
                TestProducts.penalty("0.1825", DayCountBasis.ACT_365, 0, false, "1", "100", false, true, true),
                AllocationRule.DEFAULT, 2)));
        LoanPosition late = yenLedger.advanceTo(yenLedger.open(terms), LocalDate.of(2026, 3, 1));
        assertThat(late.penaltyAccrued()).isEqualTo(new Money(new BigDecimal("700"), jpy));

        String json = codec.write(terms, late, evaluator.evaluate(late));

        assertThat(json).contains("\"overdueAmount\":\"101500\"");
        assertThat(codec.read(json).position()).isEqualTo(late);
    }

    private LoanSnapshotCodec.Snapshot assertRoundTrip(LoanTerms terms, LoanPosition position) {
        DelinquencyStatus status = evaluator.evaluate(position);

        LoanSnapshotCodec.Snapshot back = codec.read(codec.write(terms, position, status));

        assertThat(back.terms()).isEqualTo(terms);
        assertThat(back.position()).isEqualTo(position);
        assertThat(back.status()).isEqualTo(status);
        assertThat(back.status().overdueByBucket().keySet()).containsExactlyElementsOf(
                status.overdueByBucket().keySet());
        return back;
    }
}

package com.overdue.collections.core.delinquency;

import com.overdue.collections.core.testing.TestProducts;
import static com.overdue.collections.core.testing.LoanFixtures.cny;
import static com.overdue.collections.core.testing.LoanFixtures.installment;
import static com.overdue.collections.core.testing.LoanFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import com.overdue.collections.core.delinquency.DelinquencyStatus.InstallmentDelinquency;
import com.overdue.collections.core.product.AllocationRule;
import com.overdue.collections.core.ledger.ComponentAmounts;
import com.overdue.collections.core.ledger.InstallmentPosition;
import com.overdue.collections.core.ledger.LoanLedger;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.LoanTerms;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelinquencyEvaluatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    private final LoanLedger ledger = new LoanLedger(TestProducts.withoutPenalty(AllocationRule.DEFAULT));
    private final DelinquencyEvaluator evaluator = new DelinquencyEvaluator(DelinquencyPolicy.DEFAULT);

    /** Four installments 46, 31, 16 and 1 days late on TODAY, and a fifth not due yet. */
    private final LoanTerms fourLate = terms("L-4", LocalDate.of(2026, 1, 15),
            installment(1, TODAY.minusDays(46), "500.00", "25.00", "10.00"),  // 535.00, due 2026-02-02
            installment(2, TODAY.minusDays(31), "500.00", "20.00", "10.00"),  // 530.00, due 2026-02-17
            installment(3, TODAY.minusDays(16), "500.00", "15.00", "0.00"),   // 515.00, due 2026-03-04
            installment(4, TODAY.minusDays(1), "500.00", "10.00", "0.00"),    // 510.00, due 2026-03-19
            installment(5, TODAY.plusDays(14), "500.00", "5.00", "0.00"));    // 505.00, due 2026-04-03

    private final LoanTerms single = terms("L-1", LocalDate.of(2026, 2, 15),
            installment(1, LocalDate.of(2026, 3, 15), "1000.00", "30.00", "0.00"));

    @Test
    void an_installment_is_not_overdue_on_its_due_date() {
        DelinquencyStatus status = evaluator.evaluate(positionOn(single, LocalDate.of(2026, 3, 15)));

        assertThat(status.daysPastDue()).isZero();
        assertThat(status.severity()).isEqualTo(Severity.CURRENT);
        assertThat(status.bucket()).isEqualTo(DelinquencyPolicy.CURRENT_BUCKET);
        assertThat(status.overdueAmount()).isEqualTo(cny("0.00"));
        assertThat(status.installments()).isEmpty();
        assertThat(status.isOverdue()).isFalse();
    }

    @Test
    void an_installment_is_one_day_past_due_the_day_after_its_due_date() {
        DelinquencyStatus status = evaluator.evaluate(positionOn(single, LocalDate.of(2026, 3, 16)));

        assertThat(status.daysPastDue()).isEqualTo(1);
        assertThat(status.severity()).isEqualTo(Severity.MILD);
        assertThat(status.bucket()).isEqualTo("1-3");
        // 1000.00 principal + 30.00 interest
        assertThat(status.overdueAmount()).isEqualTo(cny("1030.00"));
        assertThat(status.isOverdue()).isTrue();
    }

    @Test
    void installments_46_31_16_and_1_days_late_land_in_31_60_twice_4_30_and_1_3() {
        DelinquencyStatus status = evaluator.evaluate(positionOn(fourLate, TODAY));

        assertThat(status.installments())
                .extracting(InstallmentDelinquency::seq, InstallmentDelinquency::daysPastDue,
                        InstallmentDelinquency::bucket, InstallmentDelinquency::overdue)
                .containsExactly(
                        tuple(1, 46, "31-60", cny("535.00")),
                        tuple(2, 31, "31-60", cny("530.00")),
                        tuple(3, 16, "4-30", cny("515.00")),
                        tuple(4, 1, "1-3", cny("510.00")));
        // 31-60: 535.00 + 530.00 = 1065.00; 4-30: 515.00; 1-3: 510.00; the other buckets hold nothing.
        assertThat(status.overdueByBucket()).containsExactly(
                entry("1-3", cny("510.00")),
                entry("4-30", cny("515.00")),
                entry("31-60", cny("1065.00")),
                entry("61-90", cny("0.00")),
                entry("91-180", cny("0.00")),
                entry("181+", cny("0.00")));
        // 1065.00 + 515.00 + 510.00 = 2090.00; installment 5 (505.00) is not due yet.
        assertThat(status.overdueAmount()).isEqualTo(cny("2090.00"));
        // The loan takes the lateness of its oldest unpaid installment.
        assertThat(status.daysPastDue()).isEqualTo(46);
        assertThat(status.bucket()).isEqualTo("31-60");
        assertThat(status.severity()).isEqualTo(Severity.MODERATE);
    }

    @Test
    void the_overdue_amount_is_principal_interest_and_fees_and_excludes_penalty() {
        LoanPosition position = positionOn(fourLate, TODAY);
        List<InstallmentPosition> installments = new ArrayList<>(position.installments());
        InstallmentPosition first = installments.get(0);
        // 12.34 of penalty is due on installment 1 on top of its 535.00.
        installments.set(0, new InstallmentPosition(first.seq(), first.dueDate(),
                first.due().with(Component.PENALTY, cny("12.34")), first.paid(), first.waived(),
                first.pausedDays()));
        LoanPosition withPenalty = new LoanPosition(position.terms(), position.asOf(), installments,
                position.unappliedCredit(), position.dateOfFirstDelinquency(), position.lastPaymentOn(), position.closure(),
                position.conditions());

        DelinquencyStatus status = evaluator.evaluate(withPenalty);

        assertThat(status.installments().get(0).overdue()).isEqualTo(cny("535.00"));
        assertThat(status.overdueByBucket().get("31-60")).isEqualTo(cny("1065.00"));
        assertThat(status.overdueAmount()).isEqualTo(cny("2090.00"));
    }

    @Test
    void an_installment_with_only_penalty_left_is_not_overdue() {
        LoanPosition position = positionOn(single, LocalDate.of(2026, 3, 20));
        InstallmentPosition i = position.installments().get(0);
        // Principal, interest and fees paid in full; 4.56 of penalty is still open.
        ComponentAmounts due = i.due().with(Component.PENALTY, cny("4.56"));
        ComponentAmounts paid = new ComponentAmounts(cny("0.00"), cny("0.00"), cny("30.00"), cny("1000.00"));
        LoanPosition penaltyOnly = new LoanPosition(position.terms(), position.asOf(),
                List.of(new InstallmentPosition(i.seq(), i.dueDate(), due, paid, i.waived(), 0)), position.unappliedCredit(),
                null, null, null, position.conditions());

        DelinquencyStatus status = evaluator.evaluate(penaltyOnly);

        assertThat(status.daysPastDue()).isZero();
        assertThat(status.severity()).isEqualTo(Severity.CURRENT);
        assertThat(status.overdueAmount()).isEqualTo(cny("0.00"));
    }

    @Test
    void a_partially_paid_installment_is_still_overdue_with_its_remaining_amount() {
        LoanPosition paid = ledger.applyPayment(positionOn(fourLate, TODAY), cny("300.00"));

        DelinquencyStatus status = evaluator.evaluate(paid);

        // Installment 1: 535.00 - 300.00 = 235.00 left (fees 10.00, interest 25.00, principal 265.00 paid).
        assertThat(status.installments().get(0))
                .isEqualTo(new InstallmentDelinquency(1, TODAY.minusDays(46), 46, "31-60", cny("235.00")));
        // 31-60: 235.00 + 530.00 = 765.00
        assertThat(status.overdueByBucket().get("31-60")).isEqualTo(cny("765.00"));
        // 2090.00 - 300.00 = 1790.00
        assertThat(status.overdueAmount()).isEqualTo(cny("1790.00"));
        assertThat(status.daysPastDue()).isEqualTo(46);
    }

    @Test
    void paying_the_oldest_installment_in_full_moves_the_loan_to_the_next_oldest() {
        LoanPosition paid = ledger.applyPayment(positionOn(fourLate, TODAY), cny("535.00"));

        DelinquencyStatus status = evaluator.evaluate(paid);

        assertThat(status.installments()).extracting(InstallmentDelinquency::seq).containsExactly(2, 3, 4);
        assertThat(status.daysPastDue()).isEqualTo(31);
        assertThat(status.severity()).isEqualTo(Severity.MODERATE);
        assertThat(status.overdueByBucket().get("31-60")).isEqualTo(cny("530.00"));
        // 2090.00 - 535.00 = 1555.00
        assertThat(status.overdueAmount()).isEqualTo(cny("1555.00"));
    }

    @Test
    void a_custom_policy_puts_the_same_installments_in_its_own_buckets() {
        DelinquencyEvaluator custom = new DelinquencyEvaluator(
                new DelinquencyPolicy(DelinquencyPolicy.parseBuckets("1-15,16-45,46+"), 15, 45));

        DelinquencyStatus status = custom.evaluate(positionOn(fourLate, TODAY));

        // 46+: 535.00; 16-45: 530.00 + 515.00 = 1045.00; 1-15: 510.00
        assertThat(status.overdueByBucket()).containsExactly(
                entry("1-15", cny("510.00")), entry("16-45", cny("1045.00")), entry("46+", cny("535.00")));
        assertThat(status.severity()).isEqualTo(Severity.SEVERE);
    }

    private LoanPosition positionOn(LoanTerms terms, LocalDate date) {
        return ledger.advanceTo(ledger.open(terms), date);
    }
}

package com.overdue.collections.core.ledger;

import com.overdue.collections.core.product.AllocationRule;
import com.overdue.collections.core.testing.TestProducts;
import static com.overdue.collections.core.testing.LoanFixtures.cny;
import static com.overdue.collections.core.testing.LoanFixtures.installment;
import static com.overdue.collections.core.testing.LoanFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.LoanTerms;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoanLedgerTest {

    private static final LocalDate FEB_15 = LocalDate.of(2026, 2, 15);
    private static final LocalDate MAR_15 = LocalDate.of(2026, 3, 15);
    private static final LocalDate MAR_20 = LocalDate.of(2026, 3, 20);
    private static final LocalDate APR_15 = LocalDate.of(2026, 4, 15);

    /** Three installments of 1000.00 principal + 30.00 interest + 5.00 fees = 1035.00 each. */
    private final LoanTerms terms = terms("L-1", LocalDate.of(2026, 1, 15),
            installment(1, FEB_15, "1000.00", "30.00", "5.00"),
            installment(2, MAR_15, "1000.00", "30.00", "5.00"),
            installment(3, APR_15, "1000.00", "30.00", "5.00"));

    private final LoanLedger ledger = new LoanLedger(TestProducts.withoutPenalty(AllocationRule.DEFAULT));

    @Test
    void a_new_loan_has_everything_scheduled_and_nothing_paid() {
        LoanPosition open = ledger.open(terms);

        assertThat(open.asOf()).isEqualTo(terms.disbursedOn());
        assertThat(open.installments()).hasSize(3).allSatisfy(i -> {
            assertThat(i.due()).isEqualTo(amounts("0.00", "5.00", "30.00", "1000.00"));
            assertThat(i.paid()).isEqualTo(ComponentAmounts.zero(terms.currency()));
        });
        assertThat(open.unappliedCredit()).isEqualTo(cny("0.00"));
        assertThat(open.dateOfFirstDelinquency()).isNull();
        assertThat(open.outstanding(Component.PRINCIPAL)).isEqualTo(cny("3000.00"));
    }

    // ---- allocation

    @Test
    void the_default_waterfall_pays_penalty_then_fees_then_interest_then_principal() {
        LoanPosition position = withPenalty(positionOn(MAR_20), "7.00", "3.00");

        LoanPosition paid = ledger.applyPayment(position, cny("20.00"));

        // 20.00 = 7.00 penalty + 5.00 fees + 8.00 of the 30.00 interest; no principal.
        assertThat(paid.installments().get(0).paid()).isEqualTo(amounts("7.00", "5.00", "8.00", "0.00"));
        assertThat(paid.installments().get(1).paid()).isEqualTo(ComponentAmounts.zero(terms.currency()));
        assertThat(paid.unappliedCredit()).isEqualTo(cny("0.00"));
    }

    @Test
    void the_default_waterfall_settles_the_oldest_installment_before_touching_the_next() {
        LoanPosition position = withPenalty(positionOn(MAR_20), "7.00", "3.00");

        LoanPosition paid = ledger.applyPayment(position, cny("1100.00"));

        // Installment 1 takes 7.00 + 5.00 + 30.00 + 1000.00 = 1042.00; 1100.00 - 1042.00 = 58.00 is left
        // for installment 2: 3.00 penalty + 5.00 fees + 30.00 interest + 20.00 principal.
        assertThat(paid.installments().get(0).paid()).isEqualTo(amounts("7.00", "5.00", "30.00", "1000.00"));
        assertThat(paid.installments().get(1).paid()).isEqualTo(amounts("3.00", "5.00", "30.00", "20.00"));
        assertThat(paid.installments().get(2).paid()).isEqualTo(ComponentAmounts.zero(terms.currency()));
    }

    @Test
    void per_component_style_pays_each_component_across_all_due_installments_first() {
        LoanLedger perComponent = new LoanLedger(TestProducts.withoutPenalty(new AllocationRule(
                List.of(Component.PENALTY, Component.FEES, Component.INTEREST, Component.PRINCIPAL),
                AllocationRule.Style.PER_COMPONENT)));
        LoanPosition position = withPenalty(positionOn(MAR_20), "7.00", "3.00");

        LoanPosition paid = perComponent.applyPayment(position, cny("100.00"));

        // Penalty 7.00 + 3.00, fees 5.00 + 5.00, interest 30.00 + 30.00 = 80.00; the last 20.00 goes to the
        // principal of the oldest installment. Installment 3 is not due and takes nothing.
        assertThat(paid.installments().get(0).paid()).isEqualTo(amounts("7.00", "5.00", "30.00", "20.00"));
        assertThat(paid.installments().get(1).paid()).isEqualTo(amounts("3.00", "5.00", "30.00", "0.00"));
        assertThat(paid.installments().get(2).paid()).isEqualTo(ComponentAmounts.zero(terms.currency()));
    }

    @Test
    void a_configured_order_replaces_the_default_one() {
        LoanLedger principalFirst = new LoanLedger(TestProducts.withoutPenalty(new AllocationRule(
                List.of(Component.PRINCIPAL, Component.INTEREST, Component.FEES, Component.PENALTY),
                AllocationRule.Style.PER_INSTALLMENT)));
        LoanPosition position = withPenalty(positionOn(MAR_20), "7.00", "3.00");

        LoanPosition paid = principalFirst.applyPayment(position, cny("1010.00"));

        // 1000.00 principal, then 10.00 of the interest; fees and penalty wait.
        assertThat(paid.installments().get(0).paid()).isEqualTo(amounts("0.00", "0.00", "10.00", "1000.00"));
    }

    @Test
    void an_allocation_order_must_name_every_component_once() {
        assertThatThrownBy(() -> new AllocationRule(List.of(Component.PENALTY, Component.FEES, Component.INTEREST),
                AllocationRule.Style.PER_INSTALLMENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("each component once");
        assertThatThrownBy(() -> new AllocationRule(List.of(Component.PENALTY, Component.FEES, Component.FEES,
                Component.PRINCIPAL), AllocationRule.Style.PER_COMPONENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("each component once");
    }

    @Test
    void an_overpayment_becomes_credit_and_pays_the_next_installment_on_its_due_date_not_before() {
        // On 15 March installment 1 is overdue and installment 2 falls due: both take 1035.00.
        LoanPosition paid = ledger.applyPayment(positionOn(MAR_15), cny("2500.00"));
        // 2500.00 - 2 x 1035.00 = 430.00 of credit
        assertThat(paid.unappliedCredit()).isEqualTo(cny("430.00"));
        assertThat(paid.installments().get(2).paid()).isEqualTo(ComponentAmounts.zero(terms.currency()));

        LoanPosition dayBefore = ledger.advanceTo(paid, APR_15.minusDays(1));
        assertThat(dayBefore.unappliedCredit()).isEqualTo(cny("430.00"));
        assertThat(dayBefore.installments().get(2).paid()).isEqualTo(ComponentAmounts.zero(terms.currency()));

        LoanPosition dueDate = ledger.advanceTo(dayBefore, APR_15);
        // 430.00 = 5.00 fees + 30.00 interest + 395.00 principal; 1035.00 - 430.00 = 605.00 still owed.
        assertThat(dueDate.unappliedCredit()).isEqualTo(cny("0.00"));
        assertThat(dueDate.installments().get(2).paid()).isEqualTo(amounts("0.00", "5.00", "30.00", "395.00"));
        assertThat(dueDate.installments().get(2).remaining().scheduledTotal()).isEqualTo(cny("605.00"));
        assertThat(dueDate.isOverdue()).isFalse();

        LoanPosition dayAfter = ledger.advanceTo(dueDate, APR_15.plusDays(1));
        assertThat(dayAfter.daysPastDue()).isEqualTo(1);
    }

    @Test
    void a_payment_before_the_first_due_date_waits_as_credit_until_that_date() {
        LoanPosition early = ledger.applyPayment(positionOn(LocalDate.of(2026, 2, 10)), cny("500.00"));
        assertThat(early.unappliedCredit()).isEqualTo(cny("500.00"));
        assertThat(early.lastPaymentOn()).isEqualTo(LocalDate.of(2026, 2, 10));

        assertThat(ledger.advanceTo(early, FEB_15.minusDays(1)).unappliedCredit()).isEqualTo(cny("500.00"));

        LoanPosition due = ledger.advanceTo(early, FEB_15);
        // 500.00 = 5.00 fees + 30.00 interest + 465.00 principal
        assertThat(due.installments().get(0).paid()).isEqualTo(amounts("0.00", "5.00", "30.00", "465.00"));
        assertThat(due.unappliedCredit()).isEqualTo(cny("0.00"));
    }

    @Test
    void credit_larger_than_the_whole_schedule_pays_everything_and_the_rest_stays_credit() {
        LoanPosition paid = ledger.applyPayment(positionOn(FEB_15), cny("4000.00"));

        LoanPosition end = ledger.advanceTo(paid, APR_15);

        // 4000.00 - 3 x 1035.00 = 895.00
        assertThat(end.isFullyPaid()).isTrue();
        assertThat(end.unappliedCredit()).isEqualTo(cny("895.00"));
    }

    // ---- delinquency episode

    @Test
    void the_date_of_first_delinquency_is_the_day_after_the_oldest_unpaid_due_date() {
        assertThat(positionOn(FEB_15).dateOfFirstDelinquency()).isNull();
        assertThat(positionOn(FEB_15.plusDays(1)).dateOfFirstDelinquency()).isEqualTo(FEB_15.plusDays(1));
        assertThat(positionOn(MAR_20).dateOfFirstDelinquency()).isEqualTo(FEB_15.plusDays(1));
    }

    @Test
    void paying_everything_overdue_cures_the_loan() {
        LoanPosition late = positionOn(MAR_20);
        // 20 March 2026 - 15 February 2026 = 13 + 20 = 33 days
        assertThat(late.daysPastDue()).isEqualTo(33);

        // Installments 1 and 2: 2 x 1035.00 = 2070.00
        LoanPosition cured = ledger.applyPayment(late, cny("2070.00"));

        assertThat(cured.daysPastDue()).isZero();
        assertThat(cured.isOverdue()).isFalse();
        assertThat(cured.dateOfFirstDelinquency()).isNull();
        assertThat(cured.installments().get(2).paid()).isEqualTo(ComponentAmounts.zero(terms.currency()));
    }

    @Test
    void the_date_of_first_delinquency_stays_fixed_while_another_installment_stays_overdue() {
        LoanPosition late = positionOn(MAR_20);

        // 1035.00 pays installment 1 in full; installment 2 (due 15 March) stays overdue.
        LoanPosition partly = ledger.applyPayment(late, cny("1035.00"));

        assertThat(partly.installments().get(0).isUnpaid()).isFalse();
        assertThat(partly.dateOfFirstDelinquency()).isEqualTo(FEB_15.plusDays(1));
        // DPD now follows installment 2: 20 March - 15 March = 5
        assertThat(partly.daysPastDue()).isEqualTo(5);
        assertThat(ledger.advanceTo(partly, MAR_20.plusDays(5)).dateOfFirstDelinquency())
                .isEqualTo(FEB_15.plusDays(1));
    }

    @Test
    void a_new_episode_after_a_cure_gets_a_new_date_of_first_delinquency() {
        LoanPosition cured = ledger.applyPayment(positionOn(MAR_20), cny("2070.00"));

        LoanPosition lateAgain = ledger.advanceTo(cured, APR_15.plusDays(1));

        assertThat(lateAgain.dateOfFirstDelinquency()).isEqualTo(APR_15.plusDays(1));
        assertThat(lateAgain.daysPastDue()).isEqualTo(1);
    }

    @Test
    void advancing_to_an_earlier_date_or_the_same_date_changes_nothing() {
        LoanPosition position = ledger.applyPayment(positionOn(MAR_20), cny("600.00"));

        assertThat(ledger.advanceTo(position, LocalDate.of(2026, 3, 1))).isEqualTo(position);
        assertThat(ledger.advanceTo(position, MAR_20)).isEqualTo(position);
        assertThat(ledger.advanceTo(position, terms.disbursedOn().minusDays(30)).asOf()).isEqualTo(MAR_20);
    }

    @Test
    void advancing_in_one_jump_equals_advancing_day_by_day() {
        LoanPosition start = ledger.applyPayment(positionOn(LocalDate.of(2026, 2, 1)), cny("1500.00"));

        LoanPosition dayByDay = start;
        for (LocalDate d = start.asOf().plusDays(1); !d.isAfter(APR_15.plusDays(3)); d = d.plusDays(1)) {
            dayByDay = ledger.advanceTo(dayByDay, d);
        }

        assertThat(ledger.advanceTo(start, APR_15.plusDays(3))).isEqualTo(dayByDay);
    }

    @Test
    void closing_a_loan_records_the_closure_and_keeps_the_amounts() {
        LoanPosition late = positionOn(MAR_20);

        LoanPosition closed = ledger.close(late, new LoanClosure("WRITTEN_OFF", MAR_20));

        assertThat(closed.isClosed()).isTrue();
        assertThat(closed.closure()).isEqualTo(new LoanClosure("WRITTEN_OFF", MAR_20));
        assertThat(closed.installments()).isEqualTo(late.installments());
    }

    // ---- helpers

    private LoanPosition positionOn(LocalDate date) {
        return ledger.advanceTo(ledger.open(terms), date);
    }

    /** The same position with penalty due on installments 1 and 2 (the ledger does not accrue penalty itself). */
    private static LoanPosition withPenalty(LoanPosition p, String first, String second) {
        List<InstallmentPosition> installments = new ArrayList<>(p.installments());
        installments.set(0, penaltyDue(installments.get(0), first));
        installments.set(1, penaltyDue(installments.get(1), second));
        return new LoanPosition(p.terms(), p.asOf(), installments, p.unappliedCredit(), p.dateOfFirstDelinquency(),
                p.lastPaymentOn(), p.closure(), p.conditions());
    }

    private static InstallmentPosition penaltyDue(InstallmentPosition i, String penalty) {
        return new InstallmentPosition(i.seq(), i.dueDate(), i.due().with(Component.PENALTY, cny(penalty)), i.paid(),
                i.waived(), i.pausedDays());
    }

    private static ComponentAmounts amounts(String penalty, String fees, String interest, String principal) {
        return new ComponentAmounts(cny(penalty), cny(fees), cny(interest), cny(principal));
    }
}

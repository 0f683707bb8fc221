package com.overdue.collections.core.ledger;

import com.overdue.collections.core.product.AllocationRule;
import static com.overdue.collections.core.testing.LoanFixtures.cny;
import static com.overdue.collections.core.testing.LoanFixtures.installment;
import static com.overdue.collections.core.testing.LoanFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.loan.ScheduledInstallment;
import com.overdue.collections.core.product.DayCountBasis;
import com.overdue.collections.core.product.PenaltyTerms;
import com.overdue.collections.core.product.ProductCatalog;
import com.overdue.collections.core.testing.TestProducts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RULES §3 worked examples, one installment at a time: {@code round(base × rate × days / basis, scale, HALF_EVEN)}
 * per installment-day from DPD = grace + 1, the rate capped per day, the total capped per installment.
 */
class PenaltyAccrualRulesTest {

    private static final LocalDate JAN_15 = LocalDate.of(2026, 1, 15);
    /** Due 15 Feb 2026: DPD 1 on 16 Feb, DPD 4 on 19 Feb (February 2026 has 28 days). */
    private static final LocalDate FEB_15 = LocalDate.of(2026, 2, 15);
    private static final LocalDate FEB_16 = LocalDate.of(2026, 2, 16);
    private static final LocalDate FEB_18 = LocalDate.of(2026, 2, 18);
    private static final LocalDate FEB_19 = LocalDate.of(2026, 2, 19);
    private static final LocalDate FEB_20 = LocalDate.of(2026, 2, 20);
    private static final LocalDate FEB_25 = LocalDate.of(2026, 2, 25);

    /** 1,000.00 principal + 30.00 interest + 5.00 fees, due 15 February 2026. */
    private final LoanTerms oneInstallment = terms("L-P", JAN_15, installment(1, FEB_15, "1000.00", "30.00", "5.00"));

    private static PenaltyTerms terms18(int grace, boolean backdate, String maxPercent, boolean onInterest) {
        // 18.25 % a year, ACT/365, fixed cap 100 % (not binding)
        return TestProducts.penalty("0.1825", DayCountBasis.ACT_365, grace, backdate, "1", maxPercent, onInterest,
                true, true);
    }

    private static LoanLedger ledger(PenaltyTerms penalty) {
        return new LoanLedger(TestProducts.catalog(penalty, AllocationRule.DEFAULT));
    }

    private static List<PenaltyAccrual> accrualsTo(LoanLedger ledger, LoanTerms terms, LocalDate to) {
        List<PenaltyAccrual> journal = new ArrayList<>();
        ledger.advanceTo(ledger.open(terms), to, journal::add);
        return journal;
    }

    private static Money total(List<PenaltyAccrual> journal, Currency currency) {
        return journal.stream().map(PenaltyAccrual::amount).reduce(Money.zero(currency), Money::plus);
    }

    @Test
    void act365_1000_at_18_25_percent_is_0_50_a_day_and_grace_3_puts_the_first_accrual_on_dpd_4() {
        LoanLedger ledger = ledger(terms18(3, false, "50", false));

        // 1,000.00 x 0.1825 / 365 = 182.50 / 365 = 0.50 a day. DPD 1..3 (16..18 Feb) are grace: nothing.
        assertThat(accrualsTo(ledger, oneInstallment, FEB_18)).isEmpty();
        List<PenaltyAccrual> journal = accrualsTo(ledger, oneInstallment, FEB_25);

        // DPD 4 (19 Feb) .. DPD 10 (25 Feb): 7 days x 0.50 = 3.50
        assertThat(journal).hasSize(7);
        assertThat(journal.get(0)).isEqualTo(new PenaltyAccrual(FEB_19, 1, 4, cny("1000.00"),
                new BigDecimal("0.1825"), 1, 365, cny("0.50"), false));
        assertThat(journal).extracting(PenaltyAccrual::amount).containsOnly(cny("0.50"));
        assertThat(journal).extracting(PenaltyAccrual::daysPastDue).containsExactly(4, 5, 6, 7, 8, 9, 10);
        LoanPosition position = ledger.advanceTo(ledger.open(oneInstallment), FEB_25);
        assertThat(position.penaltyAccrued()).isEqualTo(cny("3.50"));
        assertThat(position.outstanding(Component.PENALTY)).isEqualTo(cny("3.50"));
    }

    @Test
    void penalty_does_not_count_towards_the_installment_being_unpaid_nor_change_dpd() {
        LoanPosition position = ledger(terms18(3, false, "50", false)).advanceTo(
                ledger(terms18(3, false, "50", false)).open(oneInstallment), FEB_25);

        // 25 Feb - 15 Feb = 10 days; the overdue scheduled amount is still 1,035.00, penalty 3.50 on top.
        assertThat(position.daysPastDue()).isEqualTo(10);
        assertThat(position.installments().get(0).remaining().scheduledTotal()).isEqualTo(cny("1035.00"));
        assertThat(position.amountDueNow()).isEqualTo(cny("1038.50"));
    }

    @Test
    void act360_from_the_configured_us_product_10_percent_on_1000_is_0_28_a_day_after_10_days_grace() {
        Currency usd = Currency.getInstance("USD");
        ScheduledInstallment i = new ScheduledInstallment(1, FEB_15, Money.of("1000.00", "USD"),
                Money.of("20.00", "USD"), Money.of("0.00", "USD"));
        LoanTerms terms = new LoanTerms("L-US", "B-US", "US-CONSUMER-INSTALMENT", usd, "US",
                ZoneId.of("America/New_York"), i.principal(), JAN_15, List.of(i));
        LoanLedger ledger = new LoanLedger(TestProducts.configured());

        // US-CONSUMER-INSTALMENT: 10 % ACT/360 (cap 18 % not binding), grace 10.
        // 1,000.00 x 0.10 / 360 = 0.2777... -> 0.28 a day, from DPD 11 = 26 Feb.
        // 26 Feb .. 2 Mar = 5 days x 0.28 = 1.40 (rounded per day: not 5 x 0.2777 = 1.39).
        List<PenaltyAccrual> journal = accrualsTo(ledger, terms, LocalDate.of(2026, 3, 2));

        assertThat(journal).hasSize(5);
        assertThat(journal.get(0).day()).isEqualTo(LocalDate.of(2026, 2, 26));
        assertThat(journal.get(0).daysPastDue()).isEqualTo(11);
        assertThat(journal.get(0).basis()).isEqualTo(360);
        assertThat(journal).extracting(PenaltyAccrual::amount).containsOnly(Money.of("0.28", "USD"));
        assertThat(total(journal, usd)).isEqualTo(Money.of("1.40", "USD"));
    }

    @Test
    void act360_and_act365_differ_on_the_same_rate() {
        PenaltyTerms act360 = TestProducts.penalty("0.1825", DayCountBasis.ACT_360, 0, false, "1", "50", false,
                true, true);

        // 182.50 / 360 = 0.50694... -> 0.51 (ACT/365 gives 0.50)
        assertThat(accrualsTo(ledger(act360), oneInstallment, FEB_16)).extracting(PenaltyAccrual::amount)
                .containsExactly(cny("0.51"));
        assertThat(accrualsTo(ledger(terms18(0, false, "50", false)), oneInstallment, FEB_16))
                .extracting(PenaltyAccrual::amount).containsExactly(cny("0.50"));
    }

    @Test
    void half_even_rounds_0_525_down_to_0_52_and_0_535_up_to_0_54() {
        // 1,000.00 x 0.189 / 360 = 189 / 360 = 0.525 exactly: HALF_EVEN keeps the even 2 -> 0.52 (HALF_UP: 0.53).
        PenaltyTerms down = TestProducts.penalty("0.189", DayCountBasis.ACT_360, 0, false, "1", "50", false, true,
                true);
        // 1,000.00 x 0.1926 / 360 = 192.6 / 360 = 0.535 exactly: 3 is odd -> 0.54.
        PenaltyTerms up = TestProducts.penalty("0.1926", DayCountBasis.ACT_360, 0, false, "1", "50", false, true,
                true);

        assertThat(accrualsTo(ledger(down), oneInstallment, FEB_16)).extracting(PenaltyAccrual::amount)
                .containsExactly(cny("0.52"));
        assertThat(accrualsTo(ledger(up), oneInstallment, FEB_16)).extracting(PenaltyAccrual::amount)
                .containsExactly(cny("0.54"));
    }

    @Test
    void backdating_after_grace_posts_the_grace_days_with_the_first_accrual() {
        LoanLedger backdating = ledger(terms18(3, true, "50", false));

        // On DPD 4 the accrual covers 4 days: 1,000.00 x 0.1825 x 4 / 365 = 2.00; then 0.50 a day.
        List<PenaltyAccrual> journal = accrualsTo(backdating, oneInstallment, FEB_20);

        assertThat(journal).extracting(PenaltyAccrual::day).containsExactly(FEB_19, FEB_20);
        assertThat(journal).extracting(PenaltyAccrual::days).containsExactly(4, 1);
        assertThat(journal).extracting(PenaltyAccrual::amount).containsExactly(cny("2.00"), cny("0.50"));
        // Without back-dating (the default) the same two days give 0.50 + 0.50 = 1.00.
        assertThat(total(accrualsTo(ledger(terms18(3, false, "50", false)), oneInstallment, FEB_20),
                oneInstallment.currency())).isEqualTo(cny("1.00"));
    }

    @Test
    void the_cn_rate_cap_is_4_times_the_lpr_in_force_and_switches_on_the_lpr_effective_date() {
        // Configured CONSUMER-INSTALMENT: 18.25 % contractual, capped at 4 x CN-LPR-1Y:
        // 4 x 3.10 % = 12.40 % until 19 May 2025, 4 x 3.00 % = 12.00 % from 20 May 2025.
        ProductCatalog configured = TestProducts.configured();
        PenaltyTerms cn = configured.product("CONSUMER-INSTALMENT").penalty();
        assertThat(cn.effectiveAnnualRate(LocalDate.of(2025, 5, 19))).isEqualByComparingTo("0.124");
        assertThat(cn.effectiveAnnualRate(LocalDate.of(2025, 5, 20))).isEqualByComparingTo("0.12");

        // Due 10 May 2025, grace 3: first accrual 14 May (DPD 4).
        // 1,000.00 x 0.124 / 365 = 0.33972... -> 0.34 for 14..19 May (6 days = 2.04);
        // 1,000.00 x 0.120 / 365 = 0.32876... -> 0.33 for 20..22 May (3 days = 0.99); total 3.03.
        LoanTerms terms = terms("L-LPR", LocalDate.of(2025, 4, 10),
                installment(1, LocalDate.of(2025, 5, 10), "1000.00", "30.00", "5.00"));
        List<PenaltyAccrual> journal = accrualsTo(new LoanLedger(configured), terms, LocalDate.of(2025, 5, 22));

        assertThat(journal).hasSize(9);
        assertThat(journal.get(0).day()).isEqualTo(LocalDate.of(2025, 5, 14));
        assertThat(journal.subList(0, 6)).extracting(PenaltyAccrual::amount).containsOnly(cny("0.34"));
        assertThat(journal.get(5).annualRate()).isEqualByComparingTo("0.124");
        assertThat(journal.get(6).day()).isEqualTo(LocalDate.of(2025, 5, 20));
        assertThat(journal.get(6).annualRate()).isEqualByComparingTo("0.12");
        assertThat(journal.subList(6, 9)).extracting(PenaltyAccrual::amount).containsOnly(cny("0.33"));
        assertThat(total(journal, terms.currency())).isEqualTo(cny("3.03"));
    }

    @Test
    void a_contractual_rate_below_the_cap_is_applied_as_is() {
        PenaltyTerms.RateCap cap = new PenaltyTerms.FixedCap(new BigDecimal("0.24"));
        PenaltyTerms low = new PenaltyTerms(new BigDecimal("0.1825"), DayCountBasis.ACT_365, 3, false, cap,
                new BigDecimal("50"), false, true, true);
        PenaltyTerms high = new PenaltyTerms(new BigDecimal("0.36"), DayCountBasis.ACT_365, 3, false, cap,
                new BigDecimal("50"), false, true, true);

        assertThat(low.effectiveAnnualRate(FEB_19)).isEqualByComparingTo("0.1825");
        assertThat(high.effectiveAnnualRate(FEB_19)).isEqualByComparingTo("0.24");
    }

    @Test
    void total_penalty_on_an_installment_stops_at_the_percentage_of_its_principal() {
        // Cap 1.025 % of 1,000.00 = 10.25. 0.50 a day from 19 Feb: 19 Feb .. 10 Mar = 20 days = 10.00;
        // 11 Mar has room for 0.25 only (marked capped); nothing after.
        LoanLedger capped = ledger(terms18(3, false, "1.025", false));

        List<PenaltyAccrual> journal = accrualsTo(capped, oneInstallment, LocalDate.of(2026, 3, 20));

        assertThat(journal).hasSize(21);
        assertThat(journal.subList(0, 20)).allSatisfy(a -> {
            assertThat(a.amount()).isEqualTo(cny("0.50"));
            assertThat(a.capped()).isFalse();
        });
        assertThat(journal.get(20)).extracting(PenaltyAccrual::day, PenaltyAccrual::amount, PenaltyAccrual::capped)
                .containsExactly(LocalDate.of(2026, 3, 11), cny("0.25"), true);
        assertThat(capped.advanceTo(capped.open(oneInstallment), LocalDate.of(2026, 3, 20)).penaltyAccrued())
                .isEqualTo(cny("10.25"));
    }

    @Test
    void the_total_cap_counts_penalty_already_paid() {
        // Cap 10.25 as above. 19 Feb .. 1 Mar = 11 days = 5.50, paid on 1 Mar (penalty first: all of it).
        // The cap is on penalty accrued, paid or not: 2..10 Mar = 9 days = 4.50 (10.00), 11 Mar 0.25 (10.25).
        LoanLedger capped = ledger(terms18(3, false, "1.025", false));
        LoanPosition mar1 = capped.advanceTo(capped.open(oneInstallment), LocalDate.of(2026, 3, 1));
        LoanPosition paid = capped.applyPayment(mar1, cny("5.50"));

        LoanPosition later = capped.advanceTo(paid, LocalDate.of(2026, 3, 31));

        assertThat(paid.outstanding(Component.PENALTY)).isEqualTo(cny("0.00"));
        assertThat(later.penaltyAccrued()).isEqualTo(cny("10.25"));
        assertThat(later.outstanding(Component.PENALTY)).isEqualTo(cny("4.75"));
    }

    @Test
    void paying_the_installment_in_full_stops_accrual() {
        // 19..28 Feb = 10 days = 5.00; 1,040.00 on 28 Feb pays 5.00 + 5.00 + 30.00 + 1,000.00.
        LoanLedger ledger = ledger(terms18(3, false, "50", false));
        LoanPosition feb28 = ledger.advanceTo(ledger.open(oneInstallment), LocalDate.of(2026, 2, 28));
        LoanPosition paid = ledger.applyPayment(feb28, cny("1040.00"));

        LoanPosition later = ledger.advanceTo(paid, LocalDate.of(2026, 3, 31));

        assertThat(later.penaltyAccrued()).isEqualTo(cny("5.00"));
        assertThat(later.isFullyPaid()).isTrue();
    }

    @Test
    void penalty_on_overdue_interest_adds_the_interest_to_the_base_when_configured() {
        // Off (default): 1,000.00 x 0.1825 / 365 = 0.50.
        // On: (1,000.00 + 30.00) x 0.1825 / 365 = 187.975 / 365 = 0.515 exactly -> HALF_EVEN 0.52 (1 is odd).
        List<PenaltyAccrual> off = accrualsTo(ledger(terms18(0, false, "50", false)), oneInstallment, FEB_16);
        List<PenaltyAccrual> on = accrualsTo(ledger(terms18(0, false, "50", true)), oneInstallment, FEB_16);

        assertThat(off).extracting(PenaltyAccrual::base, PenaltyAccrual::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(cny("1000.00"), cny("0.50")));
        assertThat(on).extracting(PenaltyAccrual::base, PenaltyAccrual::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(cny("1030.00"), cny("0.52")));
    }

    @Test
    void a_partial_payment_lowers_the_base_from_the_next_day() {
        LoanLedger ledger = ledger(terms18(3, false, "50", false));
        // 19 and 20 Feb accrue 0.50 each on 1,000.00. On 20 Feb 535.00 pays 1.00 penalty, 5.00 fees, 30.00
        // interest and 499.00 principal: 501.00 left, 501.00 x 0.1825 / 365 = 0.2505 -> 0.25 from 21 Feb.
        LoanPosition feb20 = ledger.applyPayment(ledger.advanceTo(ledger.open(oneInstallment), FEB_20),
                cny("535.00"));
        List<PenaltyAccrual> journal = new ArrayList<>();

        LoanPosition feb22 = ledger.advanceTo(feb20, LocalDate.of(2026, 2, 22), journal::add);

        assertThat(feb20.installments().get(0).remaining(Component.PRINCIPAL)).isEqualTo(cny("501.00"));
        assertThat(journal).extracting(PenaltyAccrual::base).containsOnly(cny("501.00"));
        assertThat(journal).extracting(PenaltyAccrual::amount).containsExactly(cny("0.25"), cny("0.25"));
        // 1.00 accrued and paid, 0.50 accrued since: 1.50 accrued, 0.50 outstanding
        assertThat(feb22.penaltyAccrued()).isEqualTo(cny("1.50"));
        assertThat(feb22.outstanding(Component.PENALTY)).isEqualTo(cny("0.50"));
    }

    @Test
    void each_overdue_installment_accrues_on_its_own_principal_and_dpd() {
        LoanTerms two = terms("L-2", JAN_15, installment(1, FEB_15, "1000.00", "30.00", "5.00"),
                installment(2, LocalDate.of(2026, 3, 15), "2000.00", "30.00", "5.00"));
        LoanLedger ledger = ledger(terms18(3, false, "50", false));

        // On 19 Mar: installment 1 is DPD 32 (0.50), installment 2 is DPD 4: 2,000.00 x 0.1825 / 365 = 1.00.
        List<PenaltyAccrual> journal = new ArrayList<>();
        LoanPosition mar18 = ledger.advanceTo(ledger.open(two), LocalDate.of(2026, 3, 18));
        ledger.advanceTo(mar18, LocalDate.of(2026, 3, 19), journal::add);

        assertThat(journal).extracting(PenaltyAccrual::seq, PenaltyAccrual::daysPastDue, PenaltyAccrual::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 32, cny("0.50")),
                        org.assertj.core.groups.Tuple.tuple(2, 4, cny("1.00")));
    }

    @Test
    void a_closed_loan_accrues_nothing() {
        LoanLedger ledger = ledger(terms18(3, false, "50", false));
        LoanPosition closed = ledger.close(ledger.advanceTo(ledger.open(oneInstallment), FEB_20),
                new LoanClosure("WRITTEN_OFF", FEB_20));
        List<PenaltyAccrual> journal = new ArrayList<>();

        ledger.advanceTo(closed, FEB_25, journal::add);

        assertThat(journal).isEmpty();
    }
}

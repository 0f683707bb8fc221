package com.overdue.collections.core.bureau;

import com.overdue.collections.core.application.CreditReportExportUseCase;
import com.overdue.collections.core.application.CreditReportSummary;
import com.overdue.collections.core.metro2.ComplianceConditionCode;
import com.overdue.collections.core.port.CollectionsAction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Loans followed month by month through the export, as RULES §7 and the scenarios describe them. */
class CreditReportScenarioTest {

    private static final String US_PRODUCT = "US-CONSUMER-INSTALMENT";
    private static final LocalDate JAN = LocalDate.of(2026, 1, 31);

    @Test
    void fourteen_months_current_then_30_60_90_then_paid_up_and_current_again() {
        BureauScenario s = new BureauScenario("fourteen-months", BureauScenario.defaultSettings());
        s.book("L-US-1", "US", US_PRODUCT, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 15), 15);
        for (int i = 0; i < 15; i++) {
            LocalDate due = LocalDate.of(2026, 1, 15).plusMonths(i);
            if (i >= 2 && i <= 5) {
                continue; // March to June missed
            }
            if (i == 6) {
                // catches up March to June and the penalty interest accrued on them; the rest waits as credit
                s.pay("L-US-1", LocalDate.of(2026, 7, 10), "420.00");
            }
            s.pay("L-US-1", due, "100.00");
        }

        List<LocalDate> cycles = BureauScenario.monthEnds(JAN, 16);
        for (LocalDate cycle : cycles) {
            s.exportCycle(cycle);
        }

        List<BureauRecord> records = s.world.recordsOf("L-US-1");
        assertThat(records).extracting(r -> r.accountStatus().code()).containsExactly(
                "11", "11", "11", "71", "78", "80", "11", "11", "11", "11", "11", "11", "11", "11", "13");
        assertThat(records).extracting(r -> r.paymentHistoryProfile().value()).startsWith(
                "BBBBBBBBBBBBBBBBBBBBBBBB",
                "0BBBBBBBBBBBBBBBBBBBBBBB",
                "00BBBBBBBBBBBBBBBBBBBBBB",
                "000BBBBBBBBBBBBBBBBBBBBB",
                "1000BBBBBBBBBBBBBBBBBBBB",
                "21000BBBBBBBBBBBBBBBBBBB",
                "321000BBBBBBBBBBBBBBBBBB",
                "0321000BBBBBBBBBBBBBBBBB");
        assertThat(records.get(13).paymentHistoryProfile().value()).isEqualTo("0000000321000BBBBBBBBBBB");
        // DOFD: the day after the oldest missed due date, kept through the episode, gone at cure.
        assertThat(records).extracting(BureauRecord::dateFirstDelinquency).containsSubsequence(
                null, LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 16), null);
        // Two installments missed by 30 April, but only March's is 30 days late (46); April's (15 days) is not past
        // due in Metro 2 terms. March's 100.00 plus its penalty interest (10 % a year, ACT/360, after 10 days' grace).
        BureauRecord april = records.get(3);
        assertThat(april.amountPastDue()).isBetween(new BigDecimal("100.01"), new BigDecimal("102.00"));
        // The balance is the 1,300.00 of principal unpaid plus the penalty accrued: April's 100.00 and its few days
        // of penalty are in it but not in the amount past due.
        assertThat(april.currentBalance()).isBetween(new BigDecimal("1200.00").add(april.amountPastDue()),
                new BigDecimal("1303.00"));
        // Paid in full: reported once as 13 with a current rating, then dropped.
        BureauRecord paid = records.get(14);
        assertThat(paid.paymentRating()).hasToString("CURRENT");
        assertThat(paid.dateClosed()).isEqualTo(LocalDate.of(2027, 3, 15));
        assertThat(s.world.find("L-US-1", cycles.get(15))).isEmpty();
        assertThat(s.file(cycles.get(14))).contains("L-US-1");
        // US: the notice goes out in the run that first reports 71, not later.
        assertThat(s.world.published).singleElement().satisfies(n -> {
            assertThat(n.action()).isEqualTo(CreditReportExportUseCase.NOTICE_ACTION);
            assertThat(n.businessDate()).isEqualTo(LocalDate.of(2026, 5, 1));
        });
        assertThat(records.get(3).disposition()).isEqualTo(ReportingDisposition.REPORTED);
        assertThat(records.get(3).noticeSentOn()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(s.file(cycles.get(3))).contains("L-US-1");
    }

    @Test
    void a_cn_account_is_not_reported_negative_before_its_notice_and_is_reported_the_cycle_after() {
        BureauScenario s = new BureauScenario("cn-notice", BureauScenario.withCnProductInMetro2());
        s.book("L-CN-1", "CN", "CN-METRO2", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 15), 6);
        s.pay("L-CN-1", LocalDate.of(2026, 1, 15), "100.00");
        s.pay("L-CN-1", LocalDate.of(2026, 2, 15), "100.00");

        List<LocalDate> cycles = BureauScenario.monthEnds(JAN, 5);
        CreditReportSummary april = null;
        for (LocalDate cycle : cycles) {
            CreditReportSummary summary = s.exportCycle(cycle);
            if (cycle.getMonthValue() == 4) {
                april = summary;
            }
        }

        List<BureauRecord> records = s.world.recordsOf("L-CN-1");
        BureauRecord apr = records.get(3);
        assertThat(apr.accountStatus().code()).isEqualTo("71");
        assertThat(apr.disposition()).isEqualTo(ReportingDisposition.WITHHELD_PENDING_NOTICE);
        assertThat(april.withheldPendingNotice()).isEqualTo(1);
        // The only account was withheld: no file for the bureau this cycle, only the manifest saying why.
        assertThat(april.fileLocation()).isNull();
        Metro2Manifest aprilManifest = s.manifest(cycles.get(3));
        assertThat(aprilManifest.withheldPendingNotice()).extracting(Metro2Manifest.Withheld::loanId)
                .containsExactly("L-CN-1");
        assertThat(aprilManifest.accounts().withheldPendingNotice()).isEqualTo(1);
        assertThat(aprilManifest.file().location()).isNull();
        CollectionsAction notice = s.world.published.get(0);
        assertThat(notice.businessDate()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(notice.reason()).contains("withheld");
        // Every file before the notice shows the account current (or not at all); the first negative one follows it.
        for (int i = 0; i < 3; i++) {
            assertThat(records.get(i).accountStatus().code()).isEqualTo("11");
        }
        BureauRecord may = records.get(4);
        assertThat(may.disposition()).isEqualTo(ReportingDisposition.REPORTED);
        assertThat(may.accountStatus().code()).isEqualTo("78");
        assertThat(may.paymentHistoryProfile().value()).startsWith("1000B");
        assertThat(may.firstNegativeOn()).isEqualTo(cycles.get(4));
        assertThat(may.firstNegativeOn()).isAfter(notice.businessDate());
        assertThat(s.file(cycles.get(4))).contains("L-CN-1");
        assertThat(s.world.published).hasSize(1);
    }

    @Test
    void a_dispute_is_reported_xb_while_open_then_xh_once_resolved_then_blank() {
        BureauScenario s = new BureauScenario("dispute", BureauScenario.defaultSettings());
        s.book("L-US-2", "US", US_PRODUCT, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 15), 6);
        for (int i = 0; i < 6; i++) {
            s.pay("L-US-2", LocalDate.of(2026, 1, 15).plusMonths(i), "100.00");
        }
        s.openDispute("L-US-2", "D-1", LocalDate.of(2026, 2, 10));
        s.resolveDispute("L-US-2", "D-1", LocalDate.of(2026, 3, 20), "REJECTED", false);

        for (LocalDate cycle : BureauScenario.monthEnds(JAN, 4)) {
            s.exportCycle(cycle);
        }

        assertThat(s.world.recordsOf("L-US-2")).extracting(BureauRecord::complianceCode).containsExactly(
                ComplianceConditionCode.NONE, ComplianceConditionCode.XB, ComplianceConditionCode.XH,
                ComplianceConditionCode.NONE);
        // Field 20 (positions 153-154 of the base segment, after the 4-byte... counted from the record start).
        String febBase = baseSegment(s.file(LocalDate.of(2026, 2, 28)), "L-US-2");
        assertThat(febBase.substring(152, 154)).isEqualTo("XB");
        String marBase = baseSegment(s.file(LocalDate.of(2026, 3, 31)), "L-US-2");
        assertThat(marBase.substring(152, 154)).isEqualTo("XH");
    }

    @Test
    void charge_off_is_reported_97_and_a_later_payoff_64_then_the_account_is_dropped() {
        BureauScenario s = new BureauScenario("charge-off", BureauScenario.defaultSettings());
        s.book("L-US-3", "US", US_PRODUCT, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 15), 6);
        s.close("L-US-3", LocalDate.of(2026, 7, 20), "WRITTEN_OFF");
        s.pay("L-US-3", LocalDate.of(2026, 9, 10), "700.00"); // the balance and its penalty interest

        List<LocalDate> cycles = BureauScenario.monthEnds(JAN, 10);
        for (LocalDate cycle : cycles) {
            s.exportCycle(cycle);
        }

        List<BureauRecord> records = s.world.recordsOf("L-US-3");
        assertThat(records).extracting(r -> r.accountStatus().code()).containsExactly(
                "11", "71", "78", "80", "82", "83", "97", "97", "64");
        BureauRecord chargedOff = records.get(6);
        // Six installments of 100.00 plus the penalty interest accrued until the charge-off.
        assertThat(chargedOff.originalChargeOffAmount()).isBetween(new BigDecimal("600.01"), new BigDecimal("650.00"));
        assertThat(chargedOff.amountPastDue()).isEqualByComparingTo(chargedOff.currentBalance());
        assertThat(chargedOff.dateFirstDelinquency()).isEqualTo(LocalDate.of(2026, 1, 16));
        assertThat(chargedOff.paymentHistoryProfile().value()).startsWith("543210");
        BureauRecord paidAfter = records.get(8);
        assertThat(paidAfter.dateFirstDelinquency()).isEqualTo(LocalDate.of(2026, 1, 16));
        assertThat(paidAfter.originalChargeOffAmount()).isEqualByComparingTo(chargedOff.originalChargeOffAmount());
        assertThat(paidAfter.currentBalance()).isZero();
        assertThat(paidAfter.paymentHistoryProfile().value()).startsWith("LL5");
        assertThat(s.world.find("L-US-3", cycles.get(9))).isEmpty();
        assertThat(s.world.published).hasSize(1);
    }

    @Test
    void a_charged_off_balance_paid_before_the_last_due_date_is_reported_64_not_97_with_nothing_owed() {
        // Written off in February with four installments not yet due; paid in full in March. The ledger holds the
        // part of the payment that covers the installments not yet due as credit until their dates, but a
        // charged-off balance is owed at once: nothing is left to collect, so the account is paid after charge-off.
        BureauScenario s = new BureauScenario("charge-off-early-payoff", BureauScenario.defaultSettings());
        s.book("L-US-11", "US", US_PRODUCT, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 20), 6);
        s.close("L-US-11", LocalDate.of(2026, 2, 21), "WRITTEN_OFF");
        s.pay("L-US-11", LocalDate.of(2026, 3, 5), "650.00"); // the balance and its penalty interest, and more

        List<LocalDate> cycles = BureauScenario.monthEnds(JAN, 4);
        for (LocalDate cycle : cycles) {
            s.exportCycle(cycle);
        }

        List<BureauRecord> records = s.world.recordsOf("L-US-11");
        assertThat(records).extracting(r -> r.accountStatus().code()).containsExactly("11", "97", "64");
        BureauRecord paidAfter = records.get(2);
        assertThat(paidAfter.disposition()).isEqualTo(ReportingDisposition.REPORTED);
        assertThat(paidAfter.currentBalance()).isZero();
        assertThat(paidAfter.amountPastDue()).isZero();
        assertThat(paidAfter.originalChargeOffAmount()).isEqualByComparingTo(records.get(1).originalChargeOffAmount())
                .isGreaterThan(new BigDecimal("600.00"));
        assertThat(paidAfter.dateClosed()).isEqualTo(LocalDate.of(2026, 2, 21));
        assertThat(paidAfter.paymentHistoryProfile().value()).startsWith("L0");
        assertThat(field(baseSegment(s.file(cycles.get(2)), "L-US-11"), 124, 2)).isEqualTo("64");
        assertThat(s.world.find("L-US-11", cycles.get(3))).isEmpty();
    }

    @Test
    void a_payment_back_dated_into_the_previous_cycle_is_reported_as_a_correction_of_that_month() {
        BureauScenario s = new BureauScenario("correction", BureauScenario.defaultSettings());
        s.book("L-US-4", "US", US_PRODUCT, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 15), 6);
        // Paid on 20 January for January and February, but the payment reaches the engine only on 5 March, after
        // the February file reported the account 30-59 days late.
        s.payLate("L-US-4", LocalDate.of(2026, 1, 20), LocalDate.of(2026, 3, 5), "200.00");
        s.pay("L-US-4", LocalDate.of(2026, 3, 15), "100.00");

        List<LocalDate> cycles = BureauScenario.monthEnds(JAN, 3);
        for (LocalDate cycle : cycles) {
            s.exportCycle(cycle);
        }

        List<BureauRecord> records = s.world.recordsOf("L-US-4");
        assertThat(records).extracting(r -> r.accountStatus().code()).containsExactly("11", "71", "11");
        BureauRecord march = records.get(2);
        assertThat(march.correction()).contains("2026-02-28").contains("from 1 to 0");
        assertThat(march.paymentHistoryProfile().value()).isEqualTo("00" + "B".repeat(22));
        assertThat(march.dateFirstDelinquency()).isNull();
        assertThat(s.manifest(cycles.get(2)).corrections()).extracting(Metro2Manifest.Correction::loanId)
                .containsExactly("L-US-4");
    }

    @Test
    void re_running_a_cycle_writes_the_same_file_records_nothing_twice_and_sends_no_second_notice() {
        BureauScenario s = new BureauScenario("rerun", BureauScenario.defaultSettings());
        s.book("L-US-5", "US", US_PRODUCT, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 15), 6);
        List<LocalDate> cycles = BureauScenario.monthEnds(JAN, 2);
        s.exportCycle(cycles.get(0));
        CreditReportSummary first = s.exportCycle(cycles.get(1));
        String firstFile = s.file(cycles.get(1));

        // Three days later, on demand: the file still says it was created on the first run's day.
        CreditReportSummary again = s.exportCycle(cycles.get(1), cycles.get(1).plusDays(4));

        assertThat(s.file(cycles.get(1))).isEqualTo(firstFile);
        assertThat(s.manifest(cycles.get(1)).createdOn()).isEqualTo(cycles.get(1).plusDays(1));
        assertThat(again.sha256()).isEqualTo(first.sha256());
        assertThat(again.reRunRecords()).isEqualTo(1);
        assertThat(s.world.recordsOf("L-US-5")).hasSize(2);
        assertThat(s.world.published).hasSize(1);
    }

    @Test
    void a_dispute_resolved_while_the_consumer_still_disagrees_is_reported_xc() {
        BureauScenario s = new BureauScenario("dispute-xc", BureauScenario.defaultSettings());
        s.book("L-US-6", "US", US_PRODUCT, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 15), 6);
        for (int i = 0; i < 6; i++) {
            s.pay("L-US-6", LocalDate.of(2026, 1, 15).plusMonths(i), "100.00");
        }
        s.openDispute("L-US-6", "D-2", LocalDate.of(2026, 1, 20));
        s.resolveDispute("L-US-6", "D-2", LocalDate.of(2026, 2, 5), "REJECTED", true);

        for (LocalDate cycle : BureauScenario.monthEnds(JAN, 3)) {
            s.exportCycle(cycle);
        }

        assertThat(s.world.recordsOf("L-US-6")).extracting(BureauRecord::complianceCode).containsExactly(
                ComplianceConditionCode.XB, ComplianceConditionCode.XC, ComplianceConditionCode.NONE);
        assertThat(baseSegment(s.file(LocalDate.of(2026, 2, 28)), "L-US-6").substring(152, 154)).isEqualTo("XC");
    }

    @Test
    void each_field_of_a_charged_off_account_sits_at_its_credit_reporting_resource_guide_position() {
        BureauScenario s = new BureauScenario("positions", BureauScenario.defaultSettings());
        s.book("L-US-7", "US", US_PRODUCT, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 15), 6);
        s.close("L-US-7", LocalDate.of(2026, 7, 20), "WRITTEN_OFF");
        List<LocalDate> cycles = BureauScenario.monthEnds(JAN, 7);
        for (LocalDate cycle : cycles) {
            s.exportCycle(cycle);
        }
        BureauRecord july = s.world.find("L-US-7", cycles.get(6)).orElseThrow();
        String b = baseSegment(s.file(cycles.get(6)), "L-US-7");

        // 1-based start and width as the Credit Reporting Resource Guide lists them (base segment, 426 format).
        assertThat(b).hasSize(426);
        assertThat(field(b, 1, 4)).isEqualTo("0426");
        assertThat(field(b, 21, 20)).isEqualTo(pad("OVDCOLL0000001", 20));
        assertThat(field(b, 43, 30)).isEqualTo(pad("L-US-7", 30));
        assertThat(field(b, 73, 1)).isEqualTo("I");
        assertThat(field(b, 74, 2)).isEqualTo("01");
        assertThat(field(b, 76, 8)).isEqualTo("01012026");
        assertThat(field(b, 93, 9)).isEqualTo("000000600");
        assertThat(field(b, 102, 3)).isEqualTo("006");
        assertThat(field(b, 105, 1)).isEqualTo("M");
        assertThat(field(b, 124, 2)).isEqualTo("97");
        assertThat(field(b, 127, 24)).isEqualTo(july.paymentHistoryProfile().value()).startsWith("54321");
        assertThat(field(b, 153, 2)).isEqualTo("  ");
        assertThat(field(b, 155, 9)).isEqualTo(dollars(july.currentBalance()));
        assertThat(field(b, 164, 9)).isEqualTo(dollars(july.currentBalance()));
        assertThat(field(b, 173, 9)).isEqualTo(dollars(july.originalChargeOffAmount())).isNotEqualTo("000000000");
        assertThat(field(b, 182, 8)).isEqualTo("07312026");
        assertThat(field(b, 190, 8)).isEqualTo("01162026");
        assertThat(field(b, 232, 25)).isEqualTo(pad("PUBLIC", 25));
        assertThat(field(b, 257, 20)).isEqualTo(pad("JANE", 20));
        assertThat(field(b, 277, 20)).isEqualTo(pad("Q", 20));
        assertThat(field(b, 298, 9)).isEqualTo("123456789");
        assertThat(field(b, 307, 8)).isEqualTo("04121985");
        assertThat(field(b, 325, 1)).isEqualTo("1");
        assertThat(field(b, 328, 2)).isEqualTo("US");
        assertThat(field(b, 330, 32)).isEqualTo(pad("1 ELM STREET", 32));
        assertThat(field(b, 394, 20)).isEqualTo(pad("ALBANY", 20));
        assertThat(field(b, 414, 2)).isEqualTo("NY");
        assertThat(field(b, 416, 9).strip()).isEqualTo("12207");
    }

    @Test
    void nothing_under_30_days_late_is_past_due_so_26_days_is_current_with_0_and_44_days_counts_one_installment() {
        BureauScenario s = new BureauScenario("amount-past-due", BureauScenario.defaultSettings());
        // Installments of 100.00 due on the 5th; nothing is paid. On 31 January the first is 26 days late; on
        // 28 February it is 54 days late and the second (due 5 February) 23 days late.
        s.book("L-US-8", "US", US_PRODUCT, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 5), 6);
        List<LocalDate> cycles = BureauScenario.monthEnds(JAN, 2);
        for (LocalDate cycle : cycles) {
            s.exportCycle(cycle);
        }

        BureauRecord jan = s.world.find("L-US-8", cycles.get(0)).orElseThrow();
        assertThat(jan.accountStatus().code()).isEqualTo("11");
        assertThat(jan.amountPastDue()).isZero();
        assertThat(jan.currentBalance()).isGreaterThanOrEqualTo(new BigDecimal("600.00"));
        assertThat(field(baseSegment(s.file(cycles.get(0)), "L-US-8"), 164, 9)).isEqualTo("000000000");

        BureauRecord feb = s.world.find("L-US-8", cycles.get(1)).orElseThrow();
        assertThat(feb.accountStatus().code()).isEqualTo("71");
        // The January installment and its penalty interest; the February one (23 days) is not past due yet.
        assertThat(feb.amountPastDue()).isBetween(new BigDecimal("100.01"), new BigDecimal("102.00"));
        assertThat(field(baseSegment(s.file(cycles.get(1)), "L-US-8"), 164, 9)).isEqualTo(dollars(feb.amountPastDue()))
                .isIn("000000100", "000000101");
        assertThat(feb.currentBalance()).isGreaterThan(feb.amountPastDue());
    }

    @Test
    void an_account_paying_under_a_hardship_plan_is_reported_ac_and_the_comment_goes_once_the_plan_is_done() {
        BureauScenario s = new BureauScenario("hardship-ac", BureauScenario.defaultSettings());
        s.book("L-US-9", "US", US_PRODUCT, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 15), 6);
        s.pay("L-US-9", LocalDate.of(2026, 1, 15), "100.00");
        // February is missed; a plan approved on 20 February repays it by 10 March.
        s.instalmentPlan("L-US-9", "H-1", LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 10), "100.00");
        s.pay("L-US-9", LocalDate.of(2026, 3, 10), "100.00");
        s.pay("L-US-9", LocalDate.of(2026, 3, 15), "100.00");
        List<LocalDate> cycles = BureauScenario.monthEnds(JAN, 3);
        for (LocalDate cycle : cycles) {
            s.exportCycle(cycle);
        }

        assertThat(s.world.recordsOf("L-US-9")).extracting(BureauRecord::specialComment)
                .containsExactly("", "AC", "");
        assertThat(field(baseSegment(s.file(cycles.get(1)), "L-US-9"), 151, 2)).isEqualTo("AC");
        assertThat(field(baseSegment(s.file(cycles.get(2)), "L-US-9"), 151, 2)).isEqualTo("  ");
    }

    @Test
    void a_deferred_payment_is_reported_cp_until_its_new_due_date_and_is_not_past_due_meanwhile() {
        BureauScenario s = new BureauScenario("deferral-cp", BureauScenario.defaultSettings());
        s.book("L-US-10", "US", US_PRODUCT, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 15), 6);
        s.pay("L-US-10", LocalDate.of(2026, 1, 15), "100.00");
        // The February installment is moved to 15 May; the others are paid when due.
        s.deferral("L-US-10", "H-2", LocalDate.of(2026, 2, 10), 2, LocalDate.of(2026, 5, 15));
        s.pay("L-US-10", LocalDate.of(2026, 3, 15), "100.00");
        s.pay("L-US-10", LocalDate.of(2026, 4, 15), "100.00");
        s.pay("L-US-10", LocalDate.of(2026, 5, 15), "200.00");
        List<LocalDate> cycles = BureauScenario.monthEnds(JAN, 5);
        for (LocalDate cycle : cycles) {
            s.exportCycle(cycle);
        }

        List<BureauRecord> records = s.world.recordsOf("L-US-10");
        assertThat(records).extracting(BureauRecord::specialComment).containsExactly("", "CP", "CP", "CP", "");
        assertThat(records).extracting(r -> r.accountStatus().code()).containsOnly("11");
        assertThat(records).extracting(BureauRecord::amountPastDue).allSatisfy(a -> assertThat(a).isZero());
        assertThat(field(baseSegment(s.file(cycles.get(2)), "L-US-10"), 151, 2)).isEqualTo("CP");
    }

    @Test
    void the_same_cycles_exported_on_different_days_write_the_same_bytes_and_the_same_manifest() {
        List<LocalDate> cycles = BureauScenario.monthEnds(JAN, 4);
        // One portfolio, two worlds: one runs each export the morning after the cycle, the other nine days late in
        // the afternoon. Both write to the same directory in turn, so even the file location is the same.
        List<String> files = new java.util.ArrayList<>();
        List<Metro2Manifest> manifests = new java.util.ArrayList<>();
        for (int lateBy : new int[]{1, 9}) {
            BureauScenario s = new BureauScenario("two-clocks", BureauScenario.defaultSettings());
            s.book("L-US-11", "US", US_PRODUCT, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 15), 6);
            s.book("L-US-12", "US", US_PRODUCT, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 15), 6);
            s.book("L-US-13", "US", US_PRODUCT, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 15), 6);
            for (int i = 0; i < 4; i++) {
                s.pay("L-US-11", LocalDate.of(2026, 1, 15).plusMonths(i), "100.00");
            }
            s.pay("L-US-12", LocalDate.of(2026, 1, 15), "100.00"); // then 71, 78: a notice goes out
            s.openDispute("L-US-12", "D-3", LocalDate.of(2026, 3, 2));
            s.close("L-US-13", LocalDate.of(2026, 3, 20), "WRITTEN_OFF");
            for (LocalDate cycle : cycles) {
                s.exportCycle(cycle, cycle.plusDays(lateBy));
                files.add(s.file(cycle));
                manifests.add(s.manifest(cycle));
            }
        }

        for (int c = 0; c < cycles.size(); c++) {
            LocalDate cycle = cycles.get(c);
            String early = files.get(c);
            String late = files.get(cycles.size() + c);
            assertThat(late).as("file of %s", cycle).isEqualTo(early);
            assertThat(manifests.get(cycles.size() + c)).as("manifest of %s", cycle).isEqualTo(manifests.get(c));
            // Header: Activity Date (positions 48-55) the cycle date, Date Created (56-63) the day after.
            String header = early.lines().findFirst().orElseThrow();
            assertThat(field(header, 48, 8)).isEqualTo(mmddyyyy(cycle));
            assertThat(field(header, 56, 8)).isEqualTo(mmddyyyy(cycle.plusDays(1)));
            assertThat(manifests.get(c).createdOn()).isEqualTo(cycle.plusDays(1));
        }
        assertThat(manifests.get(cycles.size() - 1).trailer().statusCounts()).containsKeys("11", "78", "97");
    }

    @Test
    void a_cycle_that_has_not_ended_is_refused() {
        BureauScenario s = new BureauScenario("not-ended", BureauScenario.defaultSettings());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.exportCycle(JAN, JAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has not ended");
    }

    private static String mmddyyyy(LocalDate date) {
        return String.format("%02d%02d%04d", date.getMonthValue(), date.getDayOfMonth(), date.getYear());
    }

    private static String field(String record, int start, int width) {
        return record.substring(start - 1, start - 1 + width);
    }

    private static String pad(String value, int width) {
        return String.format("%-" + width + "s", value);
    }

    /** Metro 2 amounts are whole dollars, cents dropped (docs/credit-reporting.md). */
    private static String dollars(BigDecimal amount) {
        return String.format("%09d", amount.setScale(0, java.math.RoundingMode.DOWN).longValueExact());
    }

    private static String baseSegment(String file, String accountNumber) {
        return file.lines().filter(l -> l.contains(accountNumber) && !l.startsWith("0426HEADER")).findFirst()
                .orElseThrow();
    }
}

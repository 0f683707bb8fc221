package com.overdue.collections.core.metro2;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountStatusPolicyTest {

    private final AccountStatusPolicy policy = new AccountStatusPolicy();

    @ParameterizedTest(name = "{0} days past due is status {1}, history code {2}")
    @CsvSource({
            "0, 11, 0",
            "1, 11, 0",
            "29, 11, 0",
            "30, 71, 1",
            "59, 71, 1",
            "60, 78, 2",
            "89, 78, 2",
            "90, 80, 3",
            "119, 80, 3",
            "120, 82, 4",
            "149, 82, 4",
            "150, 83, 5",
            "179, 83, 5",
            "180, 84, 6",
            "400, 84, 6"})
    void days_past_due_map_to_the_metro2_status_on_both_sides_of_each_boundary(int daysPastDue, String status,
                                                                               char historyCode) {
        ReportedStatus reported = policy.classify(AccountStanding.open(daysPastDue, new BigDecimal("100.00")));

        assertThat(reported.status().code()).isEqualTo(status);
        assertThat(reported.historyCode().code()).isEqualTo(historyCode);
        assertThat(reported.paymentRating()).isEmpty();
    }

    @Test
    void one_to_twenty_nine_days_late_is_still_reported_as_current() {
        assertThat(policy.classify(AccountStanding.open(29, BigDecimal.TEN)).status())
                .isEqualTo(AccountStatus.CURRENT);
    }

    @Test
    void a_charged_off_loan_is_status_97_with_l_in_the_history_whatever_its_days_past_due() {
        ReportedStatus reported = policy.classify(AccountStanding.chargedOff(45, new BigDecimal("800")));

        assertThat(reported.status()).isEqualTo(AccountStatus.CHARGED_OFF);
        assertThat(reported.status().code()).isEqualTo("97");
        assertThat(reported.historyCode()).isEqualTo(PaymentHistoryCode.CHARGE_OFF);
        assertThat(reported.paymentRating()).isEmpty();
    }

    @Test
    void a_charge_off_paid_in_full_is_status_64_and_keeps_the_charge_off_in_the_history() {
        ReportedStatus reported = policy.classify(AccountStanding.paidAfterChargeOff());

        assertThat(reported.status().code()).isEqualTo("64");
        assertThat(reported.historyCode()).isEqualTo(PaymentHistoryCode.CHARGE_OFF);
        assertThat(reported.paymentRating()).isEmpty();
    }

    @Test
    void a_paid_loan_is_status_13_with_a_current_payment_rating_and_a_zero_balance_month() {
        ReportedStatus reported = policy.classify(AccountStanding.paid());

        assertThat(reported.status().code()).isEqualTo("13");
        assertThat(reported.paymentRating()).contains(PaymentRating.CURRENT);
        assertThat(reported.historyCode()).isEqualTo(PaymentHistoryCode.ZERO_BALANCE_CURRENT);
    }

    @Test
    void a_loan_closed_while_late_carries_its_lateness_in_the_payment_rating() {
        ReportedStatus reported = policy.classify(new AccountStanding(75, new BigDecimal("300"), false, true));

        assertThat(reported.status()).isEqualTo(AccountStatus.PAID_OR_CLOSED);
        assertThat(reported.paymentRating()).contains(PaymentRating.PAST_DUE_60_89);
        assertThat(reported.historyCode()).isEqualTo(PaymentHistoryCode.PAST_DUE_60_89);
    }

    @Test
    void a_current_loan_with_nothing_owed_reports_e_for_the_month() {
        ReportedStatus reported = policy.classify(AccountStanding.open(0, BigDecimal.ZERO));

        assertThat(reported.status()).isEqualTo(AccountStatus.CURRENT);
        assertThat(reported.historyCode()).isEqualTo(PaymentHistoryCode.ZERO_BALANCE_CURRENT);
    }

    @Test
    void only_status_13_takes_a_payment_rating() {
        for (AccountStatus status : AccountStatus.values()) {
            assertThat(status.requiresPaymentRating()).as(status.code())
                    .isEqualTo(status == AccountStatus.PAID_OR_CLOSED);
        }
    }
}

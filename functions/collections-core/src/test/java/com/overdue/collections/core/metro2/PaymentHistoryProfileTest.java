package com.overdue.collections.core.metro2;

import static com.overdue.collections.core.metro2.PaymentHistoryCode.CURRENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentHistoryProfileTest {

    private final AccountStatusPolicy policy = new AccountStatusPolicy();

    @Test
    void a_new_account_has_no_history_for_any_of_the_24_months() {
        assertThat(PaymentHistoryProfile.noHistory().value()).isEqualTo("BBBBBBBBBBBBBBBBBBBBBBBB");
    }

    @Test
    void shifting_puts_the_new_month_first_and_drops_the_oldest() {
        PaymentHistoryProfile profile = PaymentHistoryProfile.of("0123456BDEGHJKL000000000");

        assertThat(profile.shift(PaymentHistoryCode.CHARGE_OFF).value()).isEqualTo("L0123456BDEGHJKL00000000");
    }

    @Test
    void fourteen_months_of_current_then_30_60_90_then_paid_then_current_read_most_recent_first() {
        // Days past due at each month end, oldest first: 4 months current, 30, 60, 90 days late, arrears paid
        // (back to current), then 6 more months current: 14 months in all.
        int[] daysPastDueByMonth = {0, 0, 0, 0, 35, 65, 95, 0, 0, 0, 0, 0, 0, 0};
        List<PaymentHistoryCode> months = new ArrayList<>();
        for (int daysPastDue : daysPastDueByMonth) {
            months.add(policy.classify(AccountStanding.open(daysPastDue, new BigDecimal("900"))).historyCode());
        }

        PaymentHistoryProfile profile = PaymentHistoryProfile.noHistory().shiftAll(months);

        assertThat(profile.value()).isEqualTo("0000000321" + "0000" + "BBBBBBBBBB");
        assertThat(profile.months().get(7)).isEqualTo(PaymentHistoryCode.PAST_DUE_90_119);
    }

    @Test
    void shifting_month_by_month_equals_shifting_all_at_once() {
        PaymentHistoryProfile stepwise = PaymentHistoryProfile.noHistory()
                .shift(CURRENT).shift(PaymentHistoryCode.PAST_DUE_30_59).shift(CURRENT);

        assertThat(stepwise).isEqualTo(PaymentHistoryProfile.noHistory()
                .shiftAll(List.of(CURRENT, PaymentHistoryCode.PAST_DUE_30_59, CURRENT)));
        assertThat(stepwise.value()).startsWith("010B");
    }

    @Test
    void twenty_five_months_of_history_keep_only_the_latest_24() {
        List<PaymentHistoryCode> months = new ArrayList<>();
        months.add(PaymentHistoryCode.PAST_DUE_180_PLUS);
        for (int i = 0; i < 24; i++) {
            months.add(CURRENT);
        }

        assertThat(PaymentHistoryProfile.noHistory().shiftAll(months).value()).isEqualTo("0".repeat(24));
    }

    @Test
    void a_profile_must_be_24_known_codes() {
        assertThatThrownBy(() -> PaymentHistoryProfile.of("000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentHistoryProfile.of("X".repeat(24)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'X'");
    }
}

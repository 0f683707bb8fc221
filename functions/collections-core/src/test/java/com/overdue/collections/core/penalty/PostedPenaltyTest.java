package com.overdue.collections.core.penalty;

import static com.overdue.collections.core.testing.LoanFixtures.cny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostedPenaltyTest {

    private static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);

    private static PostedPenalty posting(LocalDate day, int adjustmentNo) {
        return new PostedPenalty("L-1", day, adjustmentNo, day, List.of(), List.of(), Map.of(1, cny("1.00")));
    }

    @Test
    void keys_sort_as_strings_in_posting_order_even_past_nine_adjustments_a_day() {
        List<String> inPostingOrder = new ArrayList<>();
        inPostingOrder.add(posting(MAR_1, 0).key());
        for (int n = 1; n <= 12; n++) {
            inPostingOrder.add(posting(MAR_1, n).key());
        }
        inPostingOrder.add(posting(MAR_1.plusDays(1), 0).key());

        // DynamoDB orders the sort key byte by byte: the string order must be the posting order.
        assertThat(inPostingOrder).isSorted();
        assertThat(inPostingOrder).startsWith("DPI#2026-03-01", "DPI#2026-03-01#ADJ#0001");
        assertThat(inPostingOrder).contains("DPI#2026-03-01#ADJ#0010").endsWith("DPI#2026-03-02");
    }

    @Test
    void an_adjustment_number_beyond_the_key_width_is_refused_rather_than_mis_sorted() {
        assertThat(posting(MAR_1, 9999).key()).isEqualTo("DPI#2026-03-01#ADJ#9999");
        assertThatThrownBy(() -> posting(MAR_1, 10000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> posting(MAR_1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}

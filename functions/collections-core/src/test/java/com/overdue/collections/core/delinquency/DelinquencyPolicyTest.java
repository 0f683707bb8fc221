package com.overdue.collections.core.delinquency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DelinquencyPolicyTest {

    private final DelinquencyPolicy policy = DelinquencyPolicy.DEFAULT;

    @ParameterizedTest(name = "DPD {0} is {1}")
    @CsvSource({
            "0, CURRENT",
            "1, MILD",
            "30, MILD",
            "31, MODERATE",
            "60, MODERATE",
            "61, SEVERE",
            "400, SEVERE"})
    void severity_follows_the_seeds_thresholds_1_to_30_mild_31_to_60_moderate_above_60_severe(int dpd,
                                                                                              Severity expected) {
        assertThat(policy.severityOf(dpd)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "DPD {0} is in {1}")
    @CsvSource({
            "0, CURRENT",
            "1, 1-3",
            "3, 1-3",
            "4, 4-30",
            "30, 4-30",
            "31, 31-60",
            "60, 31-60",
            "61, 61-90",
            "90, 61-90",
            "91, 91-180",
            "180, 91-180",
            "181, 181+",
            "10000, 181+"})
    void every_default_bucket_edge_lands_in_the_right_bucket(int dpd, String expected) {
        assertThat(policy.bucketOf(dpd)).isEqualTo(expected);
    }

    @Test
    void the_default_buckets_are_listed_in_order() {
        assertThat(policy.buckets()).extracting(DelinquencyBucket::name)
                .containsExactly("1-3", "4-30", "31-60", "61-90", "91-180", "181+");
    }

    @Test
    void a_custom_bucket_list_is_honoured() {
        DelinquencyPolicy custom = new DelinquencyPolicy(DelinquencyPolicy.parseBuckets("1-15, 16-45, 46+"), 15, 45);

        assertThat(custom.bucketOf(15)).isEqualTo("1-15");
        assertThat(custom.bucketOf(16)).isEqualTo("16-45");
        assertThat(custom.bucketOf(46)).isEqualTo("46+");
        assertThat(custom.severityOf(16)).isEqualTo(Severity.MODERATE);
        assertThat(custom.severityOf(46)).isEqualTo(Severity.SEVERE);
    }

    @Test
    void a_gap_between_buckets_is_rejected_naming_the_bucket_after_the_gap() {
        assertThatThrownBy(() -> bucketsOf("1-3,5-30,31+"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5-30")
                .hasMessageContaining("expected 4");
    }

    @Test
    void overlapping_buckets_are_rejected_naming_the_overlapping_bucket() {
        assertThatThrownBy(() -> bucketsOf("1-3,3-30,31+"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3-30")
                .hasMessageContaining("expected 4");
    }

    @Test
    void a_last_bucket_with_an_upper_bound_is_rejected_naming_it() {
        assertThatThrownBy(() -> bucketsOf("1-3,4-30,31-60"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("31-60")
                .hasMessageContaining("open-ended");
    }

    @Test
    void an_open_ended_bucket_before_the_last_is_rejected_naming_it() {
        assertThatThrownBy(() -> bucketsOf("1-3,4+,31+"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4+")
                .hasMessageContaining("open-ended");
    }

    @Test
    void buckets_that_do_not_start_at_day_1_are_rejected_naming_the_first_bucket() {
        assertThatThrownBy(() -> bucketsOf("2-3,4+"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2-3")
                .hasMessageContaining("expected 1");
    }

    @Test
    void a_bucket_starting_at_day_0_is_rejected_naming_it() {
        assertThatThrownBy(() -> bucketsOf("0-3,4+"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0-3");
    }

    @Test
    void a_bucket_that_ends_before_it_starts_is_rejected_naming_it() {
        assertThatThrownBy(() -> bucketsOf("1-3,30-4,31+"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("30-4");
    }

    @Test
    void an_unreadable_bucket_is_rejected_quoting_it() {
        assertThatThrownBy(() -> bucketsOf("1-3,four-30,31+"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"four-30\"");
    }

    @Test
    void an_empty_bucket_list_is_rejected() {
        assertThatThrownBy(() -> new DelinquencyPolicy(List.of(), 30, 60))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("open-ended");
    }

    @Test
    void severity_thresholds_out_of_order_are_rejected() {
        assertThatThrownBy(() -> new DelinquencyPolicy(DelinquencyPolicy.parseBuckets("1-3,4+"), 60, 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mild < moderate");
    }

    private static DelinquencyPolicy bucketsOf(String spec) {
        return new DelinquencyPolicy(DelinquencyPolicy.parseBuckets(spec), 30, 60);
    }
}

package com.overdue.collections.core.metro2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class Metro2ReporterTest {

    private static Metro2Reporter reporter(String identificationNumber, String name, String telephone) {
        return new Metro2Reporter(identificationNumber, null, null, null, "TU00012345", LocalDate.of(2024, 11, 30),
                LocalDate.of(2024, 12, 1), null, null, name, "1 Main St, New York, NY 10001", telephone, null, null);
    }

    @Test
    void reporter_text_is_upper_cased_for_the_header() {
        assertThat(reporter("furn01", "Overdue Lending", null).reporterName()).isEqualTo("OVERDUE LENDING");
    }

    @Test
    void a_reporter_name_outside_the_metro2_character_set_is_refused_at_start_up_naming_the_field() {
        assertThatThrownBy(() -> reporter("FURN01", "逾期贷款公司", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Metro2Reporter.reporterName");
    }

    @Test
    void a_reporter_name_longer_than_40_characters_is_refused() {
        assertThatThrownBy(() -> reporter("FURN01", "X".repeat(41), null))
                .hasMessageContaining("reporterName is longer than its 40-character field");
    }

    @Test
    void a_zero_filled_identification_number_is_refused() {
        assertThatThrownBy(() -> reporter("0000", "LENDER", null))
                .hasMessageContaining("identificationNumber");
    }

    @Test
    void the_reporter_telephone_needs_ten_digits() {
        assertThat(reporter("FURN01", "LENDER", "(212) 555-0199").reporterTelephone()).isEqualTo("2125550199");
        assertThatThrownBy(() -> reporter("FURN01", "LENDER", "555-0199"))
                .hasMessageContaining("reporterTelephone");
    }
}

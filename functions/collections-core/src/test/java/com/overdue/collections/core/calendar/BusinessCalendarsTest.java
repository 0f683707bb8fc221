package com.overdue.collections.core.calendar;

import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.config.ConfigSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BusinessCalendarsTest {

    private final BusinessCalendars calendars = EngineConfiguration.calendars(ConfigSource.classpath());

    @Test
    void a_jurisdiction_is_loaded_once_and_shared() {
        BusinessCalendar first = calendars.forJurisdiction("CN");

        assertThat(calendars.forJurisdiction("CN")).isSameAs(first);
        assertThat(first.jurisdiction()).isEqualTo("CN");
        assertThat(calendars.forJurisdiction("US").jurisdiction()).isEqualTo("US");
    }

    @Test
    void an_unknown_jurisdiction_is_a_clear_error() {
        assertThatThrownBy(() -> calendars.forJurisdiction("ZZ"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no business calendar for jurisdiction \"ZZ\": "
                        + "config/calendars/ZZ/index.json is not on the classpath");
    }

    @Test
    void a_lower_case_code_is_refused_rather_than_guessed() {
        assertThatThrownBy(() -> calendars.forJurisdiction("cn"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("such as CN or US");
    }
}

package com.overdue.collections.core.calendar;

import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.config.ConfigSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Behaviour that does not depend on a particular jurisdiction, shown on the China calendar. */
class BusinessCalendarTest {

    private static final BusinessCalendar CN = EngineConfiguration.calendars(ConfigSource.classpath()).forJurisdiction("CN");

    @Test
    void a_date_outside_the_loaded_years_is_an_error_not_a_guess() {
        assertThatThrownBy(() -> CN.isWorkingDay(LocalDate.of(2028, 1, 3)))
                .isInstanceOfSatisfying(CalendarNotLoadedException.class, e -> {
                    assertThat(e.jurisdiction()).isEqualTo("CN");
                    assertThat(e.year()).isEqualTo(2028);
                })
                .hasMessageContaining("CN 2028")
                .hasMessageContaining("2025, 2026, 2027");
        assertThatThrownBy(() -> CN.nextWorkingDayAfter(LocalDate.of(2024, 12, 31)))
                .isInstanceOf(CalendarNotLoadedException.class)
                .hasMessageContaining("CN 2024");
    }

    @Test
    void walking_past_the_last_loaded_year_is_an_error_too() {
        assertThatThrownBy(() -> CN.addWorkingDays(LocalDate.of(2027, 12, 30), 5))
                .isInstanceOf(CalendarNotLoadedException.class)
                .hasMessageContaining("CN 2028");
    }

    @Test
    void next_working_day_after_is_adding_one_working_day() {
        LocalDate.of(2025, 1, 1).datesUntil(LocalDate.of(2027, 12, 1))
                .forEach(day -> assertThat(CN.nextWorkingDayAfter(day)).isEqualTo(CN.addWorkingDays(day, 1)));
    }

    @Test
    void adding_working_days_then_counting_them_gives_the_same_number() {
        LocalDate start = LocalDate.of(2025, 12, 31);
        for (int n = 1; n <= 60; n++) {
            LocalDate end = CN.addWorkingDays(start, n);
            assertThat(CN.isWorkingDay(end)).isTrue();
            assertThat(CN.workingDaysBetween(start.plusDays(1), end.plusDays(1))).isEqualTo(n);
        }
    }

    @Test
    void subtracting_working_days_goes_back_over_the_holidays() {
        assertThat(CN.addWorkingDays(LocalDate.of(2026, 10, 8), -1)).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(CN.addWorkingDays(LocalDate.of(2026, 2, 24), -1)).isEqualTo(LocalDate.of(2026, 2, 14));
    }

    @Test
    void adding_zero_working_days_keeps_the_date_even_on_a_holiday() {
        assertThat(CN.addWorkingDays(LocalDate.of(2026, 10, 1), 0)).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void working_days_between_excludes_the_end_and_turns_negative_when_reversed() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        LocalDate nextMonday = LocalDate.of(2026, 3, 9);
        assertThat(CN.workingDaysBetween(monday, nextMonday)).isEqualTo(5);
        assertThat(CN.workingDaysBetween(nextMonday, monday)).isEqualTo(-5);
        assertThat(CN.workingDaysBetween(monday, monday)).isZero();
    }

    @Test
    void counting_up_to_the_first_day_of_an_unloaded_year_is_allowed() {
        assertThat(CN.workingDaysBetween(LocalDate.of(2027, 12, 27), LocalDate.of(2028, 1, 1))).isEqualTo(5);
    }
}

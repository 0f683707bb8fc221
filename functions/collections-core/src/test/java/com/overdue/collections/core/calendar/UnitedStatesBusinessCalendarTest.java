package com.overdue.collections.core.calendar;

import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.config.ConfigSource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Expected dates are the observed Federal holidays of 5 U.S.C. 6103 as listed by OPM. */
class UnitedStatesBusinessCalendarTest {

    private static final BusinessCalendar US = EngineConfiguration.calendars(ConfigSource.classpath()).forJurisdiction("US");

    @Test
    void us_independence_day_2026_is_observed_on_friday_the_third() {
        assertThat(US.isWorkingDay(LocalDate.of(2026, 7, 3))).isFalse();
        assertThat(US.holidayOn(LocalDate.of(2026, 7, 3))).hasValueSatisfying(name -> assertThat(name)
                .startsWith("Independence Day"));
        assertThat(US.nextWorkingDayAfter(LocalDate.of(2026, 7, 2))).isEqualTo(LocalDate.of(2026, 7, 6));
    }

    @Test
    void next_working_day_after_a_friday_is_monday() {
        assertThat(US.nextWorkingDayAfter(LocalDate.of(2026, 3, 6))).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void next_working_day_after_a_friday_before_a_monday_holiday_is_tuesday() {
        // Labor Day 2026 is Monday 7 September.
        assertThat(US.nextWorkingDayAfter(LocalDate.of(2026, 9, 4))).isEqualTo(LocalDate.of(2026, 9, 8));
    }

    @Test
    void the_day_after_thanksgiving_is_a_working_day_for_the_federal_calendar() {
        assertThat(US.nextWorkingDayAfter(LocalDate.of(2026, 11, 25))).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void juneteenth_2027_falls_on_a_saturday_and_is_observed_on_friday_the_eighteenth() {
        assertThat(US.isWorkingDay(LocalDate.of(2027, 6, 18))).isFalse();
        assertThat(US.nextWorkingDayAfter(LocalDate.of(2027, 6, 17))).isEqualTo(LocalDate.of(2027, 6, 21));
    }

    @Test
    void independence_day_2027_falls_on_a_sunday_and_is_observed_on_monday_the_fifth() {
        assertThat(US.isWorkingDay(LocalDate.of(2027, 7, 5))).isFalse();
        assertThat(US.nextWorkingDayAfter(LocalDate.of(2027, 7, 2))).isEqualTo(LocalDate.of(2027, 7, 6));
    }

    @Test
    void christmas_2027_is_observed_on_friday_the_twenty_fourth() {
        assertThat(US.isWorkingDay(LocalDate.of(2027, 12, 24))).isFalse();
        assertThat(US.nextWorkingDayAfter(LocalDate.of(2027, 12, 23))).isEqualTo(LocalDate.of(2027, 12, 27));
    }

    @Test
    void new_years_day_2028_is_observed_on_the_last_friday_of_2027() {
        assertThat(US.isWorkingDay(LocalDate.of(2027, 12, 31))).isFalse();
        assertThat(US.holidayOn(LocalDate.of(2027, 12, 31))).hasValueSatisfying(name -> assertThat(name)
                .startsWith("New Year's Day 2028"));
    }

    @Test
    void the_united_states_has_no_make_up_working_weekends() {
        // 10 October 2026 is a make-up Saturday in China, an ordinary Saturday in the United States.
        assertThat(US.isWorkingDay(LocalDate.of(2026, 10, 10))).isFalse();
    }

    @Test
    void the_united_states_has_250_federal_working_days_in_2026() {
        assertThat(US.workingDaysBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1))).isEqualTo(250);
    }

    @Test
    void the_federal_calendar_2025_to_2027_is_official() {
        assertThat(US.isProvisional(LocalDate.of(2027, 6, 1))).isFalse();
    }

    @Test
    void the_last_working_day_of_2027_is_followed_into_2028_by_the_federal_rule_without_a_2028_file() {
        // Friday 31 December 2027 is New Year's Day 2028 observed; Monday 3 January 2028 is the next working day.
        assertThat(US.loadedYears()).doesNotContain(2028);
        assertThat(US.nextWorkingDayAfter(LocalDate.of(2027, 12, 30))).isEqualTo(LocalDate.of(2028, 1, 3));
    }
}

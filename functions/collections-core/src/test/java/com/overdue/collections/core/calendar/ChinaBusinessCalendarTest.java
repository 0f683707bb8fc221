package com.overdue.collections.core.calendar;

import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.config.ConfigSource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Expected dates come from the State Council General Office notices on the 2025 and 2026 holiday arrangements
 * (国务院办公厅关于2025年/2026年部分节假日安排的通知); 2027 from the statutory days, as the notice is not yet known.
 */
class ChinaBusinessCalendarTest {

    private static final BusinessCalendar CN = EngineConfiguration.calendars(ConfigSource.classpath()).forJurisdiction("CN");

    @Test
    void first_working_day_after_national_day_2026_skips_the_golden_week() {
        assertThat(CN.nextWorkingDayAfter(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void every_day_of_the_2026_golden_week_is_a_holiday_even_on_weekdays() {
        LocalDate.of(2026, 10, 1).datesUntil(LocalDate.of(2026, 10, 8))
                .forEach(day -> assertThat(CN.isWorkingDay(day)).as(day.toString()).isFalse());
        assertThat(CN.holidayOn(LocalDate.of(2026, 10, 6))).contains("国庆节 National Day");
    }

    @Test
    void a_make_up_saturday_is_a_working_day_in_china() {
        assertThat(CN.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(CN.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(CN.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
    }

    @Test
    void a_make_up_sunday_is_a_working_day_in_china() {
        assertThat(CN.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(CN.isWorkingDay(LocalDate.of(2025, 1, 26))).isTrue();
        assertThat(CN.isWorkingDay(LocalDate.of(2025, 4, 27))).isTrue();
    }

    @Test
    void an_ordinary_saturday_is_not_a_working_day_in_china() {
        assertThat(CN.isWorkingDay(LocalDate.of(2026, 10, 17))).isFalse();
        assertThat(CN.nextWorkingDayAfter(LocalDate.of(2026, 10, 16))).isEqualTo(LocalDate.of(2026, 10, 19));
    }

    @Test
    void first_reminder_for_a_loan_due_the_friday_before_spring_festival_2026_goes_out_on_the_make_up_saturday() {
        assertThat(CN.nextWorkingDayAfter(LocalDate.of(2026, 2, 13))).isEqualTo(LocalDate.of(2026, 2, 14));
    }

    @Test
    void spring_festival_2026_closes_nine_days_from_the_twenty_eighth_of_the_twelfth_month() {
        LocalDate.of(2026, 2, 15).datesUntil(LocalDate.of(2026, 2, 24))
                .forEach(day -> assertThat(CN.isWorkingDay(day)).as(day.toString()).isFalse());
        assertThat(CN.nextWorkingDayAfter(LocalDate.of(2026, 2, 14))).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void first_working_day_of_2026_in_china_is_sunday_the_fourth() {
        assertThat(CN.nextWorkingDayAfter(LocalDate.of(2025, 12, 31))).isEqualTo(LocalDate.of(2026, 1, 4));
    }

    @Test
    void national_day_and_mid_autumn_2025_are_merged_into_eight_days() {
        assertThat(CN.nextWorkingDayAfter(LocalDate.of(2025, 9, 30))).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(CN.holidayOn(LocalDate.of(2025, 10, 6))).contains("国庆节、中秋节 National Day and Mid-Autumn Festival");
    }

    @Test
    void new_years_day_2025_is_a_single_day_without_make_up_work() {
        assertThat(CN.isWorkingDay(LocalDate.of(2025, 1, 1))).isFalse();
        assertThat(CN.nextWorkingDayAfter(LocalDate.of(2025, 1, 1))).isEqualTo(LocalDate.of(2025, 1, 2));
    }

    @Test
    void three_working_days_after_the_golden_week_eve_land_on_the_make_up_saturday() {
        assertThat(CN.addWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
    }

    @Test
    void october_2026_has_eighteen_working_days_in_china() {
        assertThat(CN.workingDaysBetween(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1))).isEqualTo(18);
    }

    @Test
    void china_has_248_working_days_in_2025_and_in_2026() {
        assertThat(CN.workingDaysBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1))).isEqualTo(248);
        assertThat(CN.workingDaysBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1))).isEqualTo(248);
    }

    @Test
    void calendar_2027_is_provisional_until_the_state_council_notice_is_published() {
        assertThat(CN.isProvisional(LocalDate.of(2027, 3, 1))).isTrue();
        assertThat(CN.isProvisional(LocalDate.of(2026, 3, 1))).isFalse();
        assertThat(CN.isProvisional(LocalDate.of(2025, 3, 1))).isFalse();
    }

    @Test
    void provisional_spring_festival_2027_has_the_four_statutory_days_and_two_make_up_days_off() {
        // 除夕 Fri 5 Feb to 初三 Mon 8 Feb; the Saturday and Sunday among them are made up on Tue 9 and Wed 10.
        LocalDate.of(2027, 2, 5).datesUntil(LocalDate.of(2027, 2, 11))
                .forEach(day -> assertThat(CN.isWorkingDay(day)).as(day.toString()).isFalse());
        assertThat(CN.nextWorkingDayAfter(LocalDate.of(2027, 2, 4))).isEqualTo(LocalDate.of(2027, 2, 11));
    }

    @Test
    void china_calendar_is_kept_in_shanghai_time() {
        assertThat(CN.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(CN.loadedYears()).containsExactly(2025, 2026, 2027);
    }
}

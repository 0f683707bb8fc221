package com.overdue.collections.core.calendar;

import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.config.ConfigSource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * RULES §2 worked examples: CN make-up working days (调休) of 2025, every observed U.S. federal holiday 2025-2027
 * (5 U.S.C. 6103 as listed by OPM), and the first reminder on the first working day after the due date.
 */
class CalendarWorkedExamplesTest {

    private static final BusinessCalendar CN = EngineConfiguration.calendars(ConfigSource.classpath()).forJurisdiction("CN");
    private static final BusinessCalendar US = EngineConfiguration.calendars(ConfigSource.classpath()).forJurisdiction("US");

    @ParameterizedTest(name = "CN {0} ({1}) is a make-up working day")
    @CsvSource({
            "2025-01-26, SUNDAY",   // 春节调休
            "2025-02-08, SATURDAY", // 春节调休
            "2025-04-27, SUNDAY",   // 劳动节调休
            "2025-09-28, SUNDAY",   // 国庆节、中秋节调休
            "2025-10-11, SATURDAY"  // 国庆节、中秋节调休
    })
    void cn_2025_make_up_weekend_days_are_working_days(LocalDate date, DayOfWeek weekday) {
        assertThat(date.getDayOfWeek()).isEqualTo(weekday);
        assertThat(CN.isWorkingDay(date)).isTrue();
        assertThat(CN.holidayOn(date)).isEmpty();
    }

    @ParameterizedTest(name = "CN due {0}: first reminder {1}")
    @CsvSource({
            // Friday before the make-up Sunday: the reminder goes out on Sunday 26 Jan.
            "2025-01-24, 2025-01-26",
            // Monday 27 Jan, the eve of 春节 (28 Jan - 4 Feb): Wednesday 5 Feb.
            "2025-01-27, 2025-02-05",
            // Friday 25 Apr: make-up Sunday 27 Apr.
            "2025-04-25, 2025-04-27",
            // Wednesday 30 Apr, before 劳动节 1-5 May: Tuesday 6 May.
            "2025-04-30, 2025-05-06",
            // Tuesday 30 Sep, before 国庆/中秋 1-8 Oct: Thursday 9 Oct.
            "2025-09-30, 2025-10-09",
            // Friday 10 Oct: make-up Saturday 11 Oct.
            "2025-10-10, 2025-10-11",
            // An ordinary Wednesday: Thursday.
            "2025-03-12, 2025-03-13"
    })
    void the_first_reminder_in_china_goes_out_on_the_first_working_day_after_the_due_date(LocalDate due,
                                                                                         LocalDate reminder) {
        assertThat(CN.nextWorkingDayAfter(due)).isEqualTo(reminder);
        // Never on the due date itself, even when it is a working day.
        assertThat(CN.nextWorkingDayAfter(due)).isAfter(due);
    }

    @ParameterizedTest(name = "US {0} is a federal holiday")
    @CsvSource({
            "2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01",
            "2025-10-13", "2025-11-11", "2025-11-27", "2025-12-25",
            "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07",
            "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25",
            "2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06",
            "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24", "2027-12-31"
    })
    void every_observed_us_federal_holiday_2025_to_2027_is_not_a_working_day(LocalDate date) {
        assertThat(US.isWorkingDay(date)).isFalse();
        assertThat(US.holidayOn(date)).isPresent();
    }

    @Test
    void us_working_days_per_year_are_weekdays_less_observed_holidays() {
        // 2025: 261 weekdays (starts Wednesday, 52 weeks + 1 day) - 11 = 250.
        assertThat(US.workingDaysBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1))).isEqualTo(250);
        // 2027: 261 weekdays (starts Friday) - 12 (11 + New Year 2028 observed Friday 31 Dec 2027) = 249.
        assertThat(US.workingDaysBetween(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1))).isEqualTo(249);
    }

    @ParameterizedTest(name = "US due {0}: first reminder {1}")
    @CsvSource({
            // Friday 17 Jan 2025 before MLK Day (Mon 20 Jan): Tuesday 21 Jan.
            "2025-01-17, 2025-01-21",
            // Wednesday 26 Nov 2025 before Thanksgiving: Friday 28 Nov (a federal working day).
            "2025-11-26, 2025-11-28",
            // Wednesday 24 Dec 2025: Christmas Thursday, so Friday 26 Dec.
            "2025-12-24, 2025-12-26",
            // Thursday 2 Jul 2026, Independence Day observed Friday 3 Jul: Monday 6 Jul.
            "2026-07-02, 2026-07-06",
            // Thursday 23 Dec 2027, Christmas observed Friday 24 Dec: Monday 27 Dec.
            "2027-12-23, 2027-12-27",
            // A Saturday due date: Monday.
            "2026-03-07, 2026-03-09"
    })
    void the_first_reminder_in_the_us_goes_out_on_the_first_working_day_after_the_due_date(LocalDate due,
                                                                                          LocalDate reminder) {
        assertThat(US.nextWorkingDayAfter(due)).isEqualTo(reminder);
    }

    @Test
    void a_cn_make_up_weekend_is_still_a_weekend_in_the_us() {
        // Sunday 26 Jan 2025 is worked in China only.
        LocalDate sunday = LocalDate.of(2025, 1, 26);
        assertThat(CN.isWorkingDay(sunday)).isTrue();
        assertThat(US.isWorkingDay(sunday)).isFalse();
    }
}

package com.overdue.collections.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.overdue.collections.core.calendar.BusinessCalendar;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every mistake in a calendar file stops the load with a message naming the file and the key. */
class CalendarFilesTest {

    /** The broken calendars of src/test/resources, one jurisdiction folder per mistake. */
    private final CalendarFiles loader = new CalendarFiles(new ConfigReader(ConfigSource.classpath()), "calendars/TEST");

    @Test
    void the_weekend_is_data_so_a_friday_saturday_weekend_works() {
        BusinessCalendar calendar = loader.load("VALID");

        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 4))).as("Friday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 5))).as("make-up Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 6))).as("Sunday").isTrue();
        assertThat(calendar.nextWorkingDayAfter(LocalDate.of(2030, 12, 31))).isEqualTo(LocalDate.of(2031, 1, 1));
        assertThat(calendar.isProvisional(LocalDate.of(2030, 6, 1))).isTrue();
        assertThat(calendar.loadedYears()).containsExactly(2030, 2031);
    }

    @Test
    void the_shipped_calendars_load_from_the_classpath_config_folder() {
        CalendarFiles shipped = new CalendarFiles(new ConfigReader(ConfigSource.classpath()), CalendarFiles.FOLDER);

        assertThat(shipped.load("CN").loadedYears()).containsExactly(2025, 2026, 2027);
        assertThat(shipped.load("US").loadedYears()).containsExactly(2025, 2026, 2027);
    }

    @Test
    void a_bad_date_is_reported_with_the_file_and_the_key() {
        assertThatThrownBy(() -> loader.load("BAD_DATE"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "config/calendars/TEST/BAD_DATE/2030.json: holidays[3].date: not a date \"2030-13-01\"");
    }

    @Test
    void a_holiday_that_is_also_a_working_weekend_is_rejected() {
        assertThatThrownBy(() -> loader.load("HOLIDAY_ALSO_WORKING"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("config/calendars/TEST/HOLIDAY_ALSO_WORKING/2030.json: workingWeekends[0].date: "
                        + "2030-01-05 is also a holiday (holidays[1])");
    }

    @Test
    void a_date_outside_the_files_year_is_rejected() {
        assertThatThrownBy(() -> loader.load("OUTSIDE_YEAR"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("config/calendars/TEST/OUTSIDE_YEAR/2030.json: holidays[0].date: "
                        + "2031-01-01 is outside the file's year 2030");
    }

    @Test
    void a_missing_key_is_named() {
        assertThatThrownBy(() -> loader.load("MISSING_SOURCE"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("config/calendars/TEST/MISSING_SOURCE/2030.json: source: missing");
    }

    @Test
    void a_misspelt_key_is_rejected_rather_than_ignored() {
        assertThatThrownBy(() -> loader.load("UNKNOWN_KEY"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("config/calendars/TEST/UNKNOWN_KEY/2030.json: holiday: unknown key");
    }

    @Test
    void a_make_up_working_day_on_a_weekday_is_rejected_as_a_typo() {
        assertThatThrownBy(() -> loader.load("WORKING_WEEKDAY"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("config/calendars/TEST/WORKING_WEEKDAY/2030.json: workingWeekends[0].date: "
                        + "2030-01-07 is a MONDAY, not a weekend day");
    }

    @Test
    void the_same_holiday_listed_twice_is_rejected() {
        assertThatThrownBy(() -> loader.load("DUPLICATE_HOLIDAY"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("config/calendars/TEST/DUPLICATE_HOLIDAY/2030.json: holidays[1].date: "
                        + "2030-01-01 is listed twice (also holidays[0])");
    }

    @Test
    void a_status_other_than_official_or_provisional_is_rejected() {
        assertThatThrownBy(() -> loader.load("BAD_STATUS"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("config/calendars/TEST/BAD_STATUS/2030.json: status: "
                        + "expected \"official\" or \"provisional\" but was \"draft\"");
    }

    @Test
    void a_file_in_the_wrong_jurisdiction_folder_is_rejected() {
        assertThatThrownBy(() -> loader.load("WRONG_JURISDICTION"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("config/calendars/TEST/WRONG_JURISDICTION/2030.json: jurisdiction: "
                        + "expected \"WRONG_JURISDICTION\" (the folder it is in) but was \"CN\"");
    }

    @Test
    void a_file_whose_year_differs_from_its_name_is_rejected() {
        assertThatThrownBy(() -> loader.load("WRONG_YEAR"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("config/calendars/TEST/WRONG_YEAR/2030.json: year: "
                        + "expected 2030 (the file name) but was 2029");
    }

    @Test
    void a_year_listed_in_the_index_without_its_file_is_rejected() {
        assertThatThrownBy(() -> loader.load("MISSING_YEAR_FILE"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("config/calendars/TEST/MISSING_YEAR_FILE/index.json: years[1]: 2031 is listed but "
                        + "config/calendars/TEST/MISSING_YEAR_FILE/2031.json is not on the classpath");
    }

    @Test
    void an_index_without_years_is_rejected() {
        assertThatThrownBy(() -> loader.load("NO_YEARS"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("config/calendars/TEST/NO_YEARS/index.json: jurisdiction: unknown key");
    }

    @Test
    void years_of_one_jurisdiction_must_share_a_time_zone() {
        assertThatThrownBy(() -> loader.load("MIXED_ZONES"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("config/calendars/TEST/MIXED_ZONES/2031.json: timeZone: America/New_York differs from "
                        + "Asia/Shanghai in config/calendars/TEST/MIXED_ZONES/2030.json");
    }

    @Test
    void a_file_that_is_not_json_is_named() {
        assertThatThrownBy(() -> loader.load("NOT_JSON"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("config/calendars/TEST/NOT_JSON/2030.json: not valid JSON: ");
    }

    @Test
    void an_unknown_jurisdiction_names_the_missing_index() {
        assertThatThrownBy(() -> loader.load("XX"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no business calendar for jurisdiction \"XX\": "
                        + "config/calendars/TEST/XX/index.json is not on the classpath");
    }

    @Test
    void a_jurisdiction_code_cannot_reach_outside_the_calendars_folder() {
        assertThatThrownBy(() -> loader.load("../CN"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a jurisdiction code \"../CN\"");
    }
}

package com.overdue.collections.core.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.overdue.collections.core.config.ConfigSource;
import com.overdue.collections.core.config.EngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The computed US Federal holidays against OPM's published observed dates, and against the US year files. */
class UsFederalHolidaysTest {

    private static final UsFederalHolidays RULE = new UsFederalHolidays();
    private static final BusinessCalendar US = EngineConfiguration.calendars(ConfigSource.classpath())
            .forJurisdiction("US");

    private static List<LocalDate> dates(int year) {
        return List.copyOf(RULE.year(year).orElseThrow().holidays().keySet().stream().sorted().toList());
    }

    private static List<LocalDate> of(String... isoDates) {
        return java.util.Arrays.stream(isoDates).map(LocalDate::parse).toList();
    }

    @Test
    void year_2023_new_years_day_and_veterans_day_are_observed_on_the_neighbouring_weekday() {
        assertThat(dates(2023)).containsExactlyElementsOf(of("2023-01-02", "2023-01-16", "2023-02-20",
                "2023-05-29", "2023-06-19", "2023-07-04", "2023-09-04", "2023-10-09", "2023-11-10", "2023-11-23",
                "2023-12-25"));
    }

    @Test
    void year_2027_observes_christmas_on_friday_the_24th_and_new_years_day_2028_on_friday_the_31st() {
        assertThat(dates(2027)).containsExactlyElementsOf(of("2027-01-01", "2027-01-18", "2027-02-15",
                "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25",
                "2027-12-24", "2027-12-31"));
        assertThat(RULE.year(2027).orElseThrow().holidays().get(LocalDate.of(2027, 12, 31)))
                .isEqualTo("New Year's Day 2028 (observed; 2028-01-01 is a Saturday)");
    }

    @Test
    void year_2028_has_no_new_years_holiday_in_january_because_it_was_observed_in_2027() {
        assertThat(dates(2028)).containsExactlyElementsOf(of("2028-01-17", "2028-02-21", "2028-05-29",
                "2028-06-19", "2028-07-04", "2028-09-04", "2028-10-09", "2028-11-10", "2028-11-23",
                "2028-12-25"));
    }

    @Test
    void year_2021_is_the_first_with_juneteenth_and_2020_has_none() {
        assertThat(dates(2021)).containsExactlyElementsOf(of("2021-01-01", "2021-01-18", "2021-02-15",
                "2021-05-31", "2021-06-18", "2021-07-05", "2021-09-06", "2021-10-11", "2021-11-11", "2021-11-25",
                "2021-12-24", "2021-12-31"));
        assertThat(dates(2020)).containsExactlyElementsOf(of("2020-01-01", "2020-01-20", "2020-02-17",
                "2020-05-25", "2020-07-03", "2020-09-07", "2020-10-12", "2020-11-11", "2020-11-26",
                "2020-12-25"));
    }

    @Test
    void year_2024_and_2030() {
        assertThat(dates(2024)).containsExactlyElementsOf(of("2024-01-01", "2024-01-15", "2024-02-19",
                "2024-05-27", "2024-06-19", "2024-07-04", "2024-09-02", "2024-10-14", "2024-11-11", "2024-11-28",
                "2024-12-25"));
        assertThat(dates(2030)).containsExactlyElementsOf(of("2030-01-01", "2030-01-21", "2030-02-18",
                "2030-05-27", "2030-06-19", "2030-07-04", "2030-09-02", "2030-10-14", "2030-11-11", "2030-11-28",
                "2030-12-25"));
    }

    @Test
    void years_before_1978_are_not_computed_and_the_calendar_says_the_year_is_not_loaded() {
        assertThat(RULE.year(1977)).isEmpty();
        assertThatThrownBy(() -> US.isWorkingDay(LocalDate.of(1977, 3, 1)))
                .isInstanceOf(CalendarNotLoadedException.class).hasMessageContaining("US 1977");
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026, 2027})
    void the_computed_holidays_equal_the_published_dates_of_the_us_year_files(int year) throws Exception {
        Map<LocalDate, String> file = new TreeMap<>();
        try (InputStream in = getClass().getResourceAsStream("/config/calendars/US/" + year + ".json")) {
            JsonNode json = new ObjectMapper().readTree(in);
            json.path("holidays").forEach(h -> file.put(LocalDate.parse(h.path("date").asText()),
                    h.path("name").asText()));
            assertThat(json.path("workingWeekends")).isEmpty();
        }
        assertThat(dates(year)).containsExactlyElementsOf(file.keySet());
    }

    @Test
    void the_us_calendar_answers_for_2023_from_the_rule() {
        // Friday 13 January 2023, then the weekend and Martin Luther King Jr. Day on Monday the 16th.
        assertThat(US.nextWorkingDayAfter(LocalDate.of(2023, 1, 13))).isEqualTo(LocalDate.of(2023, 1, 17));
        assertThat(US.holidayOn(LocalDate.of(2023, 11, 10)))
                .hasValue("Veterans Day (observed; 2023-11-11 is a Saturday)");
        assertThat(US.isProvisional(LocalDate.of(2023, 6, 1))).isFalse();
        // Walking backwards across the year boundary: Monday 2 January 2023 is New Year's Day observed.
        assertThat(US.addWorkingDays(LocalDate.of(2023, 1, 3), -1)).isEqualTo(LocalDate.of(2022, 12, 30));
    }

    @Test
    void a_year_file_adds_a_one_off_closure_to_the_rule() {
        CalendarYear closure = new CalendarYear(2026, UsFederalHolidays.ZONE,
                java.util.EnumSet.of(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY),
                CalendarYear.Status.OFFICIAL, "Executive order (example)",
                Map.of(LocalDate.of(2026, 12, 24), "Federal offices closed"), Map.of());
        BusinessCalendar calendar = new BusinessCalendar("US", List.of(RULE.year(2026).orElseThrow()
                .withOverrides(closure)), RULE);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 24))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(calendar.nextWorkingDayAfter(LocalDate.of(2026, 12, 23))).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(calendar.isWorkingDay(LocalDate.of(2029, 12, 24))).isTrue();
    }

    @Test
    void china_still_has_no_computed_years() {
        BusinessCalendar cn = EngineConfiguration.calendars(ConfigSource.classpath()).forJurisdiction("CN");
        assertThatThrownBy(() -> cn.nextWorkingDayAfter(LocalDate.of(2023, 5, 4)))
                .isInstanceOf(CalendarNotLoadedException.class).hasMessageContaining("CN 2023");
    }
}

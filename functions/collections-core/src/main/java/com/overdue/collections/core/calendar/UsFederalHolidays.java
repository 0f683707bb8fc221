package com.overdue.collections.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The US Federal holidays of 5 U.S.C. 6103 computed for any year from 1978 on, at their observed dates. */
public final class UsFederalHolidays implements HolidayRule {

    /** The rule's name in a jurisdiction's {@code index.json} ({@code "rule": "US_FEDERAL"}). */
    public static final String NAME = "US_FEDERAL";

    /**
     * Veterans Day is back on 11 November since 1978 (it was the fourth Monday of October 1971-1977), so every rule
     * below holds from then on; earlier years are refused rather than computed wrongly.
     */
    public static final int FIRST_YEAR = 1978;

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final String SOURCE = "5 U.S.C. 6103(a), computed; observed per 5 U.S.C. 6103(b) (Saturday -> preceding"
            + " Friday) and Executive Order 11582 sec. 3(a) (Sunday -> following Monday)";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ZoneId timeZone() {
        return ZONE;
    }

    @Override
    public Optional<CalendarYear> year(int year) {
        if (year < FIRST_YEAR) {
            return Optional.empty();
        }
        return Optional.of(new CalendarYear(year, ZONE, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                CalendarYear.Status.OFFICIAL, SOURCE, observedIn(year), Map.of()));
    }

    /** The observed holidays that fall in the year, with the names OPM uses. */
    static Map<LocalDate, String> observedIn(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        fixed(days, year, LocalDate.of(year, Month.JANUARY, 1), "New Year's Day");
        days.put(nth(year, Month.JANUARY, 3, DayOfWeek.MONDAY), "Birthday of Martin Luther King, Jr.");
        days.put(nth(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY), "Washington's Birthday");
        days.put(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
                "Memorial Day");
        if (year >= 2021) {
            // Juneteenth National Independence Day Act, Pub. L. 117-17 (17 June 2021).
            fixed(days, year, LocalDate.of(year, Month.JUNE, 19), "Juneteenth National Independence Day");
        }
        fixed(days, year, LocalDate.of(year, Month.JULY, 4), "Independence Day");
        days.put(nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY), "Labor Day");
        days.put(nth(year, Month.OCTOBER, 2, DayOfWeek.MONDAY), "Columbus Day");
        fixed(days, year, LocalDate.of(year, Month.NOVEMBER, 11), "Veterans Day");
        days.put(nth(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY), "Thanksgiving Day");
        fixed(days, year, LocalDate.of(year, Month.DECEMBER, 25), "Christmas Day");
        // New Year's Day of the next year on a Saturday is observed on Friday 31 December of this one.
        fixed(days, year, LocalDate.of(year + 1, Month.JANUARY, 1), "New Year's Day " + (year + 1));
        return days;
    }

    /** Adds a fixed-date holiday at its observed date when that date is in the year. */
    private static void fixed(Map<LocalDate, String> days, int year, LocalDate actual, String name) {
        LocalDate observed = observed(actual);
        if (observed.getYear() == year) {
            days.put(observed, observed.equals(actual) ? name
                    : name + " (observed; " + actual + " is a " + title(actual.getDayOfWeek()) + ")");
        }
    }

    /** Saturday moves to the Friday before, Sunday to the Monday after; any other day stays. */
    static LocalDate observed(LocalDate actual) {
        return switch (actual.getDayOfWeek()) {
            case SATURDAY -> actual.minusDays(1);
            case SUNDAY -> actual.plusDays(1);
            default -> actual;
        };
    }

    private static LocalDate nth(int year, Month month, int n, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    private static String title(DayOfWeek day) {
        String n = day.name();
        return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}

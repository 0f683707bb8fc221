package com.overdue.collections.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One jurisdiction's official (or provisional) working-day rules for one calendar year, as published.
 *
 * @param year            the calendar year every listed date belongs to
 * @param timeZone        the jurisdiction's reference time zone
 * @param weekend         the days of the week that are not working days unless listed in {@code workingWeekends}
 * @param status          whether the dates come from the published notice or were derived ahead of it
 * @param source          citation of the notice or law the dates come from
 * @param holidays        public holidays (observed dates) and their names
 * @param workingWeekends weekend days declared working days (CN 调休 make-up days) and their names
 */
public record CalendarYear(
        int year,
        ZoneId timeZone,
        Set<DayOfWeek> weekend,
        Status status,
        String source,
        Map<LocalDate, String> holidays,
        Map<LocalDate, String> workingWeekends) {

    /** Whether a year's dates are the published ones or a derivation awaiting publication. */
    public enum Status {
        OFFICIAL,
        PROVISIONAL
    }

    public CalendarYear {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        weekend = Set.copyOf(weekend);
        holidays = Map.copyOf(holidays);
        workingWeekends = Map.copyOf(workingWeekends);
        for (LocalDate date : holidays.keySet()) {
            requireInYear(year, date);
        }
        for (LocalDate date : workingWeekends.keySet()) {
            requireInYear(year, date);
            if (holidays.containsKey(date)) {
                throw new IllegalArgumentException(date + " cannot be both a holiday and a working weekend day");
            }
        }
    }

    /**
     * This year (computed by a rule) with a year file's days on top: its holidays are added (its name wins on a
     * date both list, e.g. a one-off closure), its make-up working days apply, and its status and source are kept
     * beside the rule's.
     */
    public CalendarYear withOverrides(CalendarYear overrides) {
        if (overrides.year() != year) {
            throw new IllegalArgumentException("overrides for " + overrides.year() + " cannot apply to " + year);
        }
        Map<LocalDate, String> merged = new java.util.HashMap<>(holidays);
        merged.putAll(overrides.holidays());
        overrides.workingWeekends().keySet().forEach(merged::remove);
        return new CalendarYear(year, overrides.timeZone(), overrides.weekend(), overrides.status(),
                overrides.source() + "; " + source, merged, overrides.workingWeekends());
    }

    /** True unless the date is a weekend day or a holiday; a make-up working day wins over the weekend. */
    public boolean isWorkingDay(LocalDate date) {
        if (date.getYear() != year) {
            throw new IllegalArgumentException(date + " is not in " + year);
        }
        if (workingWeekends.containsKey(date)) {
            return true;
        }
        return !holidays.containsKey(date) && !weekend.contains(date.getDayOfWeek());
    }

    // Static: a compact constructor assigns the fields only after its body has run.
    private static void requireInYear(int year, LocalDate date) {
        if (date.getYear() != year) {
            throw new IllegalArgumentException(date + " is outside the calendar year " + year);
        }
    }
}

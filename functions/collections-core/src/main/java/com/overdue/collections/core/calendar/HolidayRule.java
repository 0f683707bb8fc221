package com.overdue.collections.core.calendar;

import java.time.ZoneId;
import java.util.Optional;

/** Computes a jurisdiction's calendar year from standing law, for jurisdictions whose holidays follow fixed rules. */
public interface HolidayRule {

    /** The name a jurisdiction's {@code index.json} selects the rule by. */
    String name();

    /** The reference zone of every year the rule computes. */
    ZoneId timeZone();

    /** The year as the rule gives it, or empty for a year the rule does not cover (then nothing is guessed). */
    Optional<CalendarYear> year(int year);

    /** The rule of that name; empty when no rule is called so. */
    static Optional<HolidayRule> named(String name) {
        return UsFederalHolidays.NAME.equals(name) ? Optional.of(new UsFederalHolidays()) : Optional.empty();
    }
}

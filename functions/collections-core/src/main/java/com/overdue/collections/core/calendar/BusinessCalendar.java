package com.overdue.collections.core.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Answers working-day questions for one jurisdiction: from its loaded year files, and, for a jurisdiction whose
 * holidays follow standing law (US), from its {@link HolidayRule} for every other year.
 */
public final class BusinessCalendar {

    private final String jurisdiction;
    private final ZoneId timeZone;
    private final NavigableMap<Integer, CalendarYear> years;
    private final HolidayRule rule;
    /** Years computed by the rule, kept so a walk across a year does not recompute it for every day. */
    private final ConcurrentMap<Integer, CalendarYear> computed = new ConcurrentHashMap<>();

    /** A calendar of the given years only (CN: published yearly, so any other year is not loaded). */
    public BusinessCalendar(String jurisdiction, Collection<CalendarYear> years) {
        this(jurisdiction, years, null);
    }

    /**
     * A calendar whose years come from the rule, except the given years, which are used as they are (they already
     * carry the rule's days plus their overrides, see {@link CalendarYear#withOverrides}).
     *
     * @param rule null when every year must be loaded from a file
     */
    public BusinessCalendar(String jurisdiction, Collection<CalendarYear> years, HolidayRule rule) {
        this.jurisdiction = Objects.requireNonNull(jurisdiction, "jurisdiction");
        this.rule = rule;
        if (years.isEmpty() && rule == null) {
            throw new IllegalArgumentException("a business calendar for " + jurisdiction + " needs at least one year");
        }
        NavigableMap<Integer, CalendarYear> byYear = new TreeMap<>();
        for (CalendarYear year : years) {
            if (byYear.put(year.year(), year) != null) {
                throw new IllegalArgumentException(jurisdiction + " " + year.year() + " is given twice");
            }
        }
        this.timeZone = rule != null ? rule.timeZone() : byYear.firstEntry().getValue().timeZone();
        for (CalendarYear year : byYear.values()) {
            if (!year.timeZone().equals(timeZone)) {
                // Mixed zones would make "which day is today" depend on the year asked about.
                throw new IllegalArgumentException(jurisdiction + " " + year.year() + " is in " + year.timeZone()
                        + " but " + (rule != null ? "rule " + rule.name() : byYear.firstKey()) + " is in "
                        + timeZone);
            }
        }
        this.years = Collections.unmodifiableNavigableMap(byYear);
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    /** The jurisdiction's reference zone; a loan's own zone still decides which local date "today" is. */
    public ZoneId timeZone() {
        return timeZone;
    }

    /** The years read from files; with a rule, every other year is computed on first use. */
    public List<Integer> loadedYears() {
        return List.copyOf(years.keySet());
    }

    public boolean isWorkingDay(LocalDate date) {
        return yearOf(date).isWorkingDay(date);
    }

    /** The holiday's name when the date is a public holiday (observed date), so decisions can say why. */
    public Optional<String> holidayOn(LocalDate date) {
        return Optional.ofNullable(yearOf(date).holidays().get(date));
    }

    /** True when the date's year was derived ahead of the official notice; decisions should say so. */
    public boolean isProvisional(LocalDate date) {
        return yearOf(date).status() == CalendarYear.Status.PROVISIONAL;
    }

    /** The first working day strictly after the date, e.g. the day the first reminder goes out after a due date. */
    public LocalDate nextWorkingDayAfter(LocalDate date) {
        return addWorkingDays(date, 1);
    }

    /**
     * Moves by the given number of working days, not counting the start date: +1 is the next working day, -1 the
     * previous one, and 0 returns the date itself even when it is not a working day.
     */
    public LocalDate addWorkingDays(LocalDate date, int workingDays) {
        yearOf(date);
        int step = Integer.signum(workingDays);
        long remaining = Math.abs((long) workingDays);
        LocalDate day = date;
        while (remaining > 0) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                remaining--;
            }
        }
        return day;
    }

    /** Working days in [from, toExclusive); negative when toExclusive is before from, as in java.time. */
    public int workingDaysBetween(LocalDate from, LocalDate toExclusive) {
        Objects.requireNonNull(toExclusive, "toExclusive");
        if (toExclusive.isBefore(from)) {
            return -workingDaysBetween(toExclusive, from);
        }
        yearOf(from);
        int count = 0;
        for (LocalDate day = from; day.isBefore(toExclusive); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private CalendarYear yearOf(LocalDate date) {
        Objects.requireNonNull(date, "date");
        CalendarYear year = years.get(date.getYear());
        if (year == null && rule != null) {
            year = computed.computeIfAbsent(date.getYear(), y -> rule.year(y).orElse(null));
        }
        if (year == null) {
            throw new CalendarNotLoadedException(jurisdiction, date.getYear(), years.keySet());
        }
        return year;
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + jurisdiction + " " + years.keySet() + (rule == null ? "" : " + " + rule.name())
                + "]";
    }
}

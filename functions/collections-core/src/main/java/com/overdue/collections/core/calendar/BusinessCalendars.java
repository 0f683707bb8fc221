package com.overdue.collections.core.calendar;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/** Registry of business calendars by jurisdiction code, each loaded once and then shared. */
public final class BusinessCalendars {

    private final Function<String, BusinessCalendar> loader;
    private final ConcurrentMap<String, BusinessCalendar> byJurisdiction = new ConcurrentHashMap<>();

    /**
     * @param loader reads a jurisdiction's calendar (the configuration's calendar files); throws
     *               {@link IllegalArgumentException} for a jurisdiction without one
     */
    public BusinessCalendars(Function<String, BusinessCalendar> loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /**
     * The calendar for a jurisdiction such as {@code CN} or {@code US}. A failed load is not remembered, so the same
     * clear error comes back on every call instead of a half-loaded calendar.
     *
     * @throws IllegalArgumentException when the jurisdiction has no calendar
     * @throws IllegalStateException    when one of its files is invalid
     */
    public BusinessCalendar forJurisdiction(String jurisdiction) {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        return byJurisdiction.computeIfAbsent(jurisdiction, loader);
    }
}

package com.overdue.collections.core.calendar;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Raised when a working-day question concerns a year whose calendar is not loaded for the jurisdiction. */
public final class CalendarNotLoadedException extends RuntimeException {

    private final String jurisdiction;
    private final int year;

    public CalendarNotLoadedException(String jurisdiction, int year, Collection<Integer> loadedYears) {
        super("no business calendar is loaded for " + jurisdiction + " " + year
                + " (loaded years: " + describe(loadedYears) + "); working days are never guessed from weekends alone,"
                + " add the " + jurisdiction + " " + year + " calendar file and list it in the jurisdiction's index");
        this.jurisdiction = jurisdiction;
        this.year = year;
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    public int year() {
        return year;
    }

    private static String describe(Collection<Integer> years) {
        if (years.isEmpty()) {
            return "none";
        }
        return List.copyOf(years).stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
    }
}

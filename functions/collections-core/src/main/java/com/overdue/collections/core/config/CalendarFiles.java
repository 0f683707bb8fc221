package com.overdue.collections.core.config;

import com.overdue.collections.core.calendar.BusinessCalendar;
import com.overdue.collections.core.calendar.CalendarYear;
import com.overdue.collections.core.calendar.HolidayRule;
import com.overdue.collections.core.calendar.UsFederalHolidays;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Loads a jurisdiction's business calendar from the year files its {@code calendars/<J>/index.json} lists. */
final class CalendarFiles {

    /** Where the calendars are, relative to the configuration root. */
    static final String FOLDER = "calendars";
    static final String INDEX_SCHEMA = "calendars/index.schema.json";
    static final String YEAR_SCHEMA = "calendars/calendar.schema.json";

    // Upper-case codes only, which also keeps a caller's string from walking out of the calendars folder.
    private static final Pattern JURISDICTION = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** {@code rule}: the holiday rule that computes every year without a file; null for data-only calendars. */
    record Index(List<Integer> years, String rule) {
    }

    record YearFile(String jurisdiction, int year, String timeZone, List<DayOfWeek> weekend, String status,
                    String source, List<Day> holidays, List<Day> workingWeekends) {
    }

    record Day(String date, String name) {
    }

    private final ConfigReader reader;
    private final String folder;

    CalendarFiles(ConfigReader reader, String folder) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /**
     * Loads every year the jurisdiction's index lists. The index is read instead of scanning the classpath, which a
     * native image cannot do.
     *
     * @throws IllegalArgumentException when no calendar exists for the jurisdiction
     * @throws IllegalStateException    when a file is invalid; the message names the file and the key
     */
    BusinessCalendar load(String jurisdiction) {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        if (!JURISDICTION.matcher(jurisdiction).matches()) {
            throw new IllegalArgumentException("not a jurisdiction code \"" + jurisdiction
                    + "\" (expected upper-case letters, digits or _, such as CN or US)");
        }
        String dir = folder + "/" + jurisdiction;
        String indexPath = dir + "/index.json";
        var index = reader.readIfPresent(indexPath, INDEX_SCHEMA, Index.class).orElseThrow(() ->
                new IllegalArgumentException("no business calendar for jurisdiction \"" + jurisdiction + "\": "
                        + reader.source().name(indexPath) + " is not on the classpath"));
        HolidayRule rule = null;
        if (index.value().rule() != null) {
            rule = HolidayRule.named(index.value().rule()).orElseThrow(() -> index.error("rule",
                    "no holiday rule is called \"" + index.value().rule() + "\" (known: " + UsFederalHolidays.NAME
                            + ")"));
        }
        List<CalendarYear> years = new ArrayList<>();
        String firstName = null;
        for (int i = 0; i < index.value().years().size(); i++) {
            int year = index.value().years().get(i);
            String path = dir + "/" + year + ".json";
            String at = "years[" + i + "]";
            var file = reader.readIfPresent(path, YEAR_SCHEMA, YearFile.class).orElseThrow(() -> index.error(at,
                    year + " is listed but " + reader.source().name(path) + " is not on the classpath"));
            CalendarYear calendarYear = year(file, jurisdiction, year);
            if (rule != null) {
                if (!calendarYear.timeZone().equals(rule.timeZone())) {
                    throw file.error("timeZone", calendarYear.timeZone() + " differs from " + rule.timeZone()
                            + " of rule " + rule.name());
                }
                // With a rule, a year file only adds to what the law gives (a one-off closure, say).
                CalendarYear fromFile = calendarYear;
                calendarYear = rule.year(year).map(computed -> computed.withOverrides(fromFile)).orElse(fromFile);
            }
            if (!years.isEmpty() && !years.get(0).timeZone().equals(calendarYear.timeZone())) {
                throw file.error("timeZone", calendarYear.timeZone() + " differs from " + years.get(0).timeZone()
                        + " in " + firstName);
            }
            if (years.isEmpty()) {
                firstName = file.name();
            }
            years.add(calendarYear);
        }
        return new BusinessCalendar(jurisdiction, years, rule);
    }

    /** The calendar year a file describes, checked against the folder and file name it was found under. */
    private static CalendarYear year(ConfigReader.Parsed<YearFile> file, String jurisdiction, int year) {
        YearFile f = file.value();
        if (!f.jurisdiction().equals(jurisdiction)) {
            throw file.error("jurisdiction", "expected \"" + jurisdiction + "\" (the folder it is in) but was \""
                    + f.jurisdiction() + "\"");
        }
        if (f.year() != year) {
            throw file.error("year", "expected " + year + " (the file name) but was " + f.year());
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(f.timeZone());
        } catch (DateTimeException e) {
            throw file.error("timeZone", "not a time zone \"" + f.timeZone() + "\"");
        }
        Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        weekend.addAll(f.weekend());
        Map<LocalDate, Integer> holidayIndex = new HashMap<>();
        Map<LocalDate, String> holidays = days(file, "holidays", f.holidays(), year, holidayIndex);
        // Listed order, so that a file with several mistakes always reports the same one first.
        Map<LocalDate, Integer> workingIndex = new LinkedHashMap<>();
        Map<LocalDate, String> workingWeekends = days(file, "workingWeekends", f.workingWeekends(), year,
                workingIndex);
        for (Map.Entry<LocalDate, Integer> working : workingIndex.entrySet()) {
            LocalDate date = working.getKey();
            String key = "workingWeekends[" + working.getValue() + "].date";
            if (holidayIndex.containsKey(date)) {
                throw file.error(key, date + " is also a holiday (holidays[" + holidayIndex.get(date) + "])");
            }
            if (!weekend.contains(date.getDayOfWeek())) {
                // A make-up working day on a weekday changes nothing, so it is almost certainly a typo.
                throw file.error(key, date + " is a " + date.getDayOfWeek() + ", not a weekend day");
            }
        }
        CalendarYear.Status status = f.status().equals("official") ? CalendarYear.Status.OFFICIAL
                : CalendarYear.Status.PROVISIONAL;
        return new CalendarYear(year, zone, weekend, status, f.source(), holidays, workingWeekends);
    }

    private static Map<LocalDate, String> days(ConfigReader.Parsed<YearFile> file, String field, List<Day> list,
                                               int year, Map<LocalDate, Integer> indexOf) {
        Map<LocalDate, String> byDate = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String key = field + "[" + i + "].date";
            LocalDate date = file.date(key, list.get(i).date());
            if (date.getYear() != year) {
                throw file.error(key, date + " is outside the file's year " + year);
            }
            Integer earlier = indexOf.putIfAbsent(date, i);
            if (earlier != null) {
                throw file.error(key, date + " is listed twice (also " + field + "[" + earlier + "])");
            }
            byDate.put(date, list.get(i).name());
        }
        return byDate;
    }
}

package com.overdue.collections.core.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads one calendar file's JSON tree (a jurisdiction's index or one year), naming file and key in every error. */
final class CalendarFile {

    private static final Set<String> KEYS =
            Set.of("jurisdiction", "year", "timeZone", "weekend", "status", "source", "holidays", "workingWeekends");
    private static final Set<String> ENTRY_KEYS = Set.of("date", "name");

    private final String file;

    CalendarFile(String file) {
        this.file = file;
    }

    String name() {
        return file;
    }

    /** The years an index file lists, in the order listed. */
    List<Integer> years(JsonNode root) {
        requireObject(root);
        rejectUnknownKeys(root, Set.of("years"), "");
        JsonNode list = array(root, "years", "years");
        if (list.isEmpty()) {
            throw error("years", "lists no year");
        }
        List<Integer> years = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String key = "years[" + i + "]";
            JsonNode year = list.get(i);
            if (!year.isIntegralNumber() || !year.canConvertToInt()) {
                throw error(key, "expected a year but was " + year);
            }
            if (years.contains(year.intValue())) {
                throw error(key, year.intValue() + " is listed twice");
            }
            years.add(year.intValue());
        }
        return years;
    }

    /** The calendar year a year file describes, checked against the folder and file name it was found under. */
    CalendarYear calendarYear(JsonNode root, String jurisdiction, int year) {
        requireObject(root);
        rejectUnknownKeys(root, KEYS, "");
        String declaredJurisdiction = text(root, "jurisdiction", "jurisdiction");
        if (!declaredJurisdiction.equals(jurisdiction)) {
            throw error("jurisdiction", "expected \"" + jurisdiction + "\" (the folder it is in) but was \""
                    + declaredJurisdiction + "\"");
        }
        int declaredYear = integer(root, "year", "year");
        if (declaredYear != year) {
            throw error("year", "expected " + year + " (the file name) but was " + declaredYear);
        }
        ZoneId timeZone = zone(root);
        Set<DayOfWeek> weekend = weekend(root);
        CalendarYear.Status status = status(root);
        String source = text(root, "source", "source");
        Map<LocalDate, Integer> holidayIndex = new HashMap<>();
        Map<LocalDate, String> holidays = entries(root, "holidays", year, holidayIndex);
        // Listed order, so that a file with several mistakes always reports the same one first.
        Map<LocalDate, Integer> workingIndex = new LinkedHashMap<>();
        Map<LocalDate, String> workingWeekends = entries(root, "workingWeekends", year, workingIndex);
        for (Map.Entry<LocalDate, Integer> working : workingIndex.entrySet()) {
            LocalDate date = working.getKey();
            String key = "workingWeekends[" + working.getValue() + "].date";
            if (holidayIndex.containsKey(date)) {
                throw error(key, date + " is also a holiday (holidays[" + holidayIndex.get(date) + "])");
            }
            if (!weekend.contains(date.getDayOfWeek())) {
                // A make-up working day on a weekday changes nothing, so it is almost certainly a typo.
                throw error(key, date + " is a " + date.getDayOfWeek() + ", not a weekend day");
            }
        }
        return new CalendarYear(year, timeZone, weekend, status, source, holidays, workingWeekends);
    }

    private ZoneId zone(JsonNode root) {
        String id = text(root, "timeZone", "timeZone");
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw error("timeZone", "not a time zone \"" + id + "\"");
        }
    }

    private Set<DayOfWeek> weekend(JsonNode root) {
        JsonNode days = array(root, "weekend", "weekend");
        Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < days.size(); i++) {
            String key = "weekend[" + i + "]";
            DayOfWeek day = dayOfWeek(days.get(i), key);
            if (!weekend.add(day)) {
                throw error(key, day + " is listed twice");
            }
        }
        return weekend;
    }

    private DayOfWeek dayOfWeek(JsonNode day, String key) {
        try {
            if (day.isTextual()) {
                return DayOfWeek.valueOf(day.asText());
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the value that was found
        }
        throw error(key, "not a day of the week " + day + " (expected e.g. \"SATURDAY\")");
    }

    private CalendarYear.Status status(JsonNode root) {
        String status = text(root, "status", "status");
        return switch (status) {
            case "official" -> CalendarYear.Status.OFFICIAL;
            case "provisional" -> CalendarYear.Status.PROVISIONAL;
            default -> throw error("status", "expected \"official\" or \"provisional\" but was \"" + status + "\"");
        };
    }

    private Map<LocalDate, String> entries(JsonNode root, String field, int year, Map<LocalDate, Integer> indexOf) {
        JsonNode list = array(root, field, field);
        Map<LocalDate, String> byDate = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String key = field + "[" + i + "]";
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                throw error(key, "expected an object with \"date\" and \"name\" but was " + entry);
            }
            rejectUnknownKeys(entry, ENTRY_KEYS, key + ".");
            LocalDate date = date(entry, key + ".date");
            if (date.getYear() != year) {
                throw error(key + ".date", date + " is outside the file's year " + year);
            }
            String name = text(entry, "name", key + ".name");
            Integer earlier = indexOf.putIfAbsent(date, i);
            if (earlier != null) {
                throw error(key + ".date", date + " is listed twice (also " + field + "[" + earlier + "])");
            }
            byDate.put(date, name);
        }
        return byDate;
    }

    private LocalDate date(JsonNode entry, String key) {
        String text = text(entry, "date", key);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error(key, "not a date \"" + text + "\" (expected yyyy-MM-dd)");
        }
    }

    private void requireObject(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw error("(root)", "expected a JSON object");
        }
    }

    private void rejectUnknownKeys(JsonNode node, Set<String> allowed, String prefix) {
        // A misspelt key would otherwise be ignored silently and its dates lost.
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(prefix + name, "unknown key (expected " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    private JsonNode array(JsonNode parent, String field, String key) {
        JsonNode node = required(parent, field, key);
        if (!node.isArray()) {
            throw error(key, "expected an array but was " + node);
        }
        return node;
    }

    private String text(JsonNode parent, String field, String key) {
        JsonNode node = required(parent, field, key);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw error(key, "expected a non-empty string but was " + node);
        }
        return node.asText();
    }

    private int integer(JsonNode parent, String field, String key) {
        JsonNode node = required(parent, field, key);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw error(key, "expected a whole number but was " + node);
        }
        return node.intValue();
    }

    private JsonNode required(JsonNode parent, String field, String key) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw error(key, "missing");
        }
        return node;
    }

    private IllegalStateException error(String key, String problem) {
        return new IllegalStateException(file + ": " + key + ": " + problem);
    }
}

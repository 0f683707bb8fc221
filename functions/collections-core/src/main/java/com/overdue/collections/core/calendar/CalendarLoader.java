package com.overdue.collections.core.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** Loads a jurisdiction's business calendar from the classpath files listed in its {@code index.json}. */
public final class CalendarLoader {

    /** Where {@code infra/config/calendars} lands on the classpath. */
    public static final String DEFAULT_ROOT = "config/calendars";

    // Upper-case codes only, which also keeps a caller's string from walking out of the calendars folder.
    private static final Pattern JURISDICTION = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final ClassLoader classLoader;
    private final String root;
    private final ObjectMapper json =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    public CalendarLoader() {
        this(CalendarLoader.class.getClassLoader(), DEFAULT_ROOT);
    }

    public CalendarLoader(ClassLoader classLoader, String root) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.root = Objects.requireNonNull(root, "root");
    }

    /**
     * Loads every year the jurisdiction's index lists. The index is read instead of scanning the classpath, which a
     * native image cannot do.
     *
     * @throws IllegalArgumentException when no calendar exists for the jurisdiction
     * @throws IllegalStateException    when a file is invalid; the message names the file and the key
     */
    public BusinessCalendar load(String jurisdiction) {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        if (!JURISDICTION.matcher(jurisdiction).matches()) {
            throw new IllegalArgumentException("not a jurisdiction code \"" + jurisdiction
                    + "\" (expected upper-case letters, digits or _, such as CN or US)");
        }
        String folder = root + "/" + jurisdiction;
        CalendarFile index = new CalendarFile(folder + "/index.json");
        JsonNode indexTree = read(index).orElseThrow(() -> new IllegalArgumentException(
                "no business calendar for jurisdiction \"" + jurisdiction + "\": " + index.name()
                        + " is not on the classpath"));
        List<Integer> years = index.years(indexTree);
        List<CalendarYear> calendarYears = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            int year = years.get(i);
            String listedAt = index.name() + ": years[" + i + "]";
            CalendarFile file = new CalendarFile(folder + "/" + year + ".json");
            JsonNode tree = read(file).orElseThrow(() -> new IllegalStateException(
                    listedAt + ": " + year + " is listed but " + file.name() + " is not on the classpath"));
            CalendarYear calendarYear = file.calendarYear(tree, jurisdiction, year);
            if (!calendarYears.isEmpty() && !calendarYears.get(0).timeZone().equals(calendarYear.timeZone())) {
                CalendarYear first = calendarYears.get(0);
                throw new IllegalStateException(file.name() + ": timeZone: " + calendarYear.timeZone()
                        + " differs from " + first.timeZone() + " in " + folder + "/" + first.year() + ".json");
            }
            calendarYears.add(calendarYear);
        }
        return new BusinessCalendar(jurisdiction, calendarYears);
    }

    private Optional<JsonNode> read(CalendarFile file) {
        try (InputStream in = classLoader.getResourceAsStream(file.name())) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(json.readTree(in));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(file.name() + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(file.name() + ": cannot be read", e);
        }
    }
}

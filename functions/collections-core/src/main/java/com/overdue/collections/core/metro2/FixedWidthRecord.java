package com.overdue.collections.core.metro2;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * One 426-character Metro 2 record being filled field by field: alphanumeric fields left-justified and blank-filled,
 * numeric fields right-justified and zero-filled, dates MMDDYYYY (zero-filled when absent). Positions never written
 * stay blank. Values must already be in the Metro 2 character set and fit: the writer decides how to make them fit.
 */
final class FixedWidthRecord {

    static final int LENGTH = 426;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMddyyyy");
    private static final DateTimeFormatter TIME_STAMP = DateTimeFormatter.ofPattern("MMddyyyyHHmmss");

    private final char[] chars = new char[LENGTH];

    FixedWidthRecord() {
        Arrays.fill(chars, ' ');
    }

    FixedWidthRecord alphanumeric(Metro2Field field, String value) {
        if (value.length() > field.length()) {
            throw new IllegalArgumentException(
                    field + " holds " + field.length() + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (!Metro2CharacterSet.isAllowed(value.charAt(i))) {
                throw new IllegalArgumentException(field + " got a character outside the Metro 2 character set");
            }
        }
        return place(field, value + " ".repeat(field.length() - value.length()));
    }

    FixedWidthRecord numeric(Metro2Field field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " cannot hold a negative number");
        }
        String digits = Long.toString(value);
        if (digits.length() > field.length()) {
            throw new IllegalArgumentException(field + " holds " + field.length() + " digits, got " + digits.length());
        }
        return place(field, "0".repeat(field.length() - digits.length()) + digits);
    }

    /** Digits kept as text so that leading zeros (a record descriptor word, an SSN) survive. */
    FixedWidthRecord digits(Metro2Field field, String digits) {
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(field + " takes digits only");
        }
        if (digits.length() > field.length()) {
            throw new IllegalArgumentException(field + " holds " + field.length() + " digits, got " + digits.length());
        }
        return place(field, "0".repeat(field.length() - digits.length()) + digits);
    }

    FixedWidthRecord date(Metro2Field field, LocalDate date) {
        return place(field, date == null ? "0".repeat(field.length()) : DATE.format(date));
    }

    FixedWidthRecord timeStamp(Metro2Field field, LocalDateTime timeStamp) {
        return place(field, TIME_STAMP.format(timeStamp));
    }

    private FixedWidthRecord place(Metro2Field field, String text) {
        if (text.length() != field.length()) {
            throw new IllegalArgumentException(field + " is " + field.length() + " wide, value is " + text.length());
        }
        text.getChars(0, text.length(), chars, field.start() - 1);
        return this;
    }

    String text() {
        return new String(chars);
    }
}

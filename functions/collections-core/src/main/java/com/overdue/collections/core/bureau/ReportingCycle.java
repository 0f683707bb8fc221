package com.overdue.collections.core.bureau;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The monthly reporting cycle: the day of the month whose end the file reports (a fixed day 1–28, or the last day of
 * the month), and the time zone that decides which date "today" is for the scheduler.
 *
 * @param day null for the last day of each month (month-end reporting), else 1–28 (every month has it)
 */
public record ReportingCycle(Integer day, ZoneId zone) {

    public ReportingCycle {
        Objects.requireNonNull(zone, "zone");
        if (day != null && (day < 1 || day > 28)) {
            throw new IllegalArgumentException("cycle day must be 1..28 or LAST, was " + day);
        }
    }

    public static ReportingCycle monthEnd(ZoneId zone) {
        return new ReportingCycle(null, zone);
    }

    /** The cycle date of a month. */
    public LocalDate cycleDateOf(YearMonth month) {
        return day == null ? month.atEndOfMonth() : month.atDay(day);
    }

    /**
     * The most recent cycle date strictly before {@code today}: the scheduler runs the day after the cycle ends,
     * when every payment of the cycle date has been received, and a late run still reports the right cycle.
     */
    public LocalDate latestCompletedBefore(LocalDate today) {
        LocalDate thisMonth = cycleDateOf(YearMonth.from(today));
        return thisMonth.isBefore(today) ? thisMonth : cycleDateOf(YearMonth.from(today).minusMonths(1));
    }

    /**
     * The date a cycle's file is dated (header Date Created, manifest {@code createdOn}): the day after the cycle
     * date, the first day the scheduler reports it. Derived from the cycle rather than read off the clock, so a
     * late run or a re-run writes the same bytes.
     */
    public LocalDate fileDateOf(LocalDate cycleDate) {
        return cycleDate.plusDays(1);
    }

    /** Every cycle date in [from, to], oldest first. */
    public List<LocalDate> cycleDatesBetween(LocalDate from, LocalDate to) {
        List<LocalDate> dates = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            LocalDate date = cycleDateOf(m);
            if (!date.isBefore(from) && !date.isAfter(to)) {
                dates.add(date);
            }
        }
        return dates;
    }

    public boolean isCycleDate(LocalDate date) {
        return cycleDateOf(YearMonth.from(date)).equals(date);
    }
}

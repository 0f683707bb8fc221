package com.overdue.collections.core.product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** An effective-dated reference rate, e.g. China's one-year LPR: each value is in force until the next one. */
public record RateSeries(String name, NavigableMap<LocalDate, BigDecimal> values) {

    public RateSeries {
        values = new TreeMap<>(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("rate series " + name + " has no values");
        }
    }

    public BigDecimal rateOn(LocalDate date) {
        Map.Entry<LocalDate, BigDecimal> e = values.floorEntry(date);
        if (e == null) {
            throw new IllegalStateException("rate series " + name + " has no value in force on " + date
                    + " (first value from " + values.firstKey() + ")");
        }
        return e.getValue();
    }
}

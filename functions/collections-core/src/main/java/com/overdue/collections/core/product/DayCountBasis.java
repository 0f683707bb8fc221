package com.overdue.collections.core.product;

/** How many days a year has for daily penalty interest: ACT/365 (default) or ACT/360. */
public enum DayCountBasis {
    ACT_365(365), ACT_360(360);

    private final int daysInYear;

    DayCountBasis(int daysInYear) {
        this.daysInYear = daysInYear;
    }

    public int daysInYear() {
        return daysInYear;
    }
}

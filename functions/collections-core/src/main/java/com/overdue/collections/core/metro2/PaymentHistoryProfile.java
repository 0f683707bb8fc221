package com.overdue.collections.core.metro2;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The 24-month Metro 2 Payment History Profile (field 18), most recent month first, with the pure month shift.
 *
 * <p>Per the Credit Reporting Resource Guide the first character is the month <em>before</em> the Date of Account
 * Information; the current month is told by the Account Status. So each monthly cycle shifts in the code of the
 * previous cycle ({@link AccountStatusPolicy} gives it) and the oldest month falls off the end.
 */
public record PaymentHistoryProfile(String value) {

    public static final int MONTHS = 24;

    public PaymentHistoryProfile {
        Objects.requireNonNull(value, "value");
        if (value.length() != MONTHS) {
            throw new IllegalArgumentException(
                    "Payment history profile must be " + MONTHS + " characters, was " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            PaymentHistoryCode.fromCode(value.charAt(i));
        }
    }

    /** A new account: no history for any of the 24 months ('B' throughout). */
    public static PaymentHistoryProfile noHistory() {
        return new PaymentHistoryProfile(String.valueOf(PaymentHistoryCode.NO_HISTORY_PRIOR.code()).repeat(MONTHS));
    }

    public static PaymentHistoryProfile of(String value) {
        return new PaymentHistoryProfile(value);
    }

    /** Shifts one month: {@code newest} becomes the first character, the oldest month drops off. */
    public PaymentHistoryProfile shift(PaymentHistoryCode newest) {
        Objects.requireNonNull(newest, "newest");
        return new PaymentHistoryProfile(newest.code() + value.substring(0, MONTHS - 1));
    }

    /** Shifts several months in the order they happened (oldest first). */
    public PaymentHistoryProfile shiftAll(List<PaymentHistoryCode> monthsOldestFirst) {
        PaymentHistoryProfile profile = this;
        for (PaymentHistoryCode month : monthsOldestFirst) {
            profile = profile.shift(month);
        }
        return profile;
    }

    /** The month codes, most recent first. */
    public List<PaymentHistoryCode> months() {
        List<PaymentHistoryCode> months = new ArrayList<>(MONTHS);
        for (int i = 0; i < MONTHS; i++) {
            months.add(PaymentHistoryCode.fromCode(value.charAt(i)));
        }
        return List.copyOf(months);
    }

    @Override
    public String toString() {
        return value;
    }
}

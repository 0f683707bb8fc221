package com.overdue.collections.core.metro2;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps where a loan stands (days past due, charged off, paid or closed) to its Metro 2 Account Status, Payment Rating
 * and the month's Payment History code, per RULES §7.
 *
 * <p>The day bands are the Metro 2 format's own (the Credit Reporting Resource Guide), not a business choice, so they
 * are fixed here rather than configured: 0–29 DPD is reported as current (11), then 30-day bands up to 180+ (84).
 */
public final class AccountStatusPolicy {

    /** Days past due from which Metro 2 reports an account delinquent (71) and counts an amount as past due. */
    public static final int FIRST_DELINQUENT_DAYS = 30;

    private record Band(int fromDaysPastDue, AccountStatus status, PaymentRating rating, PaymentHistoryCode month) {
    }

    /** Highest band first, so the first band whose lower bound the DPD reaches is the one. */
    private static final List<Band> BANDS = List.of(
            new Band(180, AccountStatus.PAST_DUE_180_PLUS, PaymentRating.PAST_DUE_180_PLUS,
                    PaymentHistoryCode.PAST_DUE_180_PLUS),
            new Band(150, AccountStatus.PAST_DUE_150_179, PaymentRating.PAST_DUE_150_179,
                    PaymentHistoryCode.PAST_DUE_150_179),
            new Band(120, AccountStatus.PAST_DUE_120_149, PaymentRating.PAST_DUE_120_149,
                    PaymentHistoryCode.PAST_DUE_120_149),
            new Band(90, AccountStatus.PAST_DUE_90_119, PaymentRating.PAST_DUE_90_119,
                    PaymentHistoryCode.PAST_DUE_90_119),
            new Band(60, AccountStatus.PAST_DUE_60_89, PaymentRating.PAST_DUE_60_89,
                    PaymentHistoryCode.PAST_DUE_60_89),
            new Band(FIRST_DELINQUENT_DAYS, AccountStatus.PAST_DUE_30_59, PaymentRating.PAST_DUE_30_59,
                    PaymentHistoryCode.PAST_DUE_30_59),
            new Band(0, AccountStatus.CURRENT, PaymentRating.CURRENT, PaymentHistoryCode.CURRENT));

    public ReportedStatus classify(AccountStanding standing) {
        Objects.requireNonNull(standing, "standing");
        if (standing.chargedOff()) {
            // The charge-off stays in the history ('L') after the balance is paid: 64 says "paid, was a charge-off".
            AccountStatus status = standing.paidOrClosed()
                    ? AccountStatus.PAID_AFTER_CHARGE_OFF
                    : AccountStatus.CHARGED_OFF;
            return new ReportedStatus(status, Optional.empty(), PaymentHistoryCode.CHARGE_OFF);
        }
        Band band = bandFor(standing.daysPastDue());
        boolean nothingOwed = standing.currentBalance().signum() <= 0;
        PaymentHistoryCode month = nothingOwed && band.status() == AccountStatus.CURRENT
                ? PaymentHistoryCode.ZERO_BALANCE_CURRENT
                : band.month();
        if (standing.paidOrClosed()) {
            // The Payment Rating tells how the account stood when it was paid or closed.
            return new ReportedStatus(AccountStatus.PAID_OR_CLOSED, Optional.of(band.rating()), month);
        }
        return new ReportedStatus(band.status(), Optional.empty(), month);
    }

    private static Band bandFor(int daysPastDue) {
        for (Band band : BANDS) {
            if (daysPastDue >= band.fromDaysPastDue()) {
                return band;
            }
        }
        throw new IllegalStateException("No band for " + daysPastDue + " days past due");
    }
}

package com.overdue.collections.core.metro2;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Where a loan stands at the end of a reporting cycle, in the terms the Metro 2 status mapping needs.
 *
 * @param daysPastDue    DPD of the oldest unpaid installment (RULES §1), 0 when nothing is unpaid
 * @param currentBalance what the borrower owes at the Date of Account Information
 * @param chargedOff     the balance was written off as a loss
 * @param paidOrClosed   the account is paid in full (or settled) or otherwise closed with nothing more to collect
 */
public record AccountStanding(int daysPastDue, BigDecimal currentBalance, boolean chargedOff, boolean paidOrClosed) {

    public AccountStanding {
        if (daysPastDue < 0) {
            throw new IllegalArgumentException("daysPastDue must not be negative: " + daysPastDue);
        }
        Objects.requireNonNull(currentBalance, "currentBalance");
    }

    public static AccountStanding open(int daysPastDue, BigDecimal currentBalance) {
        return new AccountStanding(daysPastDue, currentBalance, false, false);
    }

    public static AccountStanding chargedOff(int daysPastDue, BigDecimal currentBalance) {
        return new AccountStanding(daysPastDue, currentBalance, true, false);
    }

    public static AccountStanding paid() {
        return new AccountStanding(0, BigDecimal.ZERO, false, true);
    }

    public static AccountStanding paidAfterChargeOff() {
        return new AccountStanding(0, BigDecimal.ZERO, true, true);
    }
}

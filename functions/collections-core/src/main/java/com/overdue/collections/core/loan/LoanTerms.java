package com.overdue.collections.core.loan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/** What was agreed when the loan was booked: product, currency, jurisdiction, time zone and schedule. */
public record LoanTerms(
        String loanId,
        String borrowerId,
        String productCode,
        Currency currency,
        String jurisdiction,
        ZoneId timeZone,
        Money principal,
        LocalDate disbursedOn,
        List<ScheduledInstallment> schedule) {

    public LoanTerms {
        schedule = schedule.stream()
                .sorted(Comparator.comparing(ScheduledInstallment::dueDate).thenComparingInt(ScheduledInstallment::seq))
                .toList();
    }

    public Money zero() {
        return Money.zero(currency);
    }
}

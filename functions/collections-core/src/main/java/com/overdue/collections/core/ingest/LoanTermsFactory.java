package com.overdue.collections.core.ingest;

import com.overdue.collections.core.ingest.EventPayload.LoanBooked;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.loan.ScheduledInstallment;

import java.time.ZoneId;
import java.util.Currency;

/** Builds the loan's terms from its LoanBooked event. */
public final class LoanTermsFactory {

    private LoanTermsFactory() {
    }

    public static LoanTerms from(String loanId, LoanBooked booked) {
        Currency currency = Currency.getInstance(booked.currency());
        return new LoanTerms(loanId, booked.borrowerId(), booked.productCode(), currency, booked.jurisdiction(),
                ZoneId.of(booked.timeZone()), new Money(booked.principal(), currency), booked.disbursedOn(),
                booked.installments().stream()
                        .map(i -> new ScheduledInstallment(i.seq(), i.dueDate(), new Money(i.principal(), currency),
                                new Money(i.interest(), currency), new Money(i.fees(), currency)))
                        .toList());
    }
}

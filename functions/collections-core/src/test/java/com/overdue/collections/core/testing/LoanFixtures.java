package com.overdue.collections.core.testing;

import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.loan.ScheduledInstallment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

/** Loans for tests: CNY, Asia/Shanghai, schedules written out line by line so the arithmetic can be read. */
public final class LoanFixtures {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final Currency CNY = Currency.getInstance("CNY");

    private LoanFixtures() {
    }

    public static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    public static ScheduledInstallment installment(int seq, LocalDate dueDate, String principal, String interest,
                                                   String fees) {
        return new ScheduledInstallment(seq, dueDate, cny(principal), cny(interest), cny(fees));
    }

    /** A CNY loan in Asia/Shanghai whose principal is the sum of the scheduled principal. */
    public static LoanTerms terms(String loanId, LocalDate disbursedOn, ScheduledInstallment... schedule) {
        return terms(loanId, disbursedOn, Arrays.asList(schedule));
    }

    public static LoanTerms terms(String loanId, LocalDate disbursedOn, List<ScheduledInstallment> schedule) {
        Money principal = schedule.stream().map(ScheduledInstallment::principal).reduce(Money.zero(CNY), Money::plus);
        return new LoanTerms(loanId, "B-" + loanId, "CONSUMER-INSTALMENT", CNY, "CN", SHANGHAI, principal,
                disbursedOn, schedule);
    }

    /** The instant of a wall-clock hour on a date in Shanghai. */
    public static Instant shanghai(LocalDate date, int hour) {
        return date.atTime(LocalTime.of(hour, 0)).atZone(SHANGHAI).toInstant();
    }
}

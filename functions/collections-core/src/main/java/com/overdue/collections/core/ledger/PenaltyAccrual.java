package com.overdue.collections.core.ledger;

import com.overdue.collections.core.loan.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One installment-day of penalty interest: the day, the installment, the base it accrued on, the annual rate in
 * force, the days it covers (more than 1 only when back-dating after grace), and the rounded amount. This is what a
 * finance team reconciles: {@code amount = round(base × annualRate × days / basis, minor unit, HALF_EVEN)},
 * possibly reduced by the cap on total penalty.
 */
public record PenaltyAccrual(LocalDate day, int seq, int daysPastDue, Money base, BigDecimal annualRate, int days,
                             int basis, Money amount, boolean capped) {
}

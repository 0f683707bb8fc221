package com.overdue.collections.core.penalty;

import com.overdue.collections.core.loan.Money;

/** A correction of penalty already posted on one installment (signed), because the past changed. */
public record PenaltyAdjustment(int seq, Money amount, String reason) {
}

package com.overdue.collections.core.penalty;

import com.overdue.collections.core.ledger.PenaltyAccrual;
import com.overdue.collections.core.loan.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One immutable penalty posting of a loan: either the accruals of one calendar day ({@code PEN#<day>}) or the
 * adjustments found on one business date ({@code PEN#<date>#ADJ#<n>}). Each carries the cumulative penalty posted per
 * installment after it, so the latest posting alone says what has been posted so far.
 */
public record PostedPenalty(String loanId, LocalDate day, int adjustmentNo, LocalDate postedOn,
                            List<PenaltyAccrual> accruals, List<PenaltyAdjustment> adjustments,
                            Map<Integer, Money> cumulative) {

    public PostedPenalty {
        accruals = List.copyOf(accruals);
        adjustments = List.copyOf(adjustments);
        cumulative = new TreeMap<>(cumulative);
    }

    public boolean isAdjustment() {
        return adjustmentNo > 0;
    }

    /** The business key: {@code PEN#2026-01-05} or {@code PEN#2026-01-05#ADJ#1}; sorts in posting order. */
    public String key() {
        return "PEN#" + day + (isAdjustment() ? "#ADJ#" + adjustmentNo : "");
    }
}

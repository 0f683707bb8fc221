package com.overdue.collections.core.penalty;

import com.overdue.collections.core.ledger.PenaltyAccrual;
import com.overdue.collections.core.loan.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One immutable penalty posting of a loan: either the accruals of one calendar day ({@code DPI#<day>}) or the
 * adjustments found on one business date ({@code DPI#<date>#ADJ#<nnnn>}). Each carries the cumulative penalty posted per
 * installment after it, so the latest posting alone says what has been posted so far.
 */
public record PostedPenalty(String loanId, LocalDate day, int adjustmentNo, LocalDate postedOn,
                            List<PenaltyAccrual> accruals, List<PenaltyAdjustment> adjustments,
                            Map<Integer, Money> cumulative) {

    /**
     * The prefix of every posting's key: {@code DPI} for default (penalty) interest, RULES §3. In the loan's
     * DynamoDB partition it sorts after the escalation decisions ({@code DECISION#…}) and right before the escalation
     * state, the events and the snapshot ({@code ESCALATION}, {@code EVT#…}, {@code META}), so that one key range
     * from a day's posting to {@code META} reads a work item's working set without the older postings.
     */
    public static final String KEY_PREFIX = "DPI#";

    /** Adjustment numbers are written with this many digits so that the keys sort as numbers. */
    private static final int MAX_ADJUSTMENT_NO = 9999;

    public PostedPenalty {
        if (adjustmentNo < 0 || adjustmentNo > MAX_ADJUSTMENT_NO) {
            throw new IllegalArgumentException("adjustment number must be 0.." + MAX_ADJUSTMENT_NO + ", was "
                    + adjustmentNo);
        }
        accruals = List.copyOf(accruals);
        adjustments = List.copyOf(adjustments);
        cumulative = new TreeMap<>(cumulative);
    }

    public boolean isAdjustment() {
        return adjustmentNo > 0;
    }

    /**
     * The business key: {@code DPI#2026-01-05} or {@code DPI#2026-01-05#ADJ#0001}; sorts in posting order as a
     * string (the adjustment number is zero-padded: {@code ADJ#10} would sort before {@code ADJ#9}).
     */
    public String key() {
        return KEY_PREFIX + day + (isAdjustment() ? String.format("#ADJ#%04d", adjustmentNo) : "");
    }
}

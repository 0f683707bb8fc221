package com.overdue.collections.core.port;

import com.overdue.collections.core.ledger.SettlementOffer;

import java.util.List;

/**
 * The settlement offers made to a loan, with the terms as they were offered on the day (never re-read from the
 * ladder configuration, which may have changed since). Every replay of a loan's history is given them, so a
 * qualifying payment derives the same waiver in ingest, penalty accrual, escalation, reminders and the credit export.
 */
public interface SettlementOffers {

    /** No offers (a deployment or test without settlement offers). */
    SettlementOffers NONE = loanId -> List.of();

    /** Every offer made to the loan, oldest first; empty when none was. */
    List<SettlementOffer.Terms> madeTo(String loanId);
}

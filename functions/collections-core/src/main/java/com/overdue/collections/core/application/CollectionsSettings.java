package com.overdue.collections.core.application;

import com.overdue.collections.core.delinquency.DelinquencyEvaluator;
import com.overdue.collections.core.delinquency.DelinquencyPolicy;
import com.overdue.collections.core.ingest.LoanReplay;
import com.overdue.collections.core.ledger.AllocationRule;
import com.overdue.collections.core.ledger.LoanLedger;

/** The engine's rule objects built once from configuration and shared by the use cases. */
public record CollectionsSettings(LoanLedger ledger, LoanReplay replay, DelinquencyEvaluator evaluator,
                                  ReviewSchedule reviewSchedule) {

    public static CollectionsSettings of(AllocationRule allocation, DelinquencyPolicy delinquency, int reviewShards) {
        LoanLedger ledger = new LoanLedger(allocation);
        return new CollectionsSettings(ledger, new LoanReplay(ledger), new DelinquencyEvaluator(delinquency),
                new ReviewSchedule(reviewShards));
    }

    public static CollectionsSettings defaults(int reviewShards) {
        return of(AllocationRule.DEFAULT, DelinquencyPolicy.DEFAULT, reviewShards);
    }
}

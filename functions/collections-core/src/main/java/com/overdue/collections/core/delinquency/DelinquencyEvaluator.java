package com.overdue.collections.core.delinquency;

import com.overdue.collections.core.ledger.InstallmentPosition;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.Money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes a {@link DelinquencyStatus} from a loan position with the configured {@link DelinquencyPolicy}. */
public final class DelinquencyEvaluator {

    private final DelinquencyPolicy policy;

    public DelinquencyEvaluator(DelinquencyPolicy policy) {
        this.policy = policy;
    }

    public DelinquencyPolicy policy() {
        return policy;
    }

    public DelinquencyStatus evaluate(LoanPosition position) {
        Money zero = position.terms().zero();
        Map<String, Money> byBucket = new LinkedHashMap<>();
        policy.buckets().forEach(b -> byBucket.put(b.name(), zero));
        List<DelinquencyStatus.InstallmentDelinquency> late = new ArrayList<>();
        Money overdue = zero;
        for (InstallmentPosition i : position.installments()) {
            int dpd = i.daysPastDue(position.asOf());
            if (dpd <= 0) {
                continue; // not due yet, paid, or its ageing paused by a hardship plan since it fell due
            }
            String bucket = policy.bucketOf(dpd);
            Money amount = i.remaining().scheduledTotal();
            byBucket.merge(bucket, amount, Money::plus);
            overdue = overdue.plus(amount);
            late.add(new DelinquencyStatus.InstallmentDelinquency(i.seq(), i.dueDate(), dpd, bucket, amount));
        }
        int loanDpd = position.daysPastDue();
        return new DelinquencyStatus(position.asOf(), loanDpd, policy.severityOf(loanDpd), policy.bucketOf(loanDpd),
                overdue, byBucket, late);
    }
}

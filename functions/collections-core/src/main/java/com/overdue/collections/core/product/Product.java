package com.overdue.collections.core.product;

import com.overdue.collections.core.product.AllocationRule;

/**
 * A lending product's collection configuration: penalty terms, repayment allocation, promise-to-pay grace, and
 * whether its borrowers get the courtesy reminder before each due date (the days and channels are the cadence's).
 */
public record Product(String productCode, String jurisdiction, String currency, PenaltyTerms penalty,
                      AllocationRule allocation, int promiseHoldGraceDays, boolean courtesyReminder) {

    /** A product without the courtesy reminder. */
    public Product(String productCode, String jurisdiction, String currency, PenaltyTerms penalty,
                   AllocationRule allocation, int promiseHoldGraceDays) {
        this(productCode, jurisdiction, currency, penalty, allocation, promiseHoldGraceDays, false);
    }
}

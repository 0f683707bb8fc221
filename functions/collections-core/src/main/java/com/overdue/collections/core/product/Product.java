package com.overdue.collections.core.product;

import com.overdue.collections.core.product.AllocationRule;

/** A lending product's collection configuration: penalty terms, repayment allocation, promise-to-pay grace. */
public record Product(String productCode, String jurisdiction, String currency, PenaltyTerms penalty,
                      AllocationRule allocation, int promiseHoldGraceDays) {
}

package com.overdue.collections.core.product;

/** No configuration exists for a product code: a loan of it cannot be booked (never a default guess). */
public final class UnknownProductException extends RuntimeException {
    public UnknownProductException(String productCode, java.util.Set<String> known) {
        super("no configuration for product \"" + productCode + "\" (configured: " + known + ")", null, false, false);
    }
}

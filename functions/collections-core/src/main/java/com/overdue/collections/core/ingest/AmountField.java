package com.overdue.collections.core.ingest;

import java.math.BigDecimal;

/** A money amount read from an event, with its path, so its scale can be checked against the loan's currency. */
public record AmountField(String path, BigDecimal value) {
}

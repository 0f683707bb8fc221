package com.overdue.collections.core.ledger;

import java.time.LocalDate;

/** Why and when the lending platform closed the loan (LoanClosed). */
public record LoanClosure(String reason, LocalDate on) {
}

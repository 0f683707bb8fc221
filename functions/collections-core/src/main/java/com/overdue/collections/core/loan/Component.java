package com.overdue.collections.core.loan;

/** The parts an installment's amount due is made of, in the default order a repayment pays them (RULES §4). */
public enum Component {
    PENALTY, FEES, INTEREST, PRINCIPAL
}

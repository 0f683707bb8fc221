package com.overdue.collections.core.escalation;

import com.overdue.collections.core.loan.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the ladder looks at for one loan on one business date: days past due, overdue amount, outstanding balance,
 * the legal flags, the last payment, when each stage of the open episode was entered, and the holds in force.
 */
public record EscalationFacts(LocalDate businessDate, int daysPastDue, Money overdue, Money balance,
                              Set<String> legalFlags, LocalDate lastPaymentOn, Map<String, LocalDate> stagesEntered,
                              List<String> holds) {

    public EscalationFacts {
        legalFlags = Set.copyOf(legalFlags);
        stagesEntered = Map.copyOf(stagesEntered);
        holds = List.copyOf(holds);
    }
}

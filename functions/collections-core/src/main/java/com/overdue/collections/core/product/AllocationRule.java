package com.overdue.collections.core.product;

import com.overdue.collections.core.loan.Component;

import java.util.List;

/**
 * How a repayment is spread over what is due (RULES §4): the component order, and whether each installment is
 * settled in full before the next ({@link Style#PER_INSTALLMENT}) or each component across all installments first
 * ({@link Style#PER_COMPONENT}). Installments are always taken oldest first.
 */
public record AllocationRule(List<Component> order, Style style) {

    /** The seeds' default: penalty first (先扣罚息), then fees, interest and principal, installment by installment. */
    public static final AllocationRule DEFAULT =
            new AllocationRule(List.of(Component.PENALTY, Component.FEES, Component.INTEREST, Component.PRINCIPAL),
                    Style.PER_INSTALLMENT);

    /** Whether the waterfall runs inside one installment at a time, or one component at a time. */
    public enum Style { PER_INSTALLMENT, PER_COMPONENT }

    public AllocationRule {
        if (order.size() != Component.values().length || order.stream().distinct().count() != order.size()) {
            throw new IllegalArgumentException("allocation order must name each component once: " + order);
        }
        order = List.copyOf(order);
    }
}

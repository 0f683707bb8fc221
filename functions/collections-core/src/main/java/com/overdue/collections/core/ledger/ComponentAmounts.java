package com.overdue.collections.core.ledger;

import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.Money;

import java.util.Currency;

/** One amount per installment component (penalty, fees, interest, principal). */
public record ComponentAmounts(Money penalty, Money fees, Money interest, Money principal) {

    public static ComponentAmounts zero(Currency currency) {
        Money zero = Money.zero(currency);
        return new ComponentAmounts(zero, zero, zero, zero);
    }

    public Money get(Component component) {
        return switch (component) {
            case PENALTY -> penalty;
            case FEES -> fees;
            case INTEREST -> interest;
            case PRINCIPAL -> principal;
        };
    }

    public ComponentAmounts with(Component component, Money value) {
        return switch (component) {
            case PENALTY -> new ComponentAmounts(value, fees, interest, principal);
            case FEES -> new ComponentAmounts(penalty, value, interest, principal);
            case INTEREST -> new ComponentAmounts(penalty, fees, value, principal);
            case PRINCIPAL -> new ComponentAmounts(penalty, fees, interest, value);
        };
    }

    public ComponentAmounts minus(ComponentAmounts other) {
        return new ComponentAmounts(penalty.minus(other.penalty), fees.minus(other.fees),
                interest.minus(other.interest), principal.minus(other.principal));
    }

    public ComponentAmounts plus(ComponentAmounts other) {
        return new ComponentAmounts(penalty.plus(other.penalty), fees.plus(other.fees),
                interest.plus(other.interest), principal.plus(other.principal));
    }

    /** Principal, interest and fees: what makes an installment unpaid (penalty is reported separately). */
    public Money scheduledTotal() {
        return principal.plus(interest).plus(fees);
    }

    public Money total() {
        return scheduledTotal().plus(penalty);
    }
}

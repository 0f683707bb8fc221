package com.overdue.collections.core.escalation;

import com.overdue.collections.core.loan.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * One entry condition of a ladder step (RULES §6), a small named policy: a step is entered when all of its
 * conditions hold. {@link #isWait()} marks the compliance waits (a notice some days before the next step), which
 * even a broken promise cannot skip.
 */
public sealed interface StepCondition {

    boolean holds(EscalationFacts facts);

    /** A short phrase for the decision's explanation, e.g. "DPD 91 >= 90". */
    String explain(EscalationFacts facts);

    default boolean isWait() {
        return false;
    }

    /** Days past due at least {@code days}. */
    record MinDaysPastDue(int days) implements StepCondition {
        public boolean holds(EscalationFacts f) {
            return f.daysPastDue() >= days;
        }

        public String explain(EscalationFacts f) {
            return "DPD " + f.daysPastDue() + " >= " + days;
        }
    }

    /** Overdue amount at least the threshold of the loan's currency. */
    record MinOverdue(Map<String, BigDecimal> byCurrency) implements StepCondition {
        public MinOverdue {
            byCurrency = Map.copyOf(byCurrency);
        }

        public boolean holds(EscalationFacts f) {
            return f.overdue().amount().compareTo(threshold(byCurrency, f.overdue(), "minOverdue")) >= 0;
        }

        public String explain(EscalationFacts f) {
            return "overdue " + f.overdue() + " >= " + threshold(byCurrency, f.overdue(), "minOverdue");
        }
    }

    /** Outstanding balance (all components) at least the threshold of the loan's currency (the legal threshold). */
    record MinBalance(Map<String, BigDecimal> byCurrency) implements StepCondition {
        public MinBalance {
            byCurrency = Map.copyOf(byCurrency);
        }

        public boolean holds(EscalationFacts f) {
            return f.balance().amount().compareTo(threshold(byCurrency, f.balance(), "minBalance")) >= 0;
        }

        public String explain(EscalationFacts f) {
            return "balance " + f.balance() + " >= " + threshold(byCurrency, f.balance(), "minBalance");
        }
    }

    /** A compliance wait: {@code stage} was entered in this episode at least {@code days} days ago. */
    record AfterStage(String stage, int days) implements StepCondition {
        public boolean holds(EscalationFacts f) {
            LocalDate entered = f.stagesEntered().get(stage);
            return entered != null && ChronoUnit.DAYS.between(entered, f.businessDate()) >= days;
        }

        public String explain(EscalationFacts f) {
            LocalDate entered = f.stagesEntered().get(stage);
            return entered == null ? stage + " not yet reached"
                    : stage + " on " + entered + ", " + ChronoUnit.DAYS.between(entered, f.businessDate())
                    + " >= " + days + " days ago";
        }

        @Override
        public boolean isWait() {
            return true;
        }
    }

    /** No payment since {@code stage} was entered (litigation only when the legal notice went unanswered). */
    record NoPaymentSince(String stage) implements StepCondition {
        public boolean holds(EscalationFacts f) {
            LocalDate entered = f.stagesEntered().get(stage);
            return entered != null && (f.lastPaymentOn() == null || f.lastPaymentOn().isBefore(entered));
        }

        public String explain(EscalationFacts f) {
            return "no payment since " + stage + (f.lastPaymentOn() == null ? ""
                    : " (last payment " + f.lastPaymentOn() + ")");
        }
    }

    /** A legal event of this kind is recorded (e.g. JUDGMENT for enforcement). */
    record LegalEvent(String kind) implements StepCondition {
        public boolean holds(EscalationFacts f) {
            return f.legalFlags().contains(kind);
        }

        public String explain(EscalationFacts f) {
            return kind + " recorded";
        }
    }

    private static BigDecimal threshold(Map<String, BigDecimal> byCurrency, Money m, String key) {
        BigDecimal t = byCurrency.get(m.currency().getCurrencyCode());
        if (t == null) {
            throw new IllegalStateException("escalation ladder: " + key + ": no threshold for currency "
                    + m.currency().getCurrencyCode() + " (has " + byCurrency.keySet() + ")");
        }
        return t;
    }
}

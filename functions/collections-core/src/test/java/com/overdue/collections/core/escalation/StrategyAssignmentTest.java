package com.overdue.collections.core.escalation;

import com.overdue.collections.core.config.EngineConfiguration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StrategyAssignmentTest {

    private final EscalationLadder ladder = EngineConfiguration.fromClasspath().ladders().ladderFor("CONSUMER-INSTALMENT");
    private final StrategyAssignment assignment = new StrategyAssignment();

    @Test
    void challenger_assignment_is_stable_and_near_the_configured_share_over_ten_thousand_loans() {
        int share = ladder.challenger().shareBasisPoints();
        int challengers = 0;
        for (int i = 0; i < 10_000; i++) {
            String loanId = "L-" + i;
            String first = assignment.strategyOf(ladder, loanId);
            assertThat(assignment.strategyOf(ladder, loanId)).isEqualTo(first);
            if (first.equals(EscalationLadder.CHALLENGER)) {
                challengers++;
            }
        }
        // 1,000 bp of 10,000 ids: expect 1,000; three standard deviations (sqrt(10000*0.1*0.9) = 30) is ±90.
        assertThat(share).isEqualTo(1000);
        assertThat(challengers).isBetween(910, 1090);
    }

    @Test
    void the_bucket_is_a_known_function_of_experiment_and_loan_id() {
        assertThat(StrategyAssignment.bucket("EXP", "L-1")).isEqualTo(StrategyAssignment.bucket("EXP", "L-1"))
                .isBetween(0, 9999);
        int differ = 0;
        for (int i = 0; i < 100; i++) {
            if (StrategyAssignment.bucket("EXP-A", "L-" + i) != StrategyAssignment.bucket("EXP-B", "L-" + i)) {
                differ++;
            }
        }
        assertThat(differ).as("a new experiment id reshuffles the loans").isGreaterThan(90);
    }

    @Test
    void the_challenger_ladder_calls_and_writes_earlier() {
        assertThat(ladder.steps(EscalationLadder.CHALLENGER, Ability.UNKNOWN))
                .filteredOn(s -> s.stage().equals("CALL")).singleElement()
                .satisfies(s -> assertThat(s.conditions()).containsExactly(new StepCondition.MinDaysPastDue(8)));
        assertThat(ladder.steps(EscalationLadder.CHAMPION, Ability.UNKNOWN))
                .filteredOn(s -> s.stage().equals("CALL")).singleElement()
                .satisfies(s -> assertThat(s.conditions()).containsExactly(new StepCondition.MinDaysPastDue(16)));
    }
}

package com.overdue.collections.core.escalation;

import com.overdue.collections.core.config.EngineConfiguration;

import com.overdue.collections.core.ledger.LoanConditions;
import com.overdue.collections.core.loan.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationEngineTest {

    private static final LocalDate DAY = LocalDate.parse("2026-03-17");
    private final EscalationLadder ladder = EngineConfiguration.fromClasspath().ladders().ladderFor("CONSUMER-INSTALMENT");
    private final EscalationEngine engine = new EscalationEngine();
    private final AbilityAssessor assessor = new AbilityAssessor();

    private static EscalationState at(String stage, Map<String, LocalDate> entered) {
        return new EscalationState("L-1", stage, EscalationLadder.CHAMPION, DAY.minusDays(90), entered, Set.of(),
                Set.of(), List.of(), null, List.of(), DAY.minusDays(1), "D-L-1-x", List.of(), 3);
    }

    private static EscalationFacts facts(int dpd, Map<String, LocalDate> entered) {
        return new EscalationFacts(DAY, dpd, Money.of("6000.00", "CNY"), Money.of("6300.00", "CNY"), Set.of(), null,
                entered, List.of());
    }

    @Test
    void a_borrower_who_cannot_pay_is_offered_a_hardship_plan_after_the_agency_notice_instead_of_placement() {
        Map<String, LocalDate> entered = Map.of("AGENCY_NOTICE", DAY.minusDays(1));
        AbilityAssessor.Assessment wbu = assessor.assess(List.of(new ContactOutcome("e1", "CALL",
                Instant.parse("2026-03-10T02:00:00Z"), "CANNOT_PAY")), LoanConditions.NONE, DAY.minusDays(90),
                null, 3);
        assertThat(wbu.ability()).isEqualTo(Ability.WILLING_BUT_UNABLE);

        EscalationEngine.Move move = engine.decide(new EscalationEngine.Situation(ladder, at("AGENCY_NOTICE", entered),
                facts(76, entered), EscalationLadder.CHAMPION, wbu, true, null, false, List.of(), DAY.minusDays(90))).orElseThrow();

        assertThat(move.to()).isEqualTo("HARDSHIP_OFFER");
        assertThat(move.actions()).containsExactly("HARDSHIP_OFFER");
        assertThat(move.explanation()).contains("WILLING_BUT_UNABLE");
    }

    @Test
    void the_same_day_an_unknown_borrower_waits_for_placement_at_dpd_ninety() {
        Map<String, LocalDate> entered = Map.of("AGENCY_NOTICE", DAY.minusDays(1));
        AbilityAssessor.Assessment unknown = assessor.assess(List.of(), LoanConditions.NONE, DAY.minusDays(90), null,
                3);

        assertThat(engine.decide(new EscalationEngine.Situation(ladder, at("AGENCY_NOTICE", entered),
                facts(76, entered), EscalationLadder.CHAMPION, unknown, true, null, false, List.of(), DAY.minusDays(90)))).isEmpty();
    }

    @Test
    void three_unanswered_attempts_make_the_borrower_unreachable_and_a_refusal_able_but_unwilling() {
        List<ContactOutcome> noAnswer = List.of(
                new ContactOutcome("e1", "CALL", Instant.parse("2026-03-01T02:00:00Z"), "NO_ANSWER"),
                new ContactOutcome("e2", "CALL", Instant.parse("2026-03-02T02:00:00Z"), "WRONG_NUMBER"),
                new ContactOutcome("e3", "LETTER", Instant.parse("2026-03-05T02:00:00Z"), "LETTER_RETURNED"));
        assertThat(assessor.assess(noAnswer, LoanConditions.NONE, null, null, 3).ability())
                .isEqualTo(Ability.UNREACHABLE);
        List<ContactOutcome> refused = List.of(
                new ContactOutcome("e4", "CALL", Instant.parse("2026-03-06T02:00:00Z"), "REFUSED_TO_PAY"));
        assertThat(assessor.assess(refused, LoanConditions.NONE, null, null, 3).ability())
                .isEqualTo(Ability.ABLE_BUT_UNWILLING);
    }

    @Test
    void settlement_ends_the_episode_and_recalls_a_placed_loan() {
        EscalationState placed = new EscalationState("L-1", "AGENCY_PLACEMENT", EscalationLadder.CHAMPION,
                DAY.minusDays(95), Map.of("AGENCY_PLACEMENT", DAY.minusDays(5)), Set.of("AGENCY_RECALL"), Set.of(),
                List.of(), null, List.of(), DAY.minusDays(5), "D-L-1-y", List.of(), 7);

        EscalationEngine.Move move = engine.decide(new EscalationEngine.Situation(ladder, placed, facts(95, Map.of()),
                EscalationLadder.CHAMPION, assessor.assess(List.of(), LoanConditions.NONE, null, null, 3), true,
                null, true, List.of(), DAY.minusDays(90))).orElseThrow();

        assertThat(move.kind()).isEqualTo(EscalationEngine.Kind.END);
        assertThat(move.to()).isEqualTo(EscalationLadder.CLOSED);
        assertThat(move.rule()).isEqualTo("ESC-END-SETTLEMENT");
        assertThat(move.actions()).containsExactly("AGENCY_RECALL");
    }

    @Test
    void a_loan_delinquent_again_in_a_new_episode_first_returns_to_current_and_recalls_the_agency() {
        EscalationState placed = new EscalationState("L-1", "AGENCY_PLACEMENT", EscalationLadder.CHAMPION,
                DAY.minusDays(120), Map.of("AGENCY_PLACEMENT", DAY.minusDays(30)), Set.of("AGENCY_RECALL"),
                Set.of(), List.of(), null, List.of(), DAY.minusDays(30), "D-L-1-z", List.of(), 9);

        EscalationEngine.Move move = engine.decide(new EscalationEngine.Situation(ladder, placed, facts(2, Map.of()),
                EscalationLadder.CHAMPION, assessor.assess(List.of(), LoanConditions.NONE, null, null, 3), true,
                null, false, List.of(), DAY.minusDays(2))).orElseThrow();

        assertThat(move.kind()).isEqualTo(EscalationEngine.Kind.CURE);
        assertThat(move.explanation()).contains("episode that began on " + DAY.minusDays(120) + " was cured");
        assertThat(move.actions()).containsExactly("AGENCY_RECALL");
    }
}

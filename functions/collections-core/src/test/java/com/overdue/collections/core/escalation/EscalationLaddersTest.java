package com.overdue.collections.core.escalation;

import com.overdue.collections.core.config.EngineConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EscalationLaddersTest {

    @Test
    void a_product_without_a_ladder_is_a_clear_error() {
        assertThatThrownBy(() -> EngineConfiguration.fromClasspath().ladders().ladderFor("NO-SUCH-PRODUCT"))
                .hasMessageContaining("no escalation ladder for product \"NO-SUCH-PRODUCT\"")
                .hasMessageContaining("config/escalation/NO-SUCH-PRODUCT.json");
    }

    @Test
    void every_configured_ladder_loads_with_the_default_stages_in_order() {
        EscalationLadder cn = EngineConfiguration.fromClasspath().ladders().ladderFor("CONSUMER-INSTALMENT");
        assertThat(cn.steps(EscalationLadder.CHAMPION, Ability.UNKNOWN)).extracting(LadderStep::stage)
                .containsExactly("EARLY_REMINDER", "CALL", "LETTER", "FIELD_VISIT", "AGENCY_NOTICE",
                        "AGENCY_PLACEMENT", "LEGAL_NOTICE", "LITIGATION", "ENFORCEMENT", "CHARGE_OFF", "DEBT_SALE");
        assertThat(EngineConfiguration.fromClasspath().ladders().ladderFor("US-CONSUMER-INSTALMENT")
                .steps(EscalationLadder.CHAMPION, Ability.UNKNOWN)).extracting(LadderStep::stage)
                .doesNotContain("DEBT_SALE");
    }

    @Test
    void willing_but_unable_borrowers_are_offered_a_hardship_plan_before_agency_placement() {
        EscalationLadder cn = EngineConfiguration.fromClasspath().ladders().ladderFor("CONSUMER-INSTALMENT");
        assertThat(cn.steps(EscalationLadder.CHAMPION, Ability.WILLING_BUT_UNABLE)).extracting(LadderStep::stage)
                .containsSubsequence("AGENCY_NOTICE", "HARDSHIP_OFFER", "AGENCY_PLACEMENT");
        LadderStep placement = cn.steps(EscalationLadder.CHAMPION, Ability.WILLING_BUT_UNABLE).stream()
                .filter(s -> s.stage().equals("AGENCY_PLACEMENT")).findFirst().orElseThrow();
        assertThat(placement.conditions()).contains(new StepCondition.AfterStage("HARDSHIP_OFFER", 14));
    }
}

package com.overdue.collections.core.escalation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EscalationLaddersTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static EscalationLadder parse(String json) throws Exception {
        return EscalationLadders.parse("config/escalation/TEST.json", MAPPER.readTree(json));
    }

    @Test
    void a_product_without_a_ladder_is_a_clear_error() {
        assertThatThrownBy(() -> EscalationLadders.load().ladderFor("NO-SUCH-PRODUCT"))
                .hasMessageContaining("no escalation ladder for product \"NO-SUCH-PRODUCT\"")
                .hasMessageContaining("config/escalation/NO-SUCH-PRODUCT.json");
    }

    @Test
    void every_configured_ladder_loads_with_the_default_stages_in_order() {
        EscalationLadder cn = EscalationLadders.load().ladderFor("CONSUMER-INSTALMENT");
        assertThat(cn.steps(EscalationLadder.CHAMPION, Ability.UNKNOWN)).extracting(LadderStep::stage)
                .containsExactly("EARLY_REMINDER", "CALL", "LETTER", "FIELD_VISIT", "AGENCY_NOTICE",
                        "AGENCY_PLACEMENT", "LEGAL_NOTICE", "LITIGATION", "ENFORCEMENT", "CHARGE_OFF", "DEBT_SALE");
        assertThat(EscalationLadders.load().ladderFor("US-CONSUMER-INSTALMENT")
                .steps(EscalationLadder.CHAMPION, Ability.UNKNOWN)).extracting(LadderStep::stage)
                .doesNotContain("DEBT_SALE");
    }

    @Test
    void willing_but_unable_borrowers_are_offered_a_hardship_plan_before_agency_placement() {
        EscalationLadder cn = EscalationLadders.load().ladderFor("CONSUMER-INSTALMENT");
        assertThat(cn.steps(EscalationLadder.CHAMPION, Ability.WILLING_BUT_UNABLE)).extracting(LadderStep::stage)
                .containsSubsequence("AGENCY_NOTICE", "HARDSHIP_OFFER", "AGENCY_PLACEMENT");
        LadderStep placement = cn.steps(EscalationLadder.CHAMPION, Ability.WILLING_BUT_UNABLE).stream()
                .filter(s -> s.stage().equals("AGENCY_PLACEMENT")).findFirst().orElseThrow();
        assertThat(placement.conditions()).contains(new StepCondition.AfterStage("HARDSHIP_OFFER", 14));
    }

    @Test
    void an_unknown_condition_names_file_and_key() {
        assertThatThrownBy(() -> parse("{\"productCode\":\"X\",\"callTaskLocalTime\":\"09:00\",\"steps\":["
                + "{\"stage\":\"CALL\",\"rule\":\"R1\",\"action\":\"CALL_TASK\",\"when\":{\"minDays\":3}}]}"))
                .hasMessage("config/escalation/TEST.json: steps[0].when.minDays: unknown condition (known: minDpd, "
                        + "minOverdue, minBalance, legalEvent, noPaymentSince, after)");
    }

    @Test
    void an_unknown_action_or_a_wait_on_an_unknown_stage_is_rejected() {
        assertThatThrownBy(() -> parse("{\"productCode\":\"X\",\"callTaskLocalTime\":\"09:00\",\"steps\":["
                + "{\"stage\":\"CALL\",\"rule\":\"R1\",\"action\":\"SMS_BLAST\",\"when\":{\"minDpd\":3}}]}"))
                .hasMessageContaining("steps[0].action: unknown action \"SMS_BLAST\"");
        assertThatThrownBy(() -> parse("{\"productCode\":\"X\",\"callTaskLocalTime\":\"09:00\",\"steps\":["
                + "{\"stage\":\"CALL\",\"rule\":\"R1\",\"when\":{\"after\":[{\"stage\":\"NOTICE\",\"days\":7}]}}]}"))
                .hasMessageContaining("steps[0].when.after[0].stage: unknown stage \"NOTICE\"");
    }

    @Test
    void an_amount_with_too_many_decimals_for_its_currency_is_rejected() {
        assertThatThrownBy(() -> parse("{\"productCode\":\"X\",\"callTaskLocalTime\":\"09:00\",\"steps\":["
                + "{\"stage\":\"FIELD\",\"rule\":\"R1\",\"when\":{\"minOverdue\":{\"CNY\":\"5000.001\"}}}]}"))
                .hasMessageContaining("steps[0].when.minOverdue.CNY");
    }
}

package com.overdue.collections.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.overdue.collections.core.escalation.Ability;
import com.overdue.collections.core.escalation.EscalationLadder;
import com.overdue.collections.core.escalation.LadderStep;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ladder files: what the schema refuses and what the mapping refuses, each naming the file and the key. */
class EscalationFilesTest {

    @TempDir
    Path directory;

    private Object load(String ladder) {
        ConfigOverlay overlay = new ConfigOverlay(directory).write("escalation/index.json", "{\"ladders\": [\"X\"]}")
                .write("escalation/X.json", ladder);
        return EscalationFiles.ladders(new ConfigReader(overlay.source()));
    }

    private String file() {
        return directory.resolve("escalation/X.json").toString();
    }

    @Test
    void an_unknown_condition_names_file_and_key() {
        assertThatThrownBy(() -> load("{\"productCode\":\"X\",\"callTaskLocalTime\":\"09:00\",\"steps\":["
                + "{\"stage\":\"CALL\",\"rule\":\"R1\",\"action\":\"CALL_TASK\",\"when\":{\"minDays\":3}}]}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(file() + ": steps[0].when.minDays: unknown key (expected after, legalEvent, minBalance, "
                        + "minDpd, minOverdue, noPaymentSince)");
    }

    @Test
    void an_unknown_action_or_a_wait_on_an_unknown_stage_is_rejected() {
        assertThatThrownBy(() -> load("{\"productCode\":\"X\",\"callTaskLocalTime\":\"09:00\",\"steps\":["
                + "{\"stage\":\"CALL\",\"rule\":\"R1\",\"action\":\"SMS_BLAST\",\"when\":{\"minDpd\":3}}]}"))
                .hasMessageStartingWith(file() + ": steps[0].action: expected \"CALL_TASK\", ")
                .hasMessageEndingWith(" but was \"SMS_BLAST\"");
        assertThatThrownBy(() -> load("{\"productCode\":\"X\",\"callTaskLocalTime\":\"09:00\",\"steps\":["
                + "{\"stage\":\"CALL\",\"rule\":\"R1\",\"when\":{\"after\":[{\"stage\":\"NOTICE\",\"days\":7}]}}]}"))
                .hasMessage(file() + ": steps[0].when.after[0].stage: unknown stage \"NOTICE\"");
    }

    @Test
    void an_amount_with_too_many_decimals_for_its_currency_is_rejected() {
        assertThatThrownBy(() -> load("{\"productCode\":\"X\",\"callTaskLocalTime\":\"09:00\",\"steps\":["
                + "{\"stage\":\"FIELD\",\"rule\":\"R1\",\"when\":{\"minOverdue\":{\"CNY\":\"5000.001\"}}}]}"))
                .hasMessageStartingWith(file() + ": steps[0].when.minOverdue.CNY: ");
    }

    @Test
    void a_repeated_stage_and_a_ladder_under_another_products_name_are_rejected() {
        assertThatThrownBy(() -> load("{\"productCode\":\"X\",\"callTaskLocalTime\":\"09:00\",\"steps\":["
                + "{\"stage\":\"CALL\",\"rule\":\"R1\",\"when\":{\"minDpd\":1}},"
                + "{\"stage\":\"CALL\",\"rule\":\"R2\",\"when\":{\"minDpd\":2}}]}"))
                .hasMessage(file() + ": steps[1].stage: \"CALL\" is repeated or reserved");
        assertThatThrownBy(() -> load("{\"productCode\":\"Y\",\"callTaskLocalTime\":\"09:00\",\"steps\":["
                + "{\"stage\":\"CALL\",\"rule\":\"R1\",\"when\":{\"minDpd\":1}}]}"))
                .hasMessage(file() + ": productCode: \"Y\" does not match the file name");
    }

    @Test
    void conditions_keep_the_order_of_the_file_because_they_explain_a_decision_in_that_order() {
        var ladders = (com.overdue.collections.core.escalation.EscalationLadders) load(
                "{\"productCode\":\"X\",\"callTaskLocalTime\":\"09:00\",\"steps\":["
                + "{\"stage\":\"A\",\"rule\":\"R1\",\"when\":{\"minDpd\":1}},"
                + "{\"stage\":\"B\",\"rule\":\"R2\",\"when\":{\"after\":[{\"stage\":\"A\",\"days\":3}],\"minDpd\":9}}]}");
        LadderStep b = ladders.ladderFor("X").steps(EscalationLadder.CHAMPION, Ability.UNKNOWN).get(1);

        assertThat(b.conditions()).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("AfterStage", "MinDaysPastDue");
        assertThat(b.rank()).isEqualTo(200);
    }

    @Test
    void an_offer_binds_its_shares_and_days_and_an_offer_at_an_unknown_stage_or_over_the_whole_is_rejected() {
        String steps = "{\"productCode\":\"X\",\"callTaskLocalTime\":\"09:00\",\"steps\":["
                + "{\"stage\":\"LETTER\",\"rule\":\"R1\",\"when\":{\"minDpd\":31}}],\"offers\":[";
        var ladders = (com.overdue.collections.core.escalation.EscalationLadders) load(steps
                + "{\"rule\":\"O1\",\"stage\":\"LETTER\",\"waiveBasisPoints\":{\"PENALTY\":5000},"
                + "\"payWithinDays\":14}]}");
        assertThat(ladders.ladderFor("X").offersAt("LETTER")).singleElement().satisfies(o -> {
            assertThat(o.rule()).isEqualTo("O1");
            assertThat(o.waiveBasisPoints()).containsExactly(
                    java.util.Map.entry(com.overdue.collections.core.loan.Component.PENALTY, 5000));
            assertThat(o.payWithinDays()).isEqualTo(14);
        });

        assertThatThrownBy(() -> load(steps + "{\"rule\":\"O1\",\"stage\":\"CALL\","
                + "\"waiveBasisPoints\":{\"FEES\":100},\"payWithinDays\":14}]}"))
                .hasMessage(file() + ": offers[0].stage: unknown stage \"CALL\"");
        assertThatThrownBy(() -> load(steps + "{\"rule\":\"O1\",\"stage\":\"LETTER\","
                + "\"waiveBasisPoints\":{\"FEES\":10001},\"payWithinDays\":14}]}"))
                .hasMessageStartingWith(file() + ": offers[0].waiveBasisPoints.FEES: ");
    }
}

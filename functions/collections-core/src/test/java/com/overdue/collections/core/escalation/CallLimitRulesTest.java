package com.overdue.collections.core.escalation;

import com.overdue.collections.core.config.EngineConfiguration;

import com.overdue.collections.core.escalation.CallLimits.Allow;
import com.overdue.collections.core.escalation.CallLimits.CallAttempt;
import com.overdue.collections.core.escalation.CallLimits.CallRequest;
import com.overdue.collections.core.escalation.CallLimits.CallVerdict;
import com.overdue.collections.core.escalation.CallLimits.Defer;
import com.overdue.collections.core.escalation.CallLimits.Skip;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallLimitRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final CallLimitRules rules = EngineConfiguration.fromClasspath().callLimits();

    private CallVerdict evaluate(String jurisdiction, ZoneId zone, List<CallAttempt> history, String at) {
        return rules.evaluate(new CallRequest("L-1", jurisdiction, zone, history, Set.of(), false,
                Instant.parse(at)));
    }

    @Test
    void a_fourth_effective_call_on_the_same_day_in_china_waits_until_eight_the_next_morning() {
        List<CallAttempt> three = List.of(new CallAttempt(Instant.parse("2026-03-02T01:00:00Z"), true, "a"),
                new CallAttempt(Instant.parse("2026-03-02T02:00:00Z"), true, "b"),
                new CallAttempt(Instant.parse("2026-03-02T03:00:00Z"), true, "c"));

        CallVerdict v = evaluate("CN", SHANGHAI, three, "2026-03-02T06:00:00Z");

        assertThat(v).isInstanceOf(Defer.class);
        assertThat(((Defer) v).until()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z")); // 08:00 Shanghai
        assertThat(((Defer) v).rule()).isEqualTo("CN_MAX_3_EFFECTIVE_CALLS_A_DAY");
    }

    @Test
    void unanswered_calls_do_not_count_towards_the_chinese_daily_cap() {
        List<CallAttempt> unanswered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            unanswered.add(new CallAttempt(Instant.parse("2026-03-02T01:00:00Z").plusSeconds(i * 600L), false, "x"));
        }
        assertThat(evaluate("CN", SHANGHAI, unanswered, "2026-03-02T06:00:00Z")).isInstanceOf(Allow.class);
    }

    @Test
    void an_eighth_attempt_within_seven_days_in_the_us_waits_until_the_oldest_leaves_the_window() {
        List<CallAttempt> seven = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            seven.add(new CallAttempt(Instant.parse("2026-03-0" + d + "T15:00:00Z"), false, "attempt"));
        }
        CallVerdict v = evaluate("US", NEW_YORK, seven, "2026-03-07T18:00:00Z");

        assertThat(v).isInstanceOf(Defer.class);
        assertThat(((Defer) v).until()).isEqualTo(Instant.parse("2026-03-08T15:00:00Z"));
        assertThat(((Defer) v).rule()).isEqualTo("US_REG_F_7_ATTEMPTS_IN_7_DAYS");
        assertThat(evaluate("US", NEW_YORK, seven.subList(1, 7), "2026-03-07T18:00:00Z")).isInstanceOf(Allow.class);
    }

    @Test
    void no_call_in_the_us_within_seven_days_after_a_conversation() {
        List<CallAttempt> talked = List.of(new CallAttempt(Instant.parse("2026-03-02T15:00:00Z"), true, "rpc"));

        CallVerdict v = evaluate("US", NEW_YORK, talked, "2026-03-05T14:00:00Z");

        assertThat(v).isInstanceOf(Defer.class);
        assertThat(((Defer) v).until()).isEqualTo(Instant.parse("2026-03-09T15:00:00Z"));
        assertThat(((Defer) v).rule()).isEqualTo("US_REG_F_7_DAYS_AFTER_CONVERSATION");
        assertThat(evaluate("US", NEW_YORK, talked, "2026-03-09T15:00:01Z")).isInstanceOf(Allow.class);
    }

    @Test
    void a_cease_communication_request_skips_the_call_with_its_reason() {
        CallVerdict v = rules.evaluate(new CallRequest("L-1", "US", NEW_YORK, List.of(), Set.of(), true,
                Instant.parse("2026-03-05T14:00:00Z")));

        assertThat(v).isInstanceOf(Skip.class);
        assertThat(((Skip) v).reason()).contains("cease communication");
    }

    @Test
    void a_jurisdiction_without_a_pack_is_an_error_naming_it() {
        assertThatThrownBy(() -> evaluate("XX", SHANGHAI, List.of(), "2026-03-02T06:00:00Z"))
                .hasMessageContaining("no call-limit pack for jurisdiction \"XX\"");
    }
}

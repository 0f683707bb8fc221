package com.overdue.collections.core.contact;

import com.overdue.collections.core.config.EngineConfiguration;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ContactRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ContactPolicy POLICY = EngineConfiguration.fromClasspath().contactPolicy();

    private static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    private static ContactEvaluation sms(String jurisdiction, String at, ZoneId zone) {
        return evaluate(jurisdiction, Channel.SMS, local(at, zone), zone, ContactConditions.NONE, List.of());
    }

    private static ContactEvaluation evaluate(String jurisdiction, Channel channel, Instant at, ZoneId zone,
                                              ContactConditions conditions, List<PastContact> history) {
        return POLICY.evaluate(List.of(jurisdiction), new ContactRequest("B-1", channel, ContactPurpose.REMINDER, at,
                zone, conditions, history));
    }

    private static Instant deferredUntil(ContactEvaluation e) {
        assertThat(e.decision()).isInstanceOf(ContactDecision.Defer.class);
        return ((ContactDecision.Defer) e.decision()).until();
    }

    private static ContactConditions conditions(Set<Channel> optOut, boolean cease, Set<Channel> complaints,
                                                List<String> loans, List<String> disputed) {
        return new ContactConditions(optOut, cease, complaints, loans, disputed);
    }

    @Test
    void sms_at_21_59_in_shanghai_goes_now() {
        assertThat(sms("CN", "2026-03-10T21:59", SHANGHAI).decision()).isInstanceOf(ContactDecision.Allow.class);
    }

    @Test
    void sms_at_22_00_in_shanghai_is_deferred_to_eight_the_next_morning() {
        ContactEvaluation e = sms("CN", "2026-03-10T22:00", SHANGHAI);
        assertThat(deferredUntil(e)).isEqualTo(local("2026-03-11T08:00", SHANGHAI));
        assertThat(((ContactDecision.Defer) e.decision()).rule()).isEqualTo("quietHours");
        assertThat(e.rulePack()).isEqualTo("CN");
        assertThat(e.verdicts()).extracting(RuleVerdict::rule).contains("quietHours", "optOut", "dailyCap");
    }

    @Test
    void sms_at_07_59_in_shanghai_is_deferred_to_eight_the_same_morning() {
        assertThat(deferredUntil(sms("CN", "2026-03-10T07:59", SHANGHAI)))
                .isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
    }

    @Test
    void sms_at_08_00_in_shanghai_goes_now() {
        assertThat(sms("CN", "2026-03-10T08:00", SHANGHAI).decision()).isInstanceOf(ContactDecision.Allow.class);
    }

    @Test
    void new_york_quiet_hours_follow_the_spring_change_of_2026_03_08() {
        // Saturday before the change: EST, 08:00 local is 13:00Z.
        assertThat(deferredUntil(sms("US", "2026-03-07T07:59", NEW_YORK)))
                .isEqualTo(Instant.parse("2026-03-07T13:00:00Z"));
        // The change night: 21:30 EST on the 7th defers to 08:00 EDT on the 8th, which is 12:00Z.
        assertThat(deferredUntil(sms("US", "2026-03-07T21:30", NEW_YORK)))
                .isEqualTo(Instant.parse("2026-03-08T12:00:00Z"));
        assertThat(deferredUntil(sms("US", "2026-03-09T07:59", NEW_YORK)))
                .isEqualTo(Instant.parse("2026-03-09T12:00:00Z"));
        assertThat(sms("US", "2026-03-09T08:00", NEW_YORK).decision()).isInstanceOf(ContactDecision.Allow.class);
        assertThat(sms("US", "2026-03-09T20:59", NEW_YORK).decision()).isInstanceOf(ContactDecision.Allow.class);
        assertThat(deferredUntil(sms("US", "2026-03-09T21:00", NEW_YORK)))
                .isEqualTo(Instant.parse("2026-03-10T12:00:00Z"));
    }

    @Test
    void new_york_quiet_hours_follow_the_autumn_change_of_2026_11_01() {
        assertThat(sms("US", "2026-10-31T20:59", NEW_YORK).decision()).isInstanceOf(ContactDecision.Allow.class);
        // 21:00 EDT on the 31st → 08:00 EST on 1 November, 13:00Z.
        assertThat(deferredUntil(sms("US", "2026-10-31T21:00", NEW_YORK)))
                .isEqualTo(Instant.parse("2026-11-01T13:00:00Z"));
        // 01:30 happens twice that night; both are quiet and both defer to 08:00 EST.
        Instant firstOneThirty = Instant.parse("2026-11-01T05:30:00Z");
        Instant secondOneThirty = Instant.parse("2026-11-01T06:30:00Z");
        for (Instant t : List.of(firstOneThirty, secondOneThirty)) {
            assertThat(deferredUntil(evaluate("US", Channel.SMS, t, NEW_YORK, ContactConditions.NONE, List.of())))
                    .isEqualTo(Instant.parse("2026-11-01T13:00:00Z"));
        }
        assertThat(deferredUntil(sms("US", "2026-11-02T07:59", NEW_YORK)))
                .isEqualTo(Instant.parse("2026-11-02T13:00:00Z"));
        assertThat(sms("US", "2026-11-02T08:00", NEW_YORK).decision()).isInstanceOf(ContactDecision.Allow.class);
    }

    @Test
    void a_second_sms_on_the_same_day_waits_for_eight_the_next_morning() {
        List<PastContact> history = List.of(new PastContact(local("2026-03-10T09:00", SHANGHAI), Channel.SMS, false));
        ContactEvaluation e = evaluate("CN", Channel.SMS, local("2026-03-10T15:00", SHANGHAI), SHANGHAI,
                ContactConditions.NONE, history);
        // The cap moves it to midnight, where quiet hours move it to 08:00.
        assertThat(deferredUntil(e)).isEqualTo(local("2026-03-11T08:00", SHANGHAI));
        assertThat(((ContactDecision.Defer) e.decision()).reason()).contains("then quietHours");
        // The e-mail cap is separate: an e-mail still goes.
        assertThat(evaluate("CN", Channel.EMAIL, local("2026-03-10T15:00", SHANGHAI), SHANGHAI,
                ContactConditions.NONE, history).decision()).isInstanceOf(ContactDecision.Allow.class);
    }

    @Test
    void an_opted_out_channel_is_suppressed_and_the_others_still_go() {
        ContactConditions c = conditions(Set.of(Channel.SMS), false, Set.of(), List.of("L-1"), List.of());
        Instant at = local("2026-03-10T10:00", NEW_YORK);
        ContactEvaluation sms = evaluate("US", Channel.SMS, at, NEW_YORK, c, List.of());
        assertThat(sms.decision()).isEqualTo(new ContactDecision.Suppress("optOut", "borrower opted out of SMS"));
        assertThat(evaluate("US", Channel.EMAIL, at, NEW_YORK, c, List.of()).decision())
                .isInstanceOf(ContactDecision.Allow.class);
    }

    @Test
    void cease_communication_suppresses_every_reminder_but_not_a_legally_required_notice() {
        ContactConditions c = conditions(Set.of(), true, Set.of(), List.of("L-1"), List.of());
        Instant at = local("2026-03-10T10:00", NEW_YORK);
        for (Channel ch : List.of(Channel.SMS, Channel.EMAIL, Channel.IN_APP)) {
            ContactDecision d = evaluate("US", ch, at, NEW_YORK, c, List.of()).decision();
            assertThat(d).isInstanceOf(ContactDecision.Suppress.class);
            assertThat(((ContactDecision.Suppress) d).rule()).isEqualTo("ceaseCommunication");
        }
        ContactDecision notice = POLICY.evaluate(List.of("US"), new ContactRequest("B-1", Channel.EMAIL,
                ContactPurpose.LEGALLY_REQUIRED_NOTICE, at, NEW_YORK, c, List.of())).decision();
        assertThat(notice).isInstanceOf(ContactDecision.Allow.class);
    }

    @Test
    void an_open_dispute_on_every_loan_suppresses_but_one_undisputed_loan_lets_the_reminder_go() {
        Instant at = local("2026-03-10T10:00", SHANGHAI);
        ContactDecision all = evaluate("CN", Channel.SMS, at, SHANGHAI,
                conditions(Set.of(), false, Set.of(), List.of("L-1"), List.of("L-1")), List.of()).decision();
        assertThat(all).isInstanceOf(ContactDecision.Suppress.class);
        assertThat(((ContactDecision.Suppress) all).rule()).isEqualTo("openDispute");
        ContactDecision some = evaluate("CN", Channel.SMS, at, SHANGHAI,
                conditions(Set.of(), false, Set.of(), List.of("L-1", "L-2"), List.of("L-1")), List.of()).decision();
        assertThat(some).isInstanceOf(ContactDecision.Allow.class);
    }

    @Test
    void a_complaint_pauses_only_the_channel_complained_about() {
        ContactConditions c = conditions(Set.of(), false, Set.of(Channel.EMAIL), List.of("L-1"), List.of());
        Instant at = local("2026-03-10T10:00", SHANGHAI);
        assertThat(((ContactDecision.Suppress) evaluate("CN", Channel.EMAIL, at, SHANGHAI, c, List.of()).decision())
                .rule()).isEqualTo("complaintPause");
        assertThat(evaluate("CN", Channel.SMS, at, SHANGHAI, c, List.of()).decision())
                .isInstanceOf(ContactDecision.Allow.class);
    }

    @Test
    void a_suppression_wins_over_a_deferral() {
        ContactConditions c = conditions(Set.of(Channel.SMS), false, Set.of(), List.of("L-1"), List.of());
        ContactDecision d = evaluate("CN", Channel.SMS, local("2026-03-10T23:00", SHANGHAI), SHANGHAI, c, List.of())
                .decision();
        assertThat(d).isInstanceOf(ContactDecision.Suppress.class);
    }

    @Test
    void cn_allows_three_effective_calls_a_day_then_waits_for_the_next_morning() {
        List<PastContact> calls = new ArrayList<>();
        for (int h = 9; h < 12; h++) {
            calls.add(new PastContact(local(String.format("2026-03-10T%02d:00", h), SHANGHAI), Channel.CALL, true));
        }
        ContactEvaluation fourth = POLICY.evaluateCall("B-1", "CN", local("2026-03-10T14:00", SHANGHAI), SHANGHAI,
                ContactConditions.NONE, calls);
        assertThat(deferredUntil(fourth)).isEqualTo(local("2026-03-11T08:00", SHANGHAI));
        ContactEvaluation third = POLICY.evaluateCall("B-1", "CN", local("2026-03-10T14:00", SHANGHAI), SHANGHAI,
                ContactConditions.NONE, calls.subList(0, 2));
        assertThat(third.decision()).isInstanceOf(ContactDecision.Allow.class);
        // Attempts that did not reach the borrower do not count as effective calls.
        List<PastContact> unanswered = calls.stream().map(p -> new PastContact(p.at(), p.channel(), false)).toList();
        assertThat(POLICY.evaluateCall("B-1", "CN", local("2026-03-10T14:00", SHANGHAI), SHANGHAI,
                ContactConditions.NONE, unanswered).decision()).isInstanceOf(ContactDecision.Allow.class);
    }

    @Test
    void us_allows_seven_call_attempts_in_seven_days_and_none_for_seven_days_after_a_conversation() {
        List<PastContact> attempts = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            attempts.add(new PastContact(local("2026-03-0" + d + "T10:00", NEW_YORK), Channel.CALL, false));
        }
        ContactEvaluation eighth = POLICY.evaluateCall("B-1", "US", local("2026-03-07T15:00", NEW_YORK), NEW_YORK,
                ContactConditions.NONE, attempts);
        // The window drops the attempt of 1 March on 8 March; 8 March at 00:00 is quiet, so 08:00 EDT.
        assertThat(deferredUntil(eighth)).isEqualTo(local("2026-03-08T08:00", NEW_YORK));
        assertThat(((ContactDecision.Defer) eighth.decision()).rule()).isEqualTo("callFrequency");

        List<PastContact> conversation = List.of(new PastContact(local("2026-03-02T10:00", NEW_YORK), Channel.CALL,
                true));
        ContactEvaluation after = POLICY.evaluateCall("B-1", "US", local("2026-03-05T10:00", NEW_YORK), NEW_YORK,
                ContactConditions.NONE, conversation);
        assertThat(deferredUntil(after)).isEqualTo(local("2026-03-09T08:00", NEW_YORK));
        assertThat(POLICY.evaluateCall("B-1", "US", local("2026-03-09T10:00", NEW_YORK), NEW_YORK,
                ContactConditions.NONE, conversation).decision()).isInstanceOf(ContactDecision.Allow.class);
    }

    @Test
    void a_call_is_suppressed_after_a_call_opt_out_or_a_cease_request_in_both_jurisdictions() {
        ContactConditions optedOut = conditions(Set.of(Channel.CALL), false, Set.of(), List.of("L-1"), List.of());
        ContactConditions cease = conditions(Set.of(), true, Set.of(), List.of("L-1"), List.of());
        for (String j : List.of("CN", "US")) {
            ContactDecision d = POLICY.evaluateCall("B-1", j, local("2026-03-10T10:00", NEW_YORK), NEW_YORK,
                    optedOut, List.of()).decision();
            assertThat(d).isInstanceOf(ContactDecision.Suppress.class);
            assertThat(((ContactDecision.Suppress) d).rule()).isEqualTo("optOut");
            ContactDecision c = POLICY.evaluateCall("B-1", j, local("2026-03-10T10:00", NEW_YORK), NEW_YORK,
                    cease, List.of()).decision();
            assertThat(((ContactDecision.Suppress) c).rule()).isEqualTo("ceaseCommunication");
        }
    }

    @Test
    void quiet_hours_hold_calls_too_and_every_rule_of_the_call_is_recorded() {
        ContactEvaluation late = POLICY.evaluateCall("B-1", "US", local("2026-03-10T21:30", NEW_YORK), NEW_YORK,
                ContactConditions.NONE, List.of());
        assertThat(deferredUntil(late)).isEqualTo(local("2026-03-11T08:00", NEW_YORK));
        assertThat(late.verdicts()).extracting(RuleVerdict::rule).containsExactly("optOut", "ceaseCommunication",
                "openDispute", "complaintPause", "quietHours", "callFrequency");
        assertThat(POLICY.evaluateCall("B-1", "CN", local("2026-03-10T22:00", SHANGHAI), SHANGHAI,
                ContactConditions.NONE, List.of()).verdicts()).extracting(RuleVerdict::rule)
                .contains("quietHours", "dailyConversationLimit").doesNotContain("dailyCap");
    }

    @Test
    void the_day_of_a_us_conversation_is_the_first_of_its_seven_days_whatever_the_hour() {
        // Talked at 16:00 on Monday 2 March: Monday to Sunday are closed, Monday 9 March opens at 08:00, not 16:00.
        List<PastContact> talked = List.of(new PastContact(local("2026-03-02T16:00", NEW_YORK), Channel.CALL, true));
        assertThat(deferredUntil(POLICY.evaluateCall("B-1", "US", local("2026-03-08T20:00", NEW_YORK), NEW_YORK,
                ContactConditions.NONE, talked))).isEqualTo(local("2026-03-09T08:00", NEW_YORK));
        assertThat(POLICY.evaluateCall("B-1", "US", local("2026-03-09T08:00", NEW_YORK), NEW_YORK,
                ContactConditions.NONE, talked).decision()).isInstanceOf(ContactDecision.Allow.class);
    }

    @Test
    void seven_consecutive_days_are_local_dates_so_the_autumn_change_cannot_fit_an_eighth_attempt() {
        // Seven attempts at 00:30 EDT on 27 October, the eighth asked at 23:45 EST on 2 November: 168 h 15 min later
        // (the clocks went back on 1 November), so a window of 7 x 24 hours would have let it through, yet both are
        // within the seven consecutive days 27 October - 2 November.
        List<PastContact> seven = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seven.add(new PastContact(local("2026-10-27T00:30", NEW_YORK).plusSeconds(60L * i), Channel.CALL, false));
        }
        Instant eighth = local("2026-11-02T23:45", NEW_YORK);
        assertThat(java.time.Duration.between(seven.get(0).at(), eighth)).isGreaterThan(java.time.Duration.ofDays(7));
        CallFrequencyRule rule = new CallFrequencyRule(7, 7, 7, "12 CFR 1006.14(b)(2)");
        ContactDecision d = rule.evaluate(new ContactRequest("B-1", Channel.CALL, ContactPurpose.COLLECTION_CALL,
                eighth, NEW_YORK, ContactConditions.NONE, seven));
        assertThat(d).isInstanceOf(ContactDecision.Defer.class);
        assertThat(((ContactDecision.Defer) d).until()).isEqualTo(local("2026-11-03T00:00", NEW_YORK));
    }
}

package com.overdue.collections.core.contact;

import com.overdue.collections.core.config.EngineConfiguration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random borrowers (time zone, jurisdiction, opt-outs, cease, disputes) and random reminder schedules, run through
 * the contact policy the way the sweep does (a deferred contact is asked again at its time). The decided contact
 * records (what contacts.jsonl holds) go to an independent checker that, reading the rule-pack files itself, finds
 * that no record marked SENT breaks its pack and that every contact ends SENT or SUPPRESSED (nothing dropped).
 */
class ContactRulesPropertyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ContactPolicy POLICY = EngineConfiguration.fromClasspath().contactPolicy();
    private static final Instant START = Instant.parse("2026-02-25T00:00:00Z"); // spans the DST change of 8 March

    record Profile(String jurisdiction, ZoneId zone, Set<Channel> optOut, boolean cease, boolean disputed) {
    }

    record Planned(int id, Instant at, Channel channel) {
    }

    @Provide
    Arbitrary<Profile> borrowers() {
        return Combinators.combine(
                Arbitraries.of("CN", "US"),
                Arbitraries.of("Asia/Shanghai", "America/New_York", "America/Los_Angeles", "America/Chicago",
                        "Pacific/Honolulu", "Europe/London", "Asia/Kolkata").map(ZoneId::of),
                Arbitraries.subsetOf(Channel.SMS, Channel.EMAIL, Channel.IN_APP).map(s -> s.isEmpty()
                        ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(s)),
                Arbitraries.integers().between(0, 9).map(i -> i == 0),
                Arbitraries.integers().between(0, 9).map(i -> i == 0))
                .as((j, z, o, c, d) -> new Profile(j, z, o, c, d));
    }

    @Provide
    Arbitrary<List<Planned>> schedules() {
        Arbitrary<Planned> one = Combinators.combine(
                Arbitraries.integers().between(0, 20 * 24 * 60),
                Arbitraries.of(Channel.SMS, Channel.EMAIL, Channel.IN_APP))
                .as((minutes, ch) -> new Planned(0, START.plusSeconds(60L * minutes), ch));
        return one.list().ofMinSize(1).ofMaxSize(40).map(list -> {
            List<Planned> numbered = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                numbered.add(new Planned(i, list.get(i).at(), list.get(i).channel()));
            }
            return numbered;
        });
    }

    @Property(tries = 300)
    void no_contact_marked_sent_breaks_its_rule_pack(@ForAll("borrowers") Profile b,
                                                    @ForAll("schedules") List<Planned> schedule) throws IOException {
        List<ContactRecord> records = run(b, schedule);
        check(b, schedule, records);
    }

    /** The sweep's loop: ask at the planned time; a deferral is asked again at its time. */
    private static List<ContactRecord> run(Profile b, List<Planned> schedule) {
        ContactConditions conditions = new ContactConditions(b.optOut(), b.cease(), Set.of(), List.of("L-1"),
                b.disputed() ? List.of("L-1") : List.of());
        PriorityQueue<Planned> queue = new PriorityQueue<>(Comparator.comparing(Planned::at)
                .thenComparingInt(Planned::id));
        queue.addAll(schedule);
        List<PastContact> history = new ArrayList<>();
        List<ContactRecord> records = new ArrayList<>();
        int steps = 0;
        while (!queue.isEmpty()) {
            assertThat(++steps).as("the loop ends").isLessThan(10_000);
            Planned p = queue.poll();
            ContactEvaluation e = POLICY.evaluate(List.of(b.jurisdiction()), new ContactRequest("B-1", p.channel(),
                    ContactPurpose.REMINDER, p.at(), b.zone(), conditions, history));
            ContactRecord r = ContactRecord.planned("B-1", LocalDate.ofInstant(p.at(), b.zone()), p.channel(),
                    "M" + p.id(), p.at(), List.of("L-1#e#R" + p.id()), List.of("L-1"), List.of(b.jurisdiction()),
                    "en-US", b.zone().getId());
            if (e.decision() instanceof ContactDecision.Defer d) {
                assertThat(d.until()).as("a deferral moves forward").isAfter(p.at());
                records.add(r.decided(ContactState.DEFERRED, d.until(), e, null));
                queue.add(new Planned(p.id(), d.until(), p.channel()));
            } else if (e.decision() instanceof ContactDecision.Suppress) {
                records.add(r.decided(ContactState.SUPPRESSED, null, e, null));
            } else {
                history.add(new PastContact(p.at(), p.channel(), false));
                records.add(r.decided(ContactState.SENT, null, e, null).sent(p.at(), "p-" + p.id(), "t", "sha"));
            }
        }
        return records;
    }

    /** Reads the lines and the pack's own file; checks each SENT line against them. */
    private static void check(Profile b, List<Planned> schedule, List<ContactRecord> records) throws IOException {
        JsonNode pack;
        try (InputStream in = ContactRulesPropertyTest.class.getClassLoader()
                .getResourceAsStream("config/contact/" + b.jurisdiction() + ".json")) {
            pack = MAPPER.readTree(in);
        }
        LocalTime quietFrom = null;
        LocalTime quietUntil = null;
        Map<String, Integer> caps = new HashMap<>();
        for (JsonNode rule : pack.get("rules")) {
            if (rule.get("rule").asText().equals("quietHours")) {
                quietFrom = LocalTime.parse(rule.get("from").asText());
                quietUntil = LocalTime.parse(rule.get("until").asText());
            }
            if (rule.get("rule").asText().equals("dailyCap")) {
                rule.get("limits").fields().forEachRemaining(f -> caps.put(f.getKey(), f.getValue().asInt()));
            }
        }
        assertThat(quietFrom).isNotNull();
        Map<String, Integer> perDay = new HashMap<>();
        Map<String, String> finalState = new HashMap<>();
        for (ContactRecord r : records) {
            String state = r.state().name();
            String channel = r.channel().name();
            finalState.put(r.messageId(), state);
            if (!state.equals("SENT")) {
                continue;
            }
            ZonedDateTime local = r.sentAt().atZone(ZoneId.of(r.timeZone()));
            LocalTime t = local.toLocalTime();
            assertThat(!t.isBefore(quietFrom) || t.isBefore(quietUntil))
                    .as("sent at %s inside quiet hours %s-%s (%s)", local, quietFrom, quietUntil, b).isFalse();
            assertThat(b.optOut()).as("sent on an opted-out channel").doesNotContain(Channel.valueOf(channel));
            assertThat(b.cease()).as("sent after cease communication").isFalse();
            assertThat(b.disputed()).as("sent while the only loan is disputed").isFalse();
            if (caps.containsKey(channel)) {
                int count = perDay.merge(local.toLocalDate() + "#" + channel, 1, Integer::sum);
                assertThat(count).as("%s on %s over the daily cap", channel, local.toLocalDate())
                        .isLessThanOrEqualTo(caps.get(channel));
            }
            assertThat(r.evaluations().get(0).rulePack()).isEqualTo(b.jurisdiction());
        }
        assertThat(finalState).hasSize(schedule.size());
        assertThat(finalState.values()).as("every contact ends sent or suppressed").allMatch(s ->
                s.equals("SENT") || s.equals("SUPPRESSED"));
    }
}

package com.overdue.collections.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.overdue.collections.core.contact.Channel;
import com.overdue.collections.core.delinquency.Severity;
import com.overdue.collections.core.reminder.ReminderCadence;
import com.overdue.collections.core.reminder.SenderProfile;
import com.overdue.collections.core.reminder.SenderProfiles;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Loads {@code reminders/cadence.json} and {@code reminders/senders.json}. */
final class ReminderFiles {

    record CadenceFile(String description, String sendAt, List<Round> rounds, Repeat repeat,
                       List<Severity> whileSeverity, Courtesy courtesy) {
    }

    record Round(String round, String when, Integer daysPastDue, List<Channel> channels) {
    }

    record Repeat(int everyDays, List<Channel> channels) {
    }

    record Courtesy(Boolean enabled, int daysBeforeDue, List<Channel> channels) {
    }

    record Sender(Map<String, String> brand, String payUrl, String hardshipUrl, String supportPhone,
                  String supportEmail, String complaintUrl, String regulatorName, String regulatorContact,
                  String unsubscribeUrl) {
    }

    private ReminderFiles() {
    }

    static ReminderCadence cadence(ConfigReader reader) {
        var file = reader.read("reminders/cadence.json", "reminders/cadence.schema.json", CadenceFile.class);
        CadenceFile c = file.value();
        List<ReminderCadence.Round> rounds = new ArrayList<>();
        for (int i = 0; i < c.rounds().size(); i++) {
            Round r = c.rounds().get(i);
            String at = "rounds[" + i + "]";
            boolean first = r.when().equals("firstWorkingDayAfterDue");
            if (first != (i == 0)) {
                throw file.error(at + ".when", i == 0
                        ? "the first round must be \"when\": \"firstWorkingDayAfterDue\" (RULES §2)"
                        : "only the first round can be on the first working day after due");
            }
            if (r.round().startsWith(ReminderCadence.REPEAT_PREFIX) || r.round().equals(ReminderCadence.COURTESY)
                    || r.round().contains("#")) {
                throw file.error(at + ".round", "\"" + r.round() + "\" is reserved or contains #");
            }
            if (rounds.stream().anyMatch(x -> x.code().equals(r.round()))) {
                throw file.error(at + ".round", "\"" + r.round() + "\" is listed twice");
            }
            rounds.add(first
                    ? new ReminderCadence.Round(r.round(), ReminderCadence.Trigger.FIRST_WORKING_DAY_AFTER_DUE, 1,
                    channels(r.channels()))
                    : new ReminderCadence.Round(r.round(), ReminderCadence.Trigger.DAYS_PAST_DUE, r.daysPastDue(),
                    channels(r.channels())));
        }
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        severities.addAll(c.whileSeverity());
        Courtesy courtesy = c.courtesy();
        return new ReminderCadence(rounds, c.repeat().everyDays(), channels(c.repeat().channels()), severities,
                new ReminderCadence.Courtesy(Boolean.TRUE.equals(courtesy.enabled()), courtesy.daysBeforeDue(),
                        channels(courtesy.channels())), LocalTime.parse(c.sendAt()));
    }

    static SenderProfiles senders(ConfigReader reader) {
        var file = reader.read("reminders/senders.json", "reminders/senders.schema.json", JsonNode.class);
        Map<String, SenderProfile> out = new LinkedHashMap<>();
        for (var it = file.value().fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equals("description")) {
                continue;
            }
            Sender s;
            try {
                s = ConfigReader.JSON.treeToValue(e.getValue(), Sender.class);
            } catch (JsonProcessingException bad) {
                throw file.error(e.getKey(), "does not bind to a sender profile: " + bad.getOriginalMessage());
            }
            out.put(e.getKey(), new SenderProfile(e.getKey(), s.brand(), s.payUrl(), s.hardshipUrl(),
                    s.supportPhone(), s.supportEmail(), s.complaintUrl(), s.regulatorName(), s.regulatorContact(),
                    s.unsubscribeUrl()));
        }
        return new SenderProfiles(out);
    }

    private static Set<Channel> channels(List<Channel> listed) {
        Set<Channel> out = EnumSet.noneOf(Channel.class);
        out.addAll(listed);
        return out;
    }
}

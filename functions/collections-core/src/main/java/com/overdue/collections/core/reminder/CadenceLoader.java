package com.overdue.collections.core.reminder;

import com.overdue.collections.core.config.ConfigFile;
import com.overdue.collections.core.contact.Channel;
import com.overdue.collections.core.delinquency.Severity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads the reminder cadence from {@code config/reminders/cadence.json}; errors name the file and the key. */
public final class CadenceLoader {

    public static final String DEFAULT_FILE = "config/reminders/cadence.json";

    private CadenceLoader() {
    }

    public static ReminderCadence loadDefault() {
        return load(CadenceLoader.class.getClassLoader(), DEFAULT_FILE);
    }

    public static ReminderCadence load(ClassLoader classLoader, String name) {
        ConfigFile.Node root = ConfigFile.read(classLoader, name).root()
                .onlyKeys(Set.of("description", "rounds", "repeat", "whileSeverity", "courtesy", "sendAt"));
        List<ReminderCadence.Round> rounds = new ArrayList<>();
        List<ConfigFile.Node> nodes = root.objects("rounds");
        for (int i = 0; i < nodes.size(); i++) {
            ConfigFile.Node r = nodes.get(i).onlyKeys(Set.of("round", "when", "daysPastDue", "channels"));
            String when = r.text("when");
            ReminderCadence.Round round = switch (when) {
                case "firstWorkingDayAfterDue" -> {
                    if (i != 0) {
                        throw r.error("when", "only the first round can be on the first working day after due");
                    }
                    yield new ReminderCadence.Round(r.text("round"),
                            ReminderCadence.Trigger.FIRST_WORKING_DAY_AFTER_DUE, 1, channels(r));
                }
                case "daysPastDue" -> new ReminderCadence.Round(r.text("round"),
                        ReminderCadence.Trigger.DAYS_PAST_DUE, r.integer("daysPastDue", 1), channels(r));
                default -> throw r.error("when", "expected firstWorkingDayAfterDue or daysPastDue but was " + when);
            };
            if (round.code().startsWith(ReminderCadence.REPEAT_PREFIX)
                    || round.code().equals(ReminderCadence.COURTESY) || round.code().contains("#")) {
                throw r.error("round", "\"" + round.code() + "\" is reserved or contains #");
            }
            if (rounds.stream().anyMatch(x -> x.code().equals(round.code()))) {
                throw r.error("round", "\"" + round.code() + "\" is listed twice");
            }
            rounds.add(round);
        }
        if (rounds.isEmpty() || rounds.get(0).trigger() != ReminderCadence.Trigger.FIRST_WORKING_DAY_AFTER_DUE) {
            throw root.error("rounds", "the first round must be \"when\": \"firstWorkingDayAfterDue\" (RULES §2)");
        }
        ConfigFile.Node repeat = root.object("repeat").onlyKeys(Set.of("everyDays", "channels"));
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        for (String s : root.texts("whileSeverity")) {
            try {
                severities.add(Severity.valueOf(s));
            } catch (IllegalArgumentException e) {
                throw root.error("whileSeverity", "unknown severity \"" + s + "\"");
            }
        }
        ConfigFile.Node c = root.object("courtesy").onlyKeys(Set.of("enabled", "daysBeforeDue", "channels"));
        ReminderCadence.Courtesy courtesy = new ReminderCadence.Courtesy(c.bool("enabled", false),
                c.integer("daysBeforeDue", 1), channels(c));
        return new ReminderCadence(rounds, repeat.integer("everyDays", 0), channels(repeat), severities, courtesy,
                root.time("sendAt"));
    }

    private static Set<Channel> channels(ConfigFile.Node node) {
        Set<Channel> out = EnumSet.noneOf(Channel.class);
        List<String> names = node.texts("channels");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Channel channel = Channel.fromContractName(name).filter(ch -> ch.name().equals(name) && ch != Channel.CALL)
                    .orElse(null);
            if (channel == null) {
                throw node.error("channels[" + i + "]", "not a reminder channel \"" + name + "\" (SMS, EMAIL or IN_APP)");
            }
            out.add(channel);
        }
        if (out.isEmpty()) {
            throw node.error("channels", "lists no channel");
        }
        return out;
    }
}

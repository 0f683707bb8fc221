package com.overdue.collections.core.config;

import com.overdue.collections.core.contact.CallFrequencyRule;
import com.overdue.collections.core.contact.CeaseCommunicationRule;
import com.overdue.collections.core.contact.Channel;
import com.overdue.collections.core.contact.ComplaintPauseRule;
import com.overdue.collections.core.contact.ContactPolicy;
import com.overdue.collections.core.contact.ContactRule;
import com.overdue.collections.core.contact.DailyCapRule;
import com.overdue.collections.core.contact.DailyConversationLimitRule;
import com.overdue.collections.core.contact.OpenDisputeRule;
import com.overdue.collections.core.contact.OptOutRule;
import com.overdue.collections.core.contact.QuietHoursRule;
import com.overdue.collections.core.contact.RulePack;
import com.overdue.collections.core.contact.RulePacks;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Loads the contact rule pack of every jurisdiction {@code contact/index.json} lists. */
final class RulePackFiles {

    record Index(List<String> jurisdictions) {
    }

    record PackFile(String jurisdiction, String description, List<Rule> rules) {
    }

    /** Every rule kind's keys; the schema admits only those of the kind named by {@code rule}. */
    record Rule(String rule, String basis, List<Channel> channels, String from, String until,
                Map<Channel, Integer> limits, Integer maxPerDay, Integer maxAttempts, Integer windowDays,
                Integer daysAfterConversation) {
    }

    private RulePackFiles() {
    }

    static ContactPolicy load(ConfigReader reader) {
        List<RulePack> packs = new ArrayList<>();
        for (String jurisdiction : reader.read("contact/index.json", "contact/index.schema.json", Index.class).value()
                .jurisdictions()) {
            packs.add(pack(reader.read("contact/" + jurisdiction + ".json", "contact/rule-pack.schema.json",
                    PackFile.class), jurisdiction));
        }
        return new ContactPolicy(new RulePacks(packs));
    }

    private static RulePack pack(ConfigReader.Parsed<PackFile> file, String jurisdiction) {
        if (!file.value().jurisdiction().equals(jurisdiction)) {
            throw file.error("jurisdiction", "is " + file.value().jurisdiction() + " but the file is for "
                    + jurisdiction);
        }
        List<ContactRule> rules = new ArrayList<>();
        List<Rule> listed = file.value().rules();
        for (int i = 0; i < listed.size(); i++) {
            rules.add(rule(file, "rules[" + i + "]", listed.get(i)));
        }
        return new RulePack(jurisdiction, file.digest(), rules);
    }

    private static ContactRule rule(ConfigReader.Parsed<PackFile> file, String at, Rule r) {
        String basis = r.basis();
        return switch (r.rule()) {
            case OptOutRule.NAME -> new OptOutRule(channels(r), basis);
            case CeaseCommunicationRule.NAME -> new CeaseCommunicationRule(channels(r), basis);
            case OpenDisputeRule.NAME -> new OpenDisputeRule(channels(r), basis);
            case ComplaintPauseRule.NAME -> new ComplaintPauseRule(channels(r), basis);
            case QuietHoursRule.NAME -> {
                try {
                    yield new QuietHoursRule(LocalTime.parse(r.from()), LocalTime.parse(r.until()), channels(r), basis);
                } catch (IllegalArgumentException e) {
                    throw file.error(at, e.getMessage());
                }
            }
            case DailyCapRule.NAME -> {
                Map<Channel, Integer> limits = new EnumMap<>(Channel.class);
                limits.putAll(r.limits());
                yield new DailyCapRule(limits, basis);
            }
            case DailyConversationLimitRule.NAME -> new DailyConversationLimitRule(r.maxPerDay(), basis);
            case CallFrequencyRule.NAME -> new CallFrequencyRule(r.maxAttempts(), r.windowDays(),
                    r.daysAfterConversation(), basis);
            default -> throw file.error(at + ".rule", "unknown rule \"" + r.rule() + "\"");
        };
    }

    /** The channels a rule speaks about; all channels when the key is absent. */
    private static Set<Channel> channels(Rule r) {
        if (r.channels() == null) {
            return EnumSet.allOf(Channel.class);
        }
        Set<Channel> out = EnumSet.noneOf(Channel.class);
        out.addAll(r.channels());
        return out;
    }
}

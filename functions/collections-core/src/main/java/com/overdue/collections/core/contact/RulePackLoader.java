package com.overdue.collections.core.contact;

import com.overdue.collections.core.config.ConfigFile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a jurisdiction's rule pack from {@code config/contact/<J>.json} (the numbers and legal bases are data; each
 * rule kind is a class). Every problem names the file and the key.
 */
public final class RulePackLoader {

    public static final String DEFAULT_ROOT = "config/contact";

    private static final Pattern JURISDICTION = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Set<String> PACK_KEYS = Set.of("jurisdiction", "description", "rules");
    private static final Set<String> COMMON = Set.of("rule", "basis", "channels");

    private final ClassLoader classLoader;
    private final String root;

    public RulePackLoader() {
        this(RulePackLoader.class.getClassLoader(), DEFAULT_ROOT);
    }

    public RulePackLoader(ClassLoader classLoader, String root) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.root = Objects.requireNonNull(root, "root");
    }

    /** The jurisdictions {@code index.json} lists (read instead of scanning the classpath, for the native image). */
    public List<String> jurisdictions() {
        ConfigFile index = ConfigFile.read(classLoader, root + "/index.json");
        ConfigFile.Node node = index.root().onlyKeys(Set.of("jurisdictions"));
        List<String> codes = node.texts("jurisdictions");
        for (int i = 0; i < codes.size(); i++) {
            if (!JURISDICTION.matcher(codes.get(i)).matches()) {
                throw node.error("jurisdictions[" + i + "]", "not a jurisdiction code \"" + codes.get(i) + "\"");
            }
        }
        return codes;
    }

    public RulePack load(String jurisdiction) {
        if (!JURISDICTION.matcher(jurisdiction).matches()) {
            throw new IllegalArgumentException("not a jurisdiction code \"" + jurisdiction + "\"");
        }
        ConfigFile file = ConfigFile.read(classLoader, root + "/" + jurisdiction + ".json");
        ConfigFile.Node pack = file.root().onlyKeys(PACK_KEYS);
        if (!pack.text("jurisdiction").equals(jurisdiction)) {
            throw pack.error("jurisdiction", "is " + pack.text("jurisdiction") + " but the file is for "
                    + jurisdiction);
        }
        List<ContactRule> rules = new ArrayList<>();
        for (ConfigFile.Node r : pack.objects("rules")) {
            rules.add(rule(r));
        }
        if (rules.isEmpty()) {
            throw pack.error("rules", "lists no rule");
        }
        return new RulePack(jurisdiction, file.digest(), rules);
    }

    private static ContactRule rule(ConfigFile.Node r) {
        String name = r.text("rule");
        String basis = r.text("basis");
        return switch (name) {
            case OptOutRule.NAME -> new OptOutRule(channels(r.onlyKeys(COMMON)), basis);
            case CeaseCommunicationRule.NAME -> new CeaseCommunicationRule(channels(r.onlyKeys(COMMON)), basis);
            case OpenDisputeRule.NAME -> new OpenDisputeRule(channels(r.onlyKeys(COMMON)), basis);
            case ComplaintPauseRule.NAME -> new ComplaintPauseRule(channels(r.onlyKeys(COMMON)), basis);
            case QuietHoursRule.NAME -> {
                r.onlyKeys(with("from", "until"));
                try {
                    yield new QuietHoursRule(r.time("from"), r.time("until"), channels(r), basis);
                } catch (IllegalArgumentException e) {
                    throw r.error(e.getMessage());
                }
            }
            case DailyCapRule.NAME -> {
                r.onlyKeys(Set.of("rule", "basis", "limits"));
                ConfigFile.Node limits = r.object("limits");
                Map<Channel, Integer> byChannel = new EnumMap<>(Channel.class);
                for (String key : limits.keys()) {
                    byChannel.put(channel(limits, key, key), limits.integer(key, 0));
                }
                yield new DailyCapRule(byChannel, basis);
            }
            case DailyConversationLimitRule.NAME -> {
                r.onlyKeys(Set.of("rule", "basis", "maxPerDay"));
                yield new DailyConversationLimitRule(r.integer("maxPerDay", 0), basis);
            }
            case CallFrequencyRule.NAME -> {
                r.onlyKeys(Set.of("rule", "basis", "maxAttempts", "windowDays", "daysAfterConversation"));
                yield new CallFrequencyRule(r.integer("maxAttempts", 1), r.integer("windowDays", 1),
                        r.integer("daysAfterConversation", 0), basis);
            }
            default -> throw r.error("rule", "unknown rule \"" + name + "\" (known: " + List.of(OptOutRule.NAME,
                    CeaseCommunicationRule.NAME, OpenDisputeRule.NAME, ComplaintPauseRule.NAME, QuietHoursRule.NAME,
                    DailyCapRule.NAME, DailyConversationLimitRule.NAME, CallFrequencyRule.NAME) + ")");
        };
    }

    private static Set<String> with(String... extra) {
        Set<String> keys = new java.util.HashSet<>(COMMON);
        keys.addAll(List.of(extra));
        return keys;
    }

    /** The channels a rule speaks about; all channels when the key is absent. */
    private static Set<Channel> channels(ConfigFile.Node r) {
        if (!r.has("channels")) {
            return EnumSet.allOf(Channel.class);
        }
        List<String> names = r.texts("channels");
        Set<Channel> out = EnumSet.noneOf(Channel.class);
        for (int i = 0; i < names.size(); i++) {
            out.add(channel(r, "channels[" + i + "]", names.get(i)));
        }
        return out;
    }

    private static Channel channel(ConfigFile.Node node, String key, String name) {
        return Channel.fromContractName(name).filter(c -> c.name().equals(name)).orElseThrow(() ->
                node.error(key, "unknown channel \"" + name + "\" (expected one of " + List.of(Channel.values()) + ")"));
    }
}

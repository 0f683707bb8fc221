package com.overdue.collections.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.contact.Channel;
import com.overdue.collections.core.contact.ContactRule;
import com.overdue.collections.core.contact.DailyCapRule;
import com.overdue.collections.core.contact.RulePacks;
import com.overdue.collections.emulators.crash.CrashInjector;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The crash drill of {@code collections simulate --crash-drill SEED [--crash-rate R]}: runs the input twice, clean
 * into {@code OUT/clean/} and under a {@link CrashInjector#perAttempt seeded injector} into {@code OUT/}, then
 * proves the drill run ended where the clean run ended:
 * <ul>
 *   <li><b>outputs identical</b>: every {@code loans/*.json}, {@code decisions.jsonl} and every file under
 *       {@code credit/} (Metro 2 files and manifests), byte for byte;</li>
 *   <li><b>effects lost</b>: every action id, e-mail, SMS, in-app message and Metro 2 file the clean run delivered
 *       that the drill run never delivered (should be 0);</li>
 *   <li><b>duplicates</b>: the same id delivered more than once (at-least-once delivery: allowed, counted);</li>
 *   <li><b>caps</b>: no borrower sent more on a channel in a local day than the strictest daily cap of its rule
 *       packs.</li>
 * </ul>
 * The figures go to the console and {@code OUT/drill.json}; the run fails (exit 3) when anything is lost, differs
 * or breaks a cap.
 */
final class CrashDrill {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The effect kinds that count for "effects lost". */
    private static final List<String> EFFECTS = List.of("action", "email", "sms", "inapp", "metro2");

    final long seed;
    final double rate;
    final SimulationReport clean;
    final SimulationReport drill;
    final List<String> differences;
    final Set<String> lost;
    final List<String> capBreaches;

    private CrashDrill(long seed, double rate, SimulationReport clean, SimulationReport drill,
                       List<String> differences, Set<String> lost, List<String> capBreaches) {
        this.seed = seed;
        this.rate = rate;
        this.clean = clean;
        this.drill = drill;
        this.differences = differences;
        this.lost = lost;
        this.capBreaches = capBreaches;
    }

    static CrashDrill run(Simulation simulation, List<String> lines, LocalDate from, LocalDate to, Path out,
                          long seed, double rate) throws IOException {
        Path cleanDir = out.resolve("clean");
        SimulationReport clean = simulation.run(lines, from, to, cleanDir);
        SimulationReport drill = simulation.run(lines, from, to, out, CrashInjector.perAttempt(seed, rate));
        CrashDrill result = compare(seed, rate, clean, cleanDir, drill, out, simulation.rulePacks());
        Files.writeString(out.resolve("drill.json"), result.toJson().toPrettyString() + "\n",
                StandardCharsets.UTF_8);
        return result;
    }

    /** Compares a run under crashes ({@code drill} in {@code out}) with a clean one ({@code clean} in cleanDir). */
    static CrashDrill compare(long seed, double rate, SimulationReport clean, Path cleanDir, SimulationReport drill,
                              Path out, RulePacks packs) throws IOException {
        List<String> differences = new ArrayList<>();
        compareFiles(cleanDir.resolve("loans"), out.resolve("loans"), "loans/", differences);
        compareFile(cleanDir.resolve("decisions.jsonl"), out.resolve("decisions.jsonl"), "decisions.jsonl",
                differences);
        compareFiles(cleanDir.resolve("credit"), out.resolve("credit"), "credit/", differences);
        Set<String> lost = new TreeSet<>();
        Set<String> delivered = drill.deliveries.ids();
        for (String id : clean.deliveries.ids()) {
            if (EFFECTS.contains(id.substring(0, id.indexOf(':'))) && !delivered.contains(id)) {
                lost.add(id);
            }
        }
        return new CrashDrill(seed, rate, clean, drill, differences, lost,
                capBreaches(out.resolve("contacts.jsonl"), packs));
    }

    boolean passed() {
        return differences.isEmpty() && lost.isEmpty() && capBreaches.isEmpty();
    }

    long duplicates() {
        return drill.deliveries.duplicatesByKind().values().stream().mapToLong(Long::longValue).sum();
    }

    ObjectNode toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("seed", seed).put("crashRate", rate).put("passed", passed());
        n.put("crashesInjected", drill.crashes);
        ObjectNode points = n.putObject("crashesByPoint");
        drill.crashesByPoint.forEach(points::put);
        n.put("redeliveries", drill.redeliveries).put("deadLettered", drill.deadLettered);
        n.put("duplicateDeliveries", duplicates());
        ObjectNode dupByKind = n.putObject("duplicatesByKind");
        drill.deliveries.duplicatesByKind().forEach(dupByKind::put);
        ObjectNode cleanCounts = n.putObject("cleanDelivered");
        clean.deliveries.countsByKind().forEach(cleanCounts::put);
        ObjectNode drillCounts = n.putObject("drillDelivered");
        drill.deliveries.countsByKind().forEach(drillCounts::put);
        n.put("effectsLost", lost.size());
        // SMS ids are hashes of recipient and text: counted, never listed.
        lost.stream().filter(id -> !id.startsWith("sms:")).forEach(n.putArray("lost")::add);
        n.put("lostSms", lost.stream().filter(id -> id.startsWith("sms:")).count());
        n.put("outputsIdentical", differences.isEmpty());
        differences.forEach(n.putArray("differences")::add);
        capBreaches.forEach(n.putArray("capBreaches")::add);
        return n;
    }

    void print(PrintStream out) {
        out.printf("%nCrash drill (seed %d, crash rate %.3f per invocation; clean run in clean/)%n", seed, rate);
        out.printf("  crashes injected      %d%n", drill.crashes);
        drill.crashesByPoint.forEach((point, count) -> out.printf("    %-32s %d%n", point, count));
        out.printf("  redeliveries          %d%n", drill.redeliveries);
        out.printf("  dead-lettered         %d (dlq.jsonl)%n", drill.deadLettered);
        out.printf("  duplicate deliveries  %d %s%n", duplicates(), drill.deliveries.duplicatesByKind());
        out.printf("  effects lost          %d of %d%n", lost.size(), clean.deliveries.ids().size());
        lost.stream().filter(id -> !id.startsWith("sms:")).limit(20).forEach(id -> out.println("    " + id));
        long lostSms = lost.stream().filter(id -> id.startsWith("sms:")).count();
        if (lostSms > 0) {
            out.printf("    %d SMS%n", lostSms);
        }
        out.printf("  outputs vs clean run  %s%n", differences.isEmpty() ? "identical (loans/, decisions.jsonl, credit/)"
                : differences.size() + " differ");
        differences.stream().limit(20).forEach(d -> out.println("    " + d));
        out.printf("  daily caps            %s%n", capBreaches.isEmpty() ? "kept" : capBreaches.size() + " breached");
        capBreaches.stream().limit(20).forEach(b -> out.println("    " + b));
        out.println(passed() ? "  DRILL PASSED" : "  DRILL FAILED");
    }

    private static void compareFiles(Path clean, Path drill, String label, List<String> differences)
            throws IOException {
        Set<String> names = new TreeSet<>();
        names.addAll(list(clean));
        names.addAll(list(drill));
        for (String name : names) {
            compareFile(clean.resolve(name), drill.resolve(name), label + name, differences);
        }
    }

    private static Set<String> list(Path dir) throws IOException {
        Set<String> out = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(Files::isRegularFile).forEach(f -> out.add(f.getFileName().toString()));
            }
        }
        return out;
    }

    private static void compareFile(Path clean, Path drill, String label, List<String> differences)
            throws IOException {
        if (!Files.exists(drill)) {
            differences.add(label + ": missing in the drill run");
        } else if (!Files.exists(clean)) {
            differences.add(label + ": only in the drill run");
        } else if (Files.mismatch(clean, drill) >= 0) {
            differences.add(label + ": differs");
        }
    }

    /**
     * Borrower-days over a channel's daily cap in the drill run's contacts.jsonl: distinct messages SENT per borrower,
     * channel and local day, against the strictest {@code dailyCap} of the contact's rule packs, as the run was
     * configured ({@code packs}: the shipped ones, or those of a {@code --config} overlay).
     */
    static List<String> capBreaches(Path contacts, RulePacks packs) throws IOException {
        Map<String, Set<String>> sent = new TreeMap<>();
        Map<String, Integer> limitOf = new HashMap<>();
        Map<String, Map<Channel, Integer>> caps = new HashMap<>();
        if (!Files.exists(contacts)) {
            return List.of();
        }
        for (String line : Files.readAllLines(contacts, StandardCharsets.UTF_8)) {
            JsonNode r = MAPPER.readTree(line);
            if (!"SENT".equals(r.path("state").asText()) || r.path("sentAt").isNull()) {
                continue;
            }
            String channel = r.path("channel").asText();
            Channel contactChannel = Channel.fromContractName(channel).orElse(null);
            Integer limit = null;
            for (JsonNode j : r.path("jurisdictions")) {
                Integer l = caps.computeIfAbsent(j.asText(), jurisdiction -> dailyCaps(packs, jurisdiction))
                        .get(contactChannel);
                if (l != null && (limit == null || l < limit)) {
                    limit = l;
                }
            }
            if (limit == null) {
                continue;
            }
            LocalDate day = Instant.parse(r.path("sentAt").asText()).atZone(ZoneId.of(r.path("timeZone").asText()))
                    .toLocalDate();
            String key = r.path("borrowerId").asText() + " " + channel + " " + day;
            sent.computeIfAbsent(key, k -> new HashSet<>()).add(r.path("messageId").asText());
            limitOf.merge(key, limit, Math::min);
        }
        List<String> breaches = new ArrayList<>();
        sent.forEach((key, messages) -> {
            if (messages.size() > limitOf.get(key)) {
                breaches.add(key + ": " + messages.size() + " sent (cap " + limitOf.get(key) + ")");
            }
        });
        return breaches;
    }

    /** The strictest dailyCap limit per channel of {@code jurisdiction}'s rule pack. */
    private static Map<Channel, Integer> dailyCaps(RulePacks packs, String jurisdiction) {
        Map<Channel, Integer> caps = new EnumMap<>(Channel.class);
        for (ContactRule rule : packs.forJurisdiction(jurisdiction).rules()) {
            if (rule instanceof DailyCapRule cap) {
                cap.limits().forEach((channel, limit) -> caps.merge(channel, limit, Math::min));
            }
        }
        return caps;
    }
}

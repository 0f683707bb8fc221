package com.overdue.collections.local;

import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.contact.Channel;
import com.overdue.collections.core.contact.DailyCapRule;
import com.overdue.collections.core.contact.RulePack;
import com.overdue.collections.core.contact.RulePacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The crash drill's daily-cap check reads the caps of the rule packs the run was configured with. */
class CrashDrillCapTest {

    /** Three SMS and one e-mail sent to one borrower on one local day (Shanghai), one SMS the next day. */
    private static Path contacts(Path dir) throws IOException {
        Path file = dir.resolve("contacts.jsonl");
        String line = "{\"borrowerId\":\"B-1\",\"channel\":\"%s\",\"messageId\":\"%s\",\"state\":\"%s\","
                + "\"sentAt\":%s,\"jurisdictions\":[\"CN\"],\"timeZone\":\"Asia/Shanghai\"}";
        Files.write(file, List.of(
                line.formatted("SMS", "M1", "SENT", "\"2026-09-01T01:00:00Z\""),
                line.formatted("SMS", "M2", "SENT", "\"2026-09-01T05:00:00Z\""),
                line.formatted("SMS", "M3", "SENT", "\"2026-09-01T15:59:00Z\""),
                // 16:00 UTC is midnight in Shanghai: the next local day.
                line.formatted("SMS", "M4", "SENT", "\"2026-09-01T16:00:00Z\""),
                line.formatted("EMAIL", "M5", "SENT", "\"2026-09-01T02:00:00Z\""),
                // Not sent: neither counts.
                line.formatted("SMS", "M6", "DEFERRED", "null"),
                line.formatted("SMS", "M7", "SUPPRESSED", "null")), StandardCharsets.UTF_8);
        return file;
    }

    private static RulePacks cn(Map<Channel, Integer> caps) {
        return new RulePacks(List.of(new RulePack("CN", "test",
                List.of(new DailyCapRule(caps, "test cap"), new DailyCapRule(Map.of(Channel.SMS, 9), "looser")))));
    }

    @Test
    void a_borrower_day_over_the_configured_cap_is_a_breach_and_the_strictest_cap_applies(@TempDir Path dir)
            throws IOException {
        Path file = contacts(dir);
        assertThat(CrashDrill.capBreaches(file, cn(Map.of(Channel.SMS, 2))))
                .containsExactly("B-1 SMS 2026-09-01: 3 sent (cap 2)");
        assertThat(CrashDrill.capBreaches(file, cn(Map.of(Channel.SMS, 3, Channel.EMAIL, 0))))
                .containsExactly("B-1 EMAIL 2026-09-01: 1 sent (cap 0)");
    }

    @Test
    void the_caps_are_the_runs_not_the_shipped_files(@TempDir Path dir) throws IOException {
        Path file = contacts(dir);
        // A --config overlay that loosens the cap: the drill must not report what that configuration allows.
        assertThat(CrashDrill.capBreaches(file, cn(Map.of(Channel.SMS, 5)))).isEmpty();
        // And the shipped CN pack is what a run without an overlay is checked against.
        RulePacks shipped = EngineConfiguration.fromClasspath().contactPolicy().packs();
        assertThat(shipped.forJurisdiction("CN").rules()).anyMatch(DailyCapRule.class::isInstance);
        assertThat(CrashDrill.capBreaches(dir.resolve("absent.jsonl"), shipped)).isEmpty();
    }
}

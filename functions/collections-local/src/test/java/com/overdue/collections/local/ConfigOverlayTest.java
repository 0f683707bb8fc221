package com.overdue.collections.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --config DIR}, the strategy back-test: the same events under a changed escalation ladder end in another
 * stage; a file of the overlay that the engine refuses is a usage error naming the file and the rule.
 */
class ConfigOverlayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = CollectionsCliTest.DIR.resolve("overlay");

    /** The shipped CN ladder with the call step (and its challenger override) moved from DPD 16 to DPD 3. */
    private static Path earlyCallLadder() throws IOException {
        ObjectNode ladder;
        try (InputStream in = ConfigOverlayTest.class.getClassLoader()
                .getResourceAsStream("config/escalation/CONSUMER-INSTALMENT.json")) {
            ladder = (ObjectNode) JSON.readTree(in);
        }
        for (JsonNode step : ladder.path("steps")) {
            if (step.path("stage").asText().equals("CALL")) {
                ((ObjectNode) step.path("when")).put("minDpd", 3);
            }
        }
        ((ObjectNode) ladder.path("challenger").path("overrides").path("CALL")).put("minDpd", 3);
        Path config = DIR.resolve("early-call");
        Files.createDirectories(config.resolve("escalation"));
        JSON.writerWithDefaultPrettyPrinter().writeValue(config.resolve("escalation/CONSUMER-INSTALMENT.json").toFile(),
                ladder);
        return config;
    }

    private static String stage(Path out, String loanId) throws IOException {
        return JSON.readTree(out.resolve("loans").resolve(loanId + ".json").toFile()).path("stage").asText();
    }

    @Test
    void the_same_events_under_a_ladder_that_calls_earlier_end_in_the_call_stage() throws Exception {
        Files.createDirectories(DIR);
        // Due 2026-09-10, unpaid: DPD 5 on the last day. The shipped ladder calls at DPD 16, the overlay at DPD 3.
        Path events = Files.writeString(DIR.resolve("events.jsonl"), SimulationCalendarTest.booked("E-1", "L-LATE",
                "CN", "2026-08-10", "2026-09-10") + "\n");
        Path shipped = DIR.resolve("out-shipped");
        Path changed = DIR.resolve("out-early-call");

        CollectionsCliTest.Result a = CollectionsCliTest.run("simulate", "--events", events.toString(), "--from",
                "2026-09-08", "--to", "2026-09-15", "--out", shipped.toString(), "--quiet");
        CollectionsCliTest.Result b = CollectionsCliTest.run("simulate", "--events", events.toString(), "--from",
                "2026-09-08", "--to", "2026-09-15", "--out", changed.toString(), "--quiet", "--config",
                earlyCallLadder().toString());

        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(stage(shipped, "L-LATE")).isEqualTo("EARLY_REMINDER");
        assertThat(stage(changed, "L-LATE")).isEqualTo("CALL");
        // --quiet: no status or progress lines, the summary only.
        assertThat(a.err()).isEmpty();
        assertThat(b.err()).isEmpty();
        assertThat(b.out()).contains("Portfolio on 2026-09-15");
    }

    @Test
    void an_overlay_file_the_engine_refuses_is_a_usage_error_naming_the_file_and_the_rule() throws Exception {
        Path config = DIR.resolve("bad");
        Files.createDirectories(config.resolve("escalation"));
        Path ladder = earlyCallLadder().resolve("escalation/CONSUMER-INSTALMENT.json");
        Path bad = config.resolve("escalation/CONSUMER-INSTALMENT.json");
        Files.writeString(bad, Files.readString(ladder).replace("\"minDpd\" : 3", "\"minDpd\" : -3"));

        CollectionsCliTest.Result r = CollectionsCliTest.run("demo", "--loans", "1", "--days", "1", "--out",
                DIR.resolve("out-bad").toString(), "--config", config.toString());

        assertThat(r.exit()).isEqualTo(2);
        String first = r.err().lines().findFirst().orElse("");
        assertThat(first).startsWith("collections demo: --config: ").contains(bad.toString(), "minDpd");
        assertThat(r.err()).doesNotContain("\tat ");
        assertThat(DIR.resolve("out-bad")).doesNotExist();

        Files.writeString(bad, "{ not json");
        CollectionsCliTest.Result notJson = CollectionsCliTest.run("demo", "--out", DIR.resolve("out-bad").toString(),
                "--config", config.toString());
        assertThat(notJson.exit()).isEqualTo(2);
        assertThat(notJson.err().lines().findFirst().orElse("")).contains(bad.toString(), "not valid JSON");
    }

    @Test
    void an_overlay_file_that_replaces_no_shipped_file_is_named_so_a_misspelt_name_is_not_silently_ignored()
            throws Exception {
        Path config = DIR.resolve("misspelt");
        Files.createDirectories(config.resolve("escalation"));
        Files.copy(earlyCallLadder().resolve("escalation/CONSUMER-INSTALMENT.json"),
                config.resolve("escalation/CONSUMER-INSTALMENT.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(config.resolve("escalation/CONSUMER-INSTALMNT.json"), "{}");
        RunOptions options = new RunOptions();
        options.config = config;

        assertThat(options.unmatchedFiles()).containsExactly("escalation/CONSUMER-INSTALMNT.json");
    }
}

package com.overdue.collections.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the schemas cannot say (references between files, file names, order, duplicates, codes only the domain
 * knows) is refused when the records are mapped to the domain, still naming the file and the key; and some rules
 * each schema does say (conditional keys, ranges, enumerations), with the message a start-up log shows.
 */
class ConfigMappingTest {

    @TempDir
    Path temp;

    /** One overlay per case, so that each case breaks one file only. */
    private int cases;

    /** The message start-up fails with when the shipped {@code path}, changed by {@code change}, is laid over. */
    private String refused(String path, Consumer<ObjectNode> change) {
        Path directory = temp.resolve("case-" + ++cases);
        ObjectNode tree = ConfigOverlay.shipped(path);
        change.accept(tree);
        ConfigOverlay overlay = new ConfigOverlay(directory).write(path, tree);
        Throwable thrown = catchThrowable(() -> {
            EngineConfiguration.load(overlay.source());
            ReminderTemplates.load(overlay.source(), List.of("sms.txt"));
        });
        assertThat(thrown).as(path).isInstanceOf(IllegalStateException.class);
        String name = directory.resolve(path).toString();
        assertThat(thrown.getMessage()).startsWith(name + ": ");
        return thrown.getMessage().substring(name.length() + 2);
    }

    private static ObjectNode at(ObjectNode tree, String pointer) {
        return (ObjectNode) tree.at(pointer);
    }

    @Test
    void products_name_their_file_and_an_existing_rate_series() {
        assertThat(refused("products/CONSUMER-INSTALMENT.json", t -> t.put("productCode", "OTHER")))
                .isEqualTo("productCode: \"OTHER\" does not match the file name");
        assertThat(refused("products/CONSUMER-INSTALMENT.json",
                t -> at(t, "/penalty/maxAnnualRate").put("rateSeries", "US-PRIME")))
                .isEqualTo("penalty.maxAnnualRate.rateSeries: unknown series \"US-PRIME\" (known: [CN-LPR-1Y])");
        assertThat(refused("products/US-CONSUMER-INSTALMENT.json",
                t -> at(t, "/penalty/maxAnnualRate").remove("rate")))
                .isEqualTo("penalty.maxAnnualRate.rate: missing");
        assertThat(refused("products/US-CONSUMER-INSTALMENT.json", t -> at(t, "/penalty").put("annualRate", "-0.1")))
                .startsWith("penalty.annualRate: \"-0.1\" does not match ")
                .endsWith("(a non-negative decimal string)");
        assertThat(refused("products/US-CONSUMER-INSTALMENT.json",
                t -> ((ArrayNode) t.at("/allocation/order")).remove(0)))
                .isEqualTo("allocation.order: lists fewer than 4 item(s)");
    }

    @Test
    void a_rate_series_has_real_dates_each_once() {
        assertThat(refused("rates/CN-LPR-1Y.json", t -> at(t, "/values/1").put("effectiveFrom", "2024-10-21")))
                .isEqualTo("values[1].effectiveFrom: 2024-10-21 is listed twice");
        assertThat(refused("rates/CN-LPR-1Y.json", t -> at(t, "/values/1").put("effectiveFrom", "2025-02-30")))
                .isEqualTo("values[1].effectiveFrom: not a date \"2025-02-30\" (expected yyyy-MM-dd)");
    }

    @Test
    void a_rule_pack_is_for_its_files_jurisdiction_and_names_only_known_rules_and_channels() {
        assertThat(refused("contact/CN.json", t -> t.put("jurisdiction", "US")))
                .isEqualTo("jurisdiction: is US but the file is for CN");
        assertThat(refused("contact/CN.json", t -> at(t, "/rules/0").put("rule", "doNotCall")))
                .startsWith("rules[0].rule: expected \"optOut\", \"ceaseCommunication\", ")
                .endsWith(" or \"callFrequency\" but was \"doNotCall\"");
        assertThat(refused("contact/CN.json", t -> at(t, "/rules/4").put("until", "22:00")))
                .isEqualTo("rules[4]: quiet hours from 22:00 until 22:00 is an empty window");
        assertThat(refused("contact/US.json", t -> at(t, "/rules/5/limits").put("FAX", 1)))
                .startsWith("rules[5].limits: property 'FAX' name is not valid");
        assertThat(refused("contact/US.json", t -> at(t, "/rules/6").put("maxAttempts", 0)))
                .isEqualTo("rules[6].maxAttempts: expected a number >= 1 but was 0");
    }

    @Test
    void the_cadence_starts_on_the_first_working_day_and_uses_free_round_codes_once() {
        assertThat(refused("reminders/cadence.json", t -> at(t, "/rounds/0").put("when", "daysPastDue")
                .put("daysPastDue", 1)))
                .isEqualTo("rounds[0].when: the first round must be \"when\": \"firstWorkingDayAfterDue\" (RULES §2)");
        assertThat(refused("reminders/cadence.json", t -> at(t, "/rounds/1").put("round", "W14")))
                .isEqualTo("rounds[1].round: \"W14\" is reserved or contains #");
        assertThat(refused("reminders/cadence.json", t -> at(t, "/rounds/2").put("round", "R2")))
                .isEqualTo("rounds[2].round: \"R2\" is listed twice");
        assertThat(refused("reminders/cadence.json", t -> at(t, "/rounds/1").remove("daysPastDue")))
                .isEqualTo("rounds[1].daysPastDue: missing");
        assertThat(refused("reminders/cadence.json", t -> ((ArrayNode) t.at("/courtesy/channels")).set(0, "CALL")))
                .isEqualTo("courtesy.channels[0]: expected \"SMS\", \"EMAIL\" or \"IN_APP\" but was \"CALL\"");
    }

    @Test
    void senders_name_a_brand_and_templates_fall_back_to_a_listed_locale() {
        assertThat(refused("reminders/senders.json", t -> at(t, "/CN").putObject("brand")))
                .isEqualTo("CN.brand: names fewer than 1 key(s)");
        assertThat(refused("reminders/templates/index.json", t -> t.put("fallback", "fr-FR")))
                .isEqualTo("fallback: fr-FR is not one of the locales");
    }

    @Test
    void bureau_reporting_needs_a_real_time_zone_a_cycle_day_every_month_has_and_metro2_codes() {
        assertThat(refused("bureau/reporting.json", t -> at(t, "/cycle").put("timeZone", "Mars/Olympus")))
                .isEqualTo("cycle.timeZone: \"Mars/Olympus\" is not an IANA time zone");
        assertThat(refused("bureau/reporting.json", t -> at(t, "/cycle").put("day", 31)))
                .isEqualTo("cycle.day: expected a number <= 28 but was 31");
        assertThat(refused("bureau/reporting.json",
                t -> at(t, "/products/US-CONSUMER-INSTALMENT").put("accountType", "ZZ")))
                .isEqualTo("products.US-CONSUMER-INSTALMENT.accountType: \"ZZ\" is not a Metro 2 Account Type code "
                        + "of the Credit Reporting Resource Guide");
        assertThat(refused("bureau/reporting.json", t -> at(t, "/products/US-CONSUMER-INSTALMENT").remove("ecoaCode")))
                .isEqualTo("products.US-CONSUMER-INSTALMENT.ecoaCode: missing");
        assertThat(refused("bureau/reporting.json", t -> at(t, "/furnisher").put("reporterName", "x".repeat(41))))
                .isEqualTo("furnisher: Metro2Reporter.reporterName is longer than its 40-character field");
    }

    @Test
    void call_limits_and_ladders_refer_only_to_what_exists() {
        assertThat(refused("contact/US.json", t -> at(t, "/rules/6").put("maxPerDay", 3)))
                .startsWith("rules[6].maxPerDay: unknown key");
        assertThat(refused("escalation/CONSUMER-INSTALMENT.json",
                t -> at(t, "/abilityVariants/WILLING_BUT_UNABLE/insert/0").put("before", "NOPE")))
                .isEqualTo("abilityVariants.WILLING_BUT_UNABLE.insert[0].before: unknown stage \"NOPE\"");
        assertThat(refused("escalation/CONSUMER-INSTALMENT.json",
                t -> at(t, "/challenger/overrides").set("NOPE", at(t, "/challenger/overrides/CALL"))))
                .isEqualTo("challenger.overrides.NOPE: unknown stage");
        assertThat(refused("escalation/CONSUMER-INSTALMENT.json",
                t -> at(t, "/challenger").put("shareBasisPoints", 10_001)))
                .isEqualTo("challenger.shareBasisPoints: expected a number <= 10000 but was 10001");
    }
}

package com.overdue.collections.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every kind of configuration file: the shipped file loads, and a copy made wrong in one place (a value of the
 * wrong type, an unknown key, a missing key) is refused at load with the file and the key.
 */
class ConfigSchemaTest {

    @TempDir
    Path directory;

    /**
     * File, a value made the wrong type (JSON pointer and value), an object that gets an unknown key {@code zzz},
     * and a required key removed.
     */
    static Stream<Arguments> kinds() {
        return Stream.of(
                kind("products/index.json", "/products", "\"CONSUMER-INSTALMENT\"", "", "/products"),
                kind("products/CONSUMER-INSTALMENT.json", "/penalty/graceDays", "\"3\"", "/penalty",
                        "/penalty/annualRate"),
                kind("rates/index.json", "/series", "{}", "", "/series"),
                kind("rates/CN-LPR-1Y.json", "/values/0/annualRate", "0.031", "/values/0", "/values/1/effectiveFrom"),
                kind("contact/index.json", "/jurisdictions/0", "1", "", "/jurisdictions"),
                kind("contact/CN.json", "/rules/4/from", "2200", "/rules/6", "/rules/0/basis"),
                kind("reminders/cadence.json", "/repeat/everyDays", "\"7\"", "/courtesy", "/sendAt"),
                kind("reminders/senders.json", "/CN/payUrl", "1", "/US", "/CN/supportEmail"),
                kind("reminders/templates/index.json", "/fallback", "[]", "", "/locales"),
                kind("escalation/index.json", "/ladders/1", "false", "", "/ladders"),
                kind("escalation/CONSUMER-INSTALMENT.json", "/steps/1/when/minDpd", "\"16\"", "/steps/0",
                        "/steps/0/rule"),
                kind("contact/US.json", "/rules/6/maxAttempts", "\"7\"", "/rules/6", "/rules/6/daysAfterConversation"),
                kind("bureau/reporting.json", "/cycle/timeZone", "5", "/furnisher", "/furnisher/reporterName"),
                kind("calendars/CN/index.json", "/years/0", "\"2025\"", "", "/years"),
                kind("calendars/US/2026.json", "/year", "\"2026\"", "/holidays/0", "/source"));
    }

    private static Arguments kind(String file, String wrongType, String wrongValue, String object, String required) {
        return Arguments.of(file, wrongType, wrongValue, object, required);
    }

    /** Loads everything the engine loads at start-up, and the reminder templates, from the overlay. */
    private void load() {
        ConfigSource source = ConfigSource.directory(directory);
        EngineConfiguration configuration = EngineConfiguration.load(source);
        configuration.calendars().forJurisdiction("US");
        ReminderTemplates.load(source, List.of("sms.txt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void the_shipped_file_loads_and_a_broken_copy_is_refused_naming_file_and_key(String file, String wrongType,
                                                                                String wrongValue, String object,
                                                                                String required) throws Exception {
        ConfigOverlay overlay = new ConfigOverlay(directory);
        String name = directory.resolve(file).toString();
        overlay.write(file, ConfigOverlay.shipped(file));
        assertThatCode(this::load).doesNotThrowAnyException();

        ObjectNode tree = ConfigOverlay.shipped(file);
        set(tree, wrongType, ConfigOverlay.JSON.readTree(wrongValue));
        overlay.write(file, tree);
        assertThatThrownBy(this::load).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(name + ": " + key(wrongType) + ": expected ");

        tree = ConfigOverlay.shipped(file);
        ((ObjectNode) tree.at(object)).put("zzz", "unknown");
        overlay.write(file, tree);
        assertThatThrownBy(this::load).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(name + ": " + key(object + "/zzz") + ": unknown key (expected ");

        tree = ConfigOverlay.shipped(file);
        ((ObjectNode) tree.at(parent(required))).remove(last(required));
        overlay.write(file, tree);
        assertThatThrownBy(this::load).isInstanceOf(IllegalStateException.class)
                .hasMessage(name + ": " + key(required) + ": missing");
    }

    private static void set(JsonNode root, String pointer, JsonNode value) {
        JsonNode parent = root.at(parent(pointer));
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last(pointer)), value);
        } else {
            ((ObjectNode) parent).set(last(pointer), value);
        }
    }

    private static String parent(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static String last(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    /** "/rules/4/from" is the key "rules[4].from" of the messages. */
    static String key(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            if (part.matches("[0-9]+")) {
                out.append('[').append(part).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(part);
            }
        }
        return out.toString();
    }

    @Test
    void the_pointer_to_key_helper_spells_keys_as_the_messages_do() {
        assertThat(key("/rules/4/from")).isEqualTo("rules[4].from");
        assertThat(key("/packs/CN/1/max")).isEqualTo("packs.CN[1].max");
    }
}

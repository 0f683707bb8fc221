package com.overdue.collections.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Jackson binds the configuration records by reflection, which a native image allows only for registered classes:
 * core's {@code reflect-config.json} must list every record the loaders bind, and nothing else.
 */
class NativeReflectionTest {

    private static final String CONFIG =
            "META-INF/native-image/com.overdue.collections/collections-core/reflect-config.json";

    @Test
    void every_bound_configuration_record_is_registered_for_reflection() throws IOException {
        List<String> bound = Stream.of(ProductFiles.class, RulePackFiles.class, ReminderFiles.class,
                        ReminderTemplates.class, BureauFile.class, CalendarFiles.class, EscalationFiles.class)
                .flatMap(c -> Stream.of(c.getDeclaredClasses()))
                // Template is built by the loader, never bound from JSON.
                .filter(Class::isRecord).filter(c -> c != ReminderTemplates.Template.class)
                .map(Class::getName).toList();
        List<String> registered = new ArrayList<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(CONFIG)) {
            assertThat(in).as(CONFIG).isNotNull();
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                registered.add(entry.get("name").asText());
                assertThat(entry.get("allDeclaredConstructors").asBoolean()).as(entry.toString()).isTrue();
            }
        }

        assertThat(bound).hasSizeGreaterThan(20);
        assertThat(registered).containsExactlyInAnyOrderElementsOf(bound);
    }
}

package com.overdue.collections.lambda.config;

import com.overdue.collections.lambda.engine.EngineSettings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The producer's settings: the shared defaults when nothing is set, and every property read under its own name. */
class EngineBeansSettingsTest {

    @Test
    void no_properties_give_the_shared_defaults() {
        assertThat(EngineBeans.settings(config(Map.of()))).isEqualTo(EngineSettings.defaults());
    }

    @Test
    void the_shipped_application_properties_set_no_engine_value() throws IOException {
        // Lambda runs with application.properties plus the environment of template.yaml: the file must not carry
        // a second default, or the local runner (which uses the defaults) would run another engine.
        Config shipped = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                getClass().getClassLoader().getResource("application.properties"), 250)).build();
        assertThat(EngineBeans.settings(shipped)).isEqualTo(EngineSettings.defaults());
    }

    @Test
    void each_property_sets_its_value() {
        EngineSettings s = EngineBeans.settings(config(Map.of(
                "collections.table-name", "t",
                "collections.review-shards", "7",
                "collections.reminders.defer-shards", "3",
                "collections.reminders.sweep-batch-size", "25",
                "collections.work-topic-arn", "arn:work",
                "collections.actions-topic-arn", "arn:actions",
                "collections.report-bucket", "reports",
                "collections.reminders.email-from", "from@example.org",
                "collections.reminders.unsubscribe-mailto", "mailto:u@example.org",
                "collections.reminders.sms-sender-id", "SENDER")));
        assertThat(s).isEqualTo(new EngineSettings("t", 7, 3, 25, "arn:work", "arn:actions", "reports",
                "from@example.org", "mailto:u@example.org", "SENDER"));
    }

    @Test
    void a_property_that_is_not_a_number_is_refused_by_name() {
        assertThatThrownBy(() -> EngineBeans.settings(config(Map.of("collections.review-shards", "many"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collections.review-shards");
    }

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 250)).build();
    }
}

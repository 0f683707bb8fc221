package com.overdue.collections.local;

import com.overdue.collections.lambda.config.EngineBeans;
import com.overdue.collections.lambda.engine.EngineSettings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/** The local runner runs the engine Lambda runs: any drift between their settings fails here. */
class EngineSettingsDriftTest {

    @Test
    void the_simulation_uses_the_settings_the_lambda_producer_reads_from_the_shipped_properties() throws IOException {
        URL shipped = EngineBeans.class.getClassLoader().getResource("application.properties");
        assertThat(shipped).as("collections-lambda's application.properties on the classpath").isNotNull();
        Config lambda = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(shipped, 250)).build();

        assertThat(Simulation.SETTINGS).isEqualTo(EngineBeans.settings(lambda))
                .isEqualTo(EngineSettings.defaults());
    }
}

package com.overdue.collections.lambda.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch Embedded Metric Format: one JSON line on stdout per call, which Lambda's log agent turns into metrics in
 * namespace {@code Collections} with the one dimension set {@code [function, stage]}: the Funqy export name and the
 * deployment stage ({@code collections.stage}, from the template's {@code Stage} parameter through
 * {@code COLLECTIONS_STAGE}; {@code dev} if unset), so dev and prod stacks in one account and region keep apart.
 * CloudWatch alarms match a metric by its exact dimension set, so template.yaml's alarms on these metrics name both
 * dimensions ({@link #DIMENSIONS}). Printed raw, outside the JSON log formatter, because EMF must be the whole log line.
 */
@ApplicationScoped
public class EmfMetrics {

    public static final String NAMESPACE = "Collections";
    public static final String STAGE = "collections.stage";
    /** The dimension set of every metric, in this order. */
    public static final List<String> DIMENSIONS = List.of("function", "stage");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PrintStream out;
    private final Clock clock;

    @ConfigProperty(name = STAGE, defaultValue = "dev")
    String stage;

    public EmfMetrics() {
        this(System.out, Clock.systemUTC(), "dev");
    }

    EmfMetrics(PrintStream out, Clock clock, String stage) {
        this.out = out;
        this.clock = clock;
        this.stage = stage;
    }

    public void count(String function, Map<String, ? extends Number> counts) {
        out.println(line(function, counts));
    }

    String line(String function, Map<String, ? extends Number> counts) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode dimensions = directive.putArray("Dimensions").addArray();
        DIMENSIONS.forEach(dimensions::add);
        ArrayNode metrics = directive.putArray("Metrics");
        root.put("function", function);
        root.put("stage", stage);
        counts.forEach((name, value) -> {
            metrics.addObject().put("Name", name).put("Unit", "Count");
            root.put(name, value.longValue());
        });
        return root.toString();
    }
}

package com.overdue.collections.lambda.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * CloudWatch Embedded Metric Format: one JSON line on stdout per call, which Lambda's log agent turns into metrics in
 * namespace {@code Collections} with the {@code function} dimension. Printed raw, outside the JSON log formatter,
 * because EMF must be the whole log line.
 */
@ApplicationScoped
public class EmfMetrics {

    public static final String NAMESPACE = "Collections";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PrintStream out;
    private final Clock clock;

    public EmfMetrics() {
        this(System.out, Clock.systemUTC());
    }

    EmfMetrics(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
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
        directive.putArray("Dimensions").addArray().add("function");
        ArrayNode metrics = directive.putArray("Metrics");
        root.put("function", function);
        counts.forEach((name, value) -> {
            metrics.addObject().put("Name", name).put("Unit", "Count");
            root.put(name, value.longValue());
        });
        return root.toString();
    }
}

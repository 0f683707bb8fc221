package com.overdue.collections.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * How AWS redelivers each invocation of the pipeline, read from {@code template.yaml} (on the class path as
 * {@code deploy/template.yaml}): for an SQS-triggered function its queue's {@code VisibilityTimeout} and
 * {@code RedrivePolicy.maxReceiveCount}; for a schedule-triggered one its schedule's
 * {@code RetryPolicy.MaximumRetryAttempts} (EventBridge Scheduler retries after a back-off, here 60 s doubling).
 */
final class DeliveryPolicies {

    /** One invocation kind: where it comes from, how many attempts in all, and the delay before attempt n+1. */
    record Policy(String kind, String source, int maxAttempts, long firstDelaySeconds, boolean doubling) {

        long delayBeforeAttempt(int attempt) {
            return doubling ? firstDelaySeconds << Math.max(0, attempt - 2) : firstDelaySeconds;
        }
    }

    /** Each invocation kind → its queue (SQS) or its function (scheduled). */
    private static final Map<String, String> QUEUES = Map.of(
            "ingestEvents", "EventsQueue",
            "penaltyAccrual", "PenaltyQueue",
            "reminderFanOut", "ReminderQueue",
            "escalationDecision", "EscalationQueue");
    private static final Map<String, String> SCHEDULED = Map.of(
            "overdueScan", "OverdueScanFunction",
            "contactSweep", "ContactSweepFunction",
            "creditReportExport", "CreditReportExportFunction");
    static final long SCHEDULER_FIRST_RETRY_SECONDS = 60;

    private final Map<String, Policy> policies;

    private DeliveryPolicies(Map<String, Policy> policies) {
        this.policies = policies;
    }

    static DeliveryPolicies fromClasspath() {
        try (InputStream in = DeliveryPolicies.class.getClassLoader().getResourceAsStream("deploy/template.yaml")) {
            if (in == null) {
                throw new IllegalStateException("deploy/template.yaml is not on the class path");
            }
            return from(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template.yaml", e);
        }
    }

    static DeliveryPolicies from(JsonNode template) {
        JsonNode resources = template.path("Resources");
        Map<String, Policy> out = new TreeMap<>();
        QUEUES.forEach((kind, queue) -> {
            JsonNode p = resources.path(queue).path("Properties");
            out.put(kind, new Policy(kind, queue, required(p.path("RedrivePolicy").path("maxReceiveCount"),
                    queue + ".RedrivePolicy.maxReceiveCount"), required(p.path("VisibilityTimeout"),
                    queue + ".VisibilityTimeout"), false));
        });
        SCHEDULED.forEach((kind, function) -> {
            JsonNode events = resources.path(function).path("Properties").path("Events");
            Integer retries = null;
            for (Iterator<JsonNode> it = events.elements(); it.hasNext(); ) {
                JsonNode e = it.next();
                if ("ScheduleV2".equals(e.path("Type").asText())) {
                    int r = required(e.path("Properties").path("RetryPolicy").path("MaximumRetryAttempts"),
                            function + " schedule RetryPolicy.MaximumRetryAttempts");
                    retries = retries == null ? r : Math.min(retries, r);
                }
            }
            if (retries == null) {
                throw new IllegalStateException("template.yaml: " + function + " has no ScheduleV2 event");
            }
            out.put(kind, new Policy(kind, function, retries + 1, SCHEDULER_FIRST_RETRY_SECONDS, true));
        });
        return new DeliveryPolicies(out);
    }

    private static int required(JsonNode n, String what) {
        if (!n.canConvertToInt() && !n.isTextual()) {
            throw new IllegalStateException("template.yaml: " + what + " is missing");
        }
        return n.isTextual() ? Integer.parseInt(n.asText()) : n.asInt();
    }

    Policy of(String kind) {
        Policy p = policies.get(kind);
        if (p == null) {
            throw new IllegalArgumentException("no delivery policy for " + kind);
        }
        return p;
    }

    Map<String, Policy> all() {
        return Map.copyOf(policies);
    }
}

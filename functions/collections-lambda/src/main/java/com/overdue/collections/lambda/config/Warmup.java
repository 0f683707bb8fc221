package com.overdue.collections.lambda.config;

import com.overdue.collections.lambda.engine.CollectionsEngine;
import com.overdue.collections.lambda.engine.EngineSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Does during init (Lambda's init phase; before the SnapStart snapshot) what the exported function's first request
 * would otherwise do: builds its use case and the adapters it needs, creates the AWS clients behind them and sends a
 * dry-run request through each ({@link DryRun}: endpoint rules, credentials, marshalling and signing run, nothing is
 * transmitted). Side-effect free: no AWS call leaves the function, nothing is written.
 * {@code collections.warmup=false} turns it off (bench/run.sh coldstart compares both).
 */
@ApplicationScoped
public class Warmup {

    private static final Logger LOG = Logger.getLogger(Warmup.class);
    static final String ENABLED = "collections.warmup";

    /** Fired once the use case is built: each client's producer class primes its client when the function uses it. */
    public record Prime(Set<String> services, EngineSettings settings, Warmup warmup) {
    }

    private final List<String> primed = new CopyOnWriteArrayList<>();

    void onStart(@Observes StartupEvent started, Config config, CollectionsEngine engine, EngineBeans beans,
                 DynamoDbClient dynamoDb, Event<Prime> prime) {
        if (!config.getOptionalValue(ENABLED, Boolean.class).orElse(true)) {
            return;
        }
        long start = System.nanoTime();
        String export = config.getOptionalValue("quarkus.funqy.export", String.class).orElse("");
        try {
            useCase(engine, export);
            String table = engine.settings().tableName();
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("WARMUP#"),
                    "sk", AttributeValue.fromS("WARMUP#"));
            dryRun("dynamodb", () -> dynamoDb.getItem(b -> b.tableName(table).key(key).consistentRead(true)
                    .overrideConfiguration(DryRun.STOP_BEFORE_SENDING)));
            dryRun("dynamodb", () -> dynamoDb.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", key.get("pk")))
                    .overrideConfiguration(DryRun.STOP_BEFORE_SENDING)));
            prime.fire(new Prime(beans.servicesUsed(), engine.settings(), this));
        } catch (RuntimeException e) {
            // A warm-up never fails the function: its first request then does the work (and reports the error).
            LOG.warnf("warm-up of %s stopped early: %s", export, e.toString());
        }
        LOG.debugf("warm-up of %s: %s primed in %d ms", export, primed,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Builds the use case the exported function calls (and with it the adapters and clients it needs). */
    static void useCase(CollectionsEngine engine, String export) {
        switch (export) {
            case "ingestEvents" -> engine.ingest().ingest("{}");  // rejected by the schema: parses, writes nothing
            case "overdueScan" -> engine.overdueScan();
            case "penaltyAccrual" -> engine.penaltyAccrual();
            case "reminderFanOut" -> engine.reminderFanOut();
            case "contactSweep" -> {
                engine.contactSweep();
                engine.outboxRecovery();
            }
            case "reminderInbox" -> engine.inbox();
            case "escalationDecision" -> engine.escalationDecision();
            case "creditReportExport" -> engine.creditReportExport();
            default -> LOG.debugf("warm-up: no use case known for export %s", export);
        }
    }

    /**
     * Sends one dry-run request ({@link DryRun}) through a client and records the client as primed. A failure before
     * the transmission (no credentials, say) is logged and leaves the rest of the warm-up going.
     */
    void dryRun(String service, Runnable call) {
        try {
            if (DryRun.send(call) && !primed.contains(service)) {
                primed.add(service);
            }
        } catch (RuntimeException e) {
            LOG.warnf("warm-up: the %s dry run failed before sending: %s", service, e.toString());
        }
    }

    /** The clients primed so far, in order ({@code dynamodb} first). */
    public List<String> primed() {
        return List.copyOf(primed);
    }
}

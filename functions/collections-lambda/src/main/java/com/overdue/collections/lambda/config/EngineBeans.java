package com.overdue.collections.lambda.config;

import com.overdue.collections.core.application.ContactSweepUseCase;
import com.overdue.collections.core.application.OutboxRecoveryUseCase;
import com.overdue.collections.core.application.CreditReportExportUseCase;
import com.overdue.collections.core.application.EscalationDecisionUseCase;
import com.overdue.collections.core.application.InboxUseCase;
import com.overdue.collections.core.application.IngestEventUseCase;
import com.overdue.collections.core.application.OverdueScanUseCase;
import com.overdue.collections.core.application.PenaltyAccrualUseCase;
import com.overdue.collections.core.application.ReminderFanOutUseCase;
import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.port.ActionPublisher;
import com.overdue.collections.core.port.ReportStore;
import com.overdue.collections.core.port.WorkDispatcher;
import com.overdue.collections.lambda.engine.AwsAdapters;
import com.overdue.collections.lambda.engine.CollectionsEngine;
import com.overdue.collections.lambda.engine.EngineSettings;
import com.overdue.collections.lambda.ses.MimeEmail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds the one {@link CollectionsEngine} from the Lambda configuration and the DynamoDB client; hands out its use
 * cases. The outward adapters come from one producer class per AWS client ({@link SnsAdapterBeans},
 * {@link SesAdapterBeans}, {@link S3AdapterBeans}), looked up only when the engine first needs them: a function's
 * artifact (functions/artifacts) carries only the clients it uses and leaves the other producers out of the build
 * ({@code quarkus.arc.exclude-types}), so nothing here names an SNS, SES or S3 type.
 */
@ApplicationScoped
public class EngineBeans {

    /** The AWS services whose adapters the engine has asked for so far ({@link Warmup} primes exactly those). */
    private final Set<String> servicesUsed = ConcurrentHashMap.newKeySet();

    /**
     * The engine settings of this deployment: each {@code collections.*} property (or its environment variable, e.g.
     * {@code COLLECTIONS_TABLE_NAME}); one that is not set keeps {@link EngineSettings#defaults()}.
     */
    public static EngineSettings settings(Config config) {
        return EngineSettings.fromProperties(name -> config.getOptionalValue(name, String.class));
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    EngineSettings engineSettings(Config config) {
        return settings(config);
    }

    // The AWS clients are the extension's application-scoped proxies: a client is only created when first called.
    @Produces
    @Singleton
    CollectionsEngine engine(EngineSettings settings, DynamoDbClient dynamoDb, Instance<WorkDispatcher> work,
                             Instance<ActionPublisher> actions, Instance<ReportStore> reports,
                             Instance<Function<MimeEmail, String>> email,
                             Instance<BiFunction<String, String, String>> sms, Clock clock) {
        return CollectionsEngine.create(EngineConfiguration.fromClasspath(), settings, dynamoDb,
                AwsAdapters.create(
                        part(work, "sns", "the work dispatcher"),
                        part(actions, "sns", "the action publisher"),
                        part(reports, "s3", "the report store"),
                        part(email, "ses", "the e-mail sender"),
                        part(sms, "sns", "the SMS sender")),
                clock);
    }

    /** The AWS services ({@code sns}, {@code ses}, {@code s3}) whose adapters the engine has built so far. */
    public Set<String> servicesUsed() {
        return Set.copyOf(servicesUsed);
    }

    private <T> Supplier<T> part(Instance<T> beans, String service, String what) {
        return () -> {
            if (beans.isUnsatisfied()) {
                throw new IllegalStateException(what + " needs the " + service.toUpperCase()
                        + " client, which this function's artifact does not include (functions/artifacts, "
                        + "docs/deploy.md)");
            }
            T part = beans.get();
            servicesUsed.add(service);
            return part;
        };
    }

    @Produces
    @Singleton
    IngestEventUseCase ingest(CollectionsEngine engine) {
        return engine.ingest();
    }

    @Produces
    @Singleton
    OverdueScanUseCase overdueScan(CollectionsEngine engine) {
        return engine.overdueScan();
    }

    @Produces
    @Singleton
    PenaltyAccrualUseCase penaltyAccrual(CollectionsEngine engine) {
        return engine.penaltyAccrual();
    }

    @Produces
    @Singleton
    ReminderFanOutUseCase reminderFanOut(CollectionsEngine engine) {
        return engine.reminderFanOut();
    }

    @Produces
    @Singleton
    ContactSweepUseCase contactSweep(CollectionsEngine engine) {
        return engine.contactSweep();
    }

    @Produces
    @Singleton
    OutboxRecoveryUseCase outboxRecovery(CollectionsEngine engine) {
        return engine.outboxRecovery();
    }

    @Produces
    @Singleton
    InboxUseCase inbox(CollectionsEngine engine) {
        return engine.inbox();
    }

    @Produces
    @Singleton
    EscalationDecisionUseCase escalationDecision(CollectionsEngine engine) {
        return engine.escalationDecision();
    }

    @Produces
    @Singleton
    CreditReportExportUseCase creditReportExport(CollectionsEngine engine) {
        return engine.creditReportExport();
    }
}

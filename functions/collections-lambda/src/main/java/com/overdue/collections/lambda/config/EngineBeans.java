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
import com.overdue.collections.lambda.engine.AwsAdapters;
import com.overdue.collections.lambda.engine.CollectionsEngine;
import com.overdue.collections.lambda.engine.EngineSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Clock;

/** Builds the one {@link CollectionsEngine} from the Lambda configuration and AWS clients; hands out its use cases. */
@ApplicationScoped
public class EngineBeans {

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

    // The AWS clients are the extension's application-scoped proxies: a client is only created when first called.
    @Produces
    @Singleton
    CollectionsEngine engine(Config config, DynamoDbClient dynamoDb, SnsClient sns, SesClient ses, S3Client s3,
                             Clock clock) {
        EngineSettings settings = settings(config);
        return CollectionsEngine.create(EngineConfiguration.fromClasspath(), settings, dynamoDb,
                AwsAdapters.create(settings, dynamoDb, sns, ses, s3, clock), clock);
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

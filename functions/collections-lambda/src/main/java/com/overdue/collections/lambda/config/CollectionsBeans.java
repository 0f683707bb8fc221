package com.overdue.collections.lambda.config;

import com.overdue.collections.core.application.CollectionsSettings;
import com.overdue.collections.core.application.IngestEventUseCase;
import com.overdue.collections.core.application.OverdueScanUseCase;
import com.overdue.collections.core.application.PenaltyAccrualUseCase;
import com.overdue.collections.core.port.PenaltyLedger;
import com.overdue.collections.lambda.dynamodb.DynamoDbPenaltyLedger;
import com.overdue.collections.core.port.BorrowerDirectory;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.WorkDispatcher;
import com.overdue.collections.lambda.dynamodb.DynamoDbLoanRepository;
import com.overdue.collections.lambda.sns.SnsWorkDispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

import com.overdue.collections.core.application.CreditReportExportUseCase;
import com.overdue.collections.core.bureau.BureauSettings;
import com.overdue.collections.core.bureau.ChargeOffPolicy;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.lambda.dynamodb.DynamoDbBureauLedger;
import com.overdue.collections.lambda.s3.S3ReportStore;
import com.overdue.collections.lambda.sns.SnsActionPublisher;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.util.Optional;

/** Wires the core use cases to the AWS adapters; the only place that knows both. */
@ApplicationScoped
public class CollectionsBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    CollectionsSettings settings(@ConfigProperty(name = "collections.review-shards") int reviewShards) {
        return CollectionsSettings.defaults(reviewShards);
    }

    @Produces
    @Singleton
    @Typed(DynamoDbLoanRepository.class)
    DynamoDbLoanRepository dynamoDbLoanRepository(DynamoDbClient dynamoDb,
                                  @ConfigProperty(name = "collections.table-name") String tableName,
                                  @ConfigProperty(name = "collections.review-shards") int reviewShards) {
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
        return new DynamoDbLoanRepository(enhanced, tableName, reviewShards);
    }

    @Produces
    @Singleton
    LoanRepository loanRepository(DynamoDbLoanRepository repository) {
        return repository;
    }

    @Produces
    @Singleton
    BorrowerDirectory borrowerDirectory(DynamoDbLoanRepository repository) {
        return repository;
    }

    @Produces
    @Singleton
    WorkDispatcher workDispatcher(SnsClient sns,
                                  @ConfigProperty(name = "collections.work-topic-arn") String topicArn) {
        return new SnsWorkDispatcher(sns, topicArn);
    }

    @Produces
    @Singleton
    PenaltyLedger penaltyLedger(DynamoDbClient dynamoDb,
                                @ConfigProperty(name = "collections.table-name") String tableName) {
        return new DynamoDbPenaltyLedger(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build(), tableName);
    }

    @Produces
    @Singleton
    PenaltyAccrualUseCase penaltyAccrualUseCase(LoanRepository loans, PenaltyLedger penalties,
                                                CollectionsSettings settings) {
        return new PenaltyAccrualUseCase(loans, penalties, settings);
    }

    @Produces
    @Singleton
    IngestEventUseCase ingestEventUseCase(LoanRepository loans, CollectionsSettings settings, Clock clock) {
        return new IngestEventUseCase(loans, settings, clock);
    }

    @Produces
    @Singleton
    OverdueScanUseCase overdueScanUseCase(LoanRepository loans, WorkDispatcher dispatcher,
                                          CollectionsSettings settings, Clock clock) {
        return new OverdueScanUseCase(loans, dispatcher, settings, clock);
    }

    /** The monthly credit-bureau export (RULES §7); its adapters are built here, used by no other function. */
    @Produces
    @Singleton
    CreditReportExportUseCase creditReportExportUseCase(
            DynamoDbLoanRepository repository, DynamoDbClient dynamoDb, S3Client s3,
            com.overdue.collections.core.port.ActionPublisher actions, CollectionsSettings settings, Clock clock,
            @ConfigProperty(name = "collections.table-name") String tableName,
            @ConfigProperty(name = "collections.report-bucket") Optional<String> reportBucket) {
        BureauSettings bureau = com.overdue.collections.core.config.EngineConfiguration.fromClasspath().bureau();
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
        return new CreditReportExportUseCase(repository, repository, repository,
                new DynamoDbBureauLedger(enhanced, tableName),
                actions,
                new S3ReportStore(s3, reportBucket.orElse(null)), settings, bureau, ChargeOffPolicy.WRITTEN_OFF_CLOSURE,
                LoanPosition::conditions, clock);
    }

    // --- escalationDecision (issue #6) ---

    @Produces
    @Singleton
    com.overdue.collections.core.port.EscalationStore escalationStore(DynamoDbClient dynamoDb, Clock clock,
            @ConfigProperty(name = "collections.table-name") String tableName) {
        return new com.overdue.collections.lambda.dynamodb.DynamoDbEscalationStore(
                DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build(), tableName, clock);
    }

    @Produces
    @Singleton
    com.overdue.collections.core.port.ActionPublisher actionPublisher(SnsClient sns, DynamoDbClient dynamoDb,
            Clock clock, @ConfigProperty(name = "collections.table-name") String tableName,
            @ConfigProperty(name = "collections.actions-topic-arn") Optional<String> topicArn) {
        return new SnsActionPublisher(sns, topicArn.orElse(null), dynamoDb, tableName, clock);
    }

    @Produces
    @Singleton
    com.overdue.collections.core.application.EscalationDecisionUseCase escalationDecisionUseCase(
            LoanRepository loans, com.overdue.collections.core.port.EscalationStore store,
            com.overdue.collections.core.port.ActionPublisher publisher, CollectionsSettings settings, Clock clock) {
        return new com.overdue.collections.core.application.EscalationDecisionUseCase(loans, store, publisher,
                com.overdue.collections.core.config.EngineConfiguration.fromClasspath().callLimits(),
                com.overdue.collections.core.config.EngineConfiguration.fromClasspath().ladders(), settings, clock);
    }
}

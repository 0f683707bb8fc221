package com.overdue.collections.lambda.engine;

import com.overdue.collections.core.application.CollectionsSettings;
import com.overdue.collections.core.application.ContactSweepUseCase;
import com.overdue.collections.core.application.OutboxRecoveryUseCase;
import com.overdue.collections.core.application.CreditReportExportUseCase;
import com.overdue.collections.core.application.EscalationDecisionUseCase;
import com.overdue.collections.core.application.InboxUseCase;
import com.overdue.collections.core.application.IngestEventUseCase;
import com.overdue.collections.core.application.OverdueScanUseCase;
import com.overdue.collections.core.application.PenaltyAccrualUseCase;
import com.overdue.collections.core.application.ReminderDelivery;
import com.overdue.collections.core.application.ReminderFanOutUseCase;
import com.overdue.collections.core.bureau.ChargeOffPolicy;
import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.port.ActionPublisher;
import com.overdue.collections.core.port.Inbox;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.WorkDispatcher;
import com.overdue.collections.lambda.dynamodb.DynamoDbBureauLedger;
import com.overdue.collections.lambda.dynamodb.DynamoDbContactLedger;
import com.overdue.collections.lambda.dynamodb.DynamoDbEscalationStore;
import com.overdue.collections.lambda.dynamodb.DynamoDbInbox;
import com.overdue.collections.lambda.dynamodb.DynamoDbLoanRepository;
import com.overdue.collections.lambda.dynamodb.DynamoDbPenaltyLedger;
import com.overdue.collections.lambda.dynamodb.DynamoDbScanLeases;
import com.overdue.collections.lambda.reminder.QuteReminderRenderer;
import com.overdue.collections.lambda.reminder.ReminderChannels;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The composition root: every use case of the engine wired from its configuration, settings, DynamoDB and outward
 * adapters; Lambda (through CDI) and the local runner both build this one.
 */
public final class CollectionsEngine {

    /**
     * Index partitions of the action outbox. An action is in the index only between its write and its publish
     * (seconds; minutes after a crash), so the index sees the action write rate, far below what one partition
     * takes (1,000 writes/s): one shard, and the recovery sweep makes one Query instead of one per contact shard.
     */
    static final int OUTBOX_SHARDS = 1;

    private final EngineConfiguration configuration;
    private final EngineSettings settings;
    private final CollectionsSettings rules;
    private final EngineAdapters adapters;
    private final Clock clock;

    private final DynamoDbLoanRepository repository;
    private final LoanRepository loans;
    private final DynamoDbPenaltyLedger penalties;
    private final DynamoDbEscalationStore escalations;
    private final DynamoDbBureauLedger bureau;
    private final DynamoDbContactLedger contacts;
    private final DynamoDbInbox tableInbox;

    // Outward adapters and use cases are built on first use: a Lambda function builds only what it runs, and an
    // adapter that needs a setting another function has (the report bucket) is never asked for elsewhere.
    private final Once<WorkDispatcher> work;
    private final Once<ActionPublisher> actions;
    private final Once<Inbox> inbox;
    private final Once<ReminderDelivery> delivery;
    private final Once<IngestEventUseCase> ingest;
    private final Once<OverdueScanUseCase> scan;
    private final Once<PenaltyAccrualUseCase> penaltyAccrual;
    private final Once<ReminderFanOutUseCase> reminderFanOut;
    private final Once<ContactSweepUseCase> contactSweep;
    private final Once<OutboxRecoveryUseCase> outboxRecovery;
    private final Once<InboxUseCase> inboxUseCase;
    private final Once<EscalationDecisionUseCase> escalationDecision;
    private final Once<CreditReportExportUseCase> creditReportExport;

    private CollectionsEngine(Builder b) {
        this.configuration = b.configuration;
        this.settings = b.settings;
        this.adapters = b.adapters;
        this.clock = b.clock;
        this.rules = CollectionsSettings.of(configuration.products(), configuration.delinquency(),
                settings.reviewShards(), configuration.cadence().courtesy());
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(b.dynamoDb).build();
        String table = settings.tableName();
        this.repository = new DynamoDbLoanRepository(enhanced, table, settings.reviewShards());
        this.loans = Objects.requireNonNull(b.loans.apply(repository), "the loan repository wrapper returned null");
        this.penalties = new DynamoDbPenaltyLedger(enhanced, table);
        this.escalations = new DynamoDbEscalationStore(enhanced, b.dynamoDb, table, OUTBOX_SHARDS, clock);
        this.bureau = new DynamoDbBureauLedger(enhanced, b.dynamoDb, table, escalations);
        this.contacts = new DynamoDbContactLedger(b.dynamoDb, table, settings.deferShards());
        this.tableInbox = new DynamoDbInbox(b.dynamoDb, table);

        this.work = new Once<>(adapters::workDispatcher);
        this.actions = new Once<>(adapters::actionPublisher);
        this.inbox = new Once<>(() -> adapters.inbox(tableInbox));
        this.delivery = new Once<>(this::newDelivery);
        this.ingest = new Once<>(() -> new IngestEventUseCase(loans, escalations, rules, clock));
        DynamoDbScanLeases scanLeases = new DynamoDbScanLeases(b.dynamoDb, table, clock);
        this.scan = new Once<>(() -> new OverdueScanUseCase(loans, work.get(), rules, clock, scanLeases));
        this.penaltyAccrual = new Once<>(() -> new PenaltyAccrualUseCase(loans, escalations, penalties, rules));
        this.reminderFanOut = new Once<>(() -> new ReminderFanOutUseCase(loans, contacts, repository, contacts,
                delivery.get(), configuration.cadence(), configuration.calendars(), rules));
        this.contactSweep = new Once<>(() -> new ContactSweepUseCase(contacts, delivery.get(),
                settings.sweepBatchSize()));
        this.outboxRecovery = new Once<>(() -> new OutboxRecoveryUseCase(escalations, actions.get(), bureau, clock,
                settings.sweepBatchSize()));
        this.inboxUseCase = new Once<>(() -> new InboxUseCase(inbox.get()));
        this.escalationDecision = new Once<>(() -> new EscalationDecisionUseCase(loans, escalations, actions.get(),
                configuration.contactPolicy(), configuration.ladders(), rules, clock));
        this.creditReportExport = new Once<>(() -> new CreditReportExportUseCase(repository, loans, escalations,
                repository, bureau, actions.get(), escalations, adapters.reportStore(), rules, configuration.bureau(),
                ChargeOffPolicy.WRITTEN_OFF_CLOSURE, LoanPosition::conditions, clock));
    }

    /** The engine on these parts, with no wrapper around the loan repository. */
    public static CollectionsEngine create(EngineConfiguration configuration, EngineSettings settings,
                                           DynamoDbClient dynamoDb, EngineAdapters adapters, Clock clock) {
        return builder(configuration, settings, dynamoDb, adapters, clock).build();
    }

    public static Builder builder(EngineConfiguration configuration, EngineSettings settings, DynamoDbClient dynamoDb,
                                  EngineAdapters adapters, Clock clock) {
        return new Builder(configuration, settings, dynamoDb, adapters, clock);
    }

    private ReminderDelivery newDelivery() {
        ReminderChannels channels = new ReminderChannels(adapters.emailSender(), adapters.smsSender(), inbox.get(),
                settings.emailFrom(), settings.unsubscribeMailto(), clock);
        return new ReminderDelivery(loans, escalations, repository, contacts, configuration.contactPolicy(),
                new QuteReminderRenderer(), channels, configuration.senders(), rules, adapters.contactJournal(), clock);
    }

    public IngestEventUseCase ingest() {
        return ingest.get();
    }

    public OverdueScanUseCase overdueScan() {
        return scan.get();
    }

    public PenaltyAccrualUseCase penaltyAccrual() {
        return penaltyAccrual.get();
    }

    public ReminderFanOutUseCase reminderFanOut() {
        return reminderFanOut.get();
    }

    public ContactSweepUseCase contactSweep() {
        return contactSweep.get();
    }

    /** The outbox recovery the contact sweep runs: actions left PENDING by a crash, Metro 2 files still due. */
    public OutboxRecoveryUseCase outboxRecovery() {
        return outboxRecovery.get();
    }

    public InboxUseCase inbox() {
        return inboxUseCase.get();
    }

    public EscalationDecisionUseCase escalationDecision() {
        return escalationDecision.get();
    }

    public CreditReportExportUseCase creditReportExport() {
        return creditReportExport.get();
    }

    public EngineConfiguration configuration() {
        return configuration;
    }

    public EngineSettings settings() {
        return settings;
    }

    /** The rule objects the use cases share (ledger, replay, evaluator, review schedule). */
    public CollectionsSettings rules() {
        return rules;
    }

    public Clock clock() {
        return clock;
    }

    /** The DynamoDB loan repository itself (also the borrower directory and the loan catalog). */
    public DynamoDbLoanRepository repository() {
        return repository;
    }

    /** The loan repository the use cases use: {@link #repository()}, or the builder's wrapper around it. */
    public LoanRepository loans() {
        return loans;
    }

    public DynamoDbPenaltyLedger penaltyLedger() {
        return penalties;
    }

    public DynamoDbEscalationStore escalationStore() {
        return escalations;
    }

    public DynamoDbContactLedger contactLedger() {
        return contacts;
    }

    /** The borrowers' in-app inbox in the table (without any copy the adapters make). */
    public DynamoDbInbox tableInbox() {
        return tableInbox;
    }

    /** What the engine is built from; optionally a wrapper around the loan repository (benchmarks count reads). */
    public static final class Builder {
        private final EngineConfiguration configuration;
        private final EngineSettings settings;
        private final DynamoDbClient dynamoDb;
        private final EngineAdapters adapters;
        private final Clock clock;
        private UnaryOperator<LoanRepository> loans = UnaryOperator.identity();

        private Builder(EngineConfiguration configuration, EngineSettings settings, DynamoDbClient dynamoDb,
                        EngineAdapters adapters, Clock clock) {
            this.configuration = Objects.requireNonNull(configuration, "configuration");
            this.settings = Objects.requireNonNull(settings, "settings");
            this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
            this.adapters = Objects.requireNonNull(adapters, "adapters");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /**
         * Wraps the DynamoDB loan repository for the use cases' loan reads and writes (the borrower directory and
         * the loan catalog stay the repository itself).
         */
        public Builder wrapLoans(UnaryOperator<LoanRepository> wrapper) {
            this.loans = Objects.requireNonNull(wrapper);
            return this;
        }

        public CollectionsEngine build() {
            return new CollectionsEngine(this);
        }
    }

    /** A part built on first use and kept: the use cases are shared by every caller (and thread). */
    private static final class Once<T> {
        private final Supplier<T> factory;
        private volatile T value;

        Once(Supplier<T> factory) {
            this.factory = factory;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = Objects.requireNonNull(factory.get());
                        value = v;
                    }
                }
            }
            return v;
        }
    }
}

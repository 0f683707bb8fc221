package com.overdue.collections.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.application.IngestOutcome;
import com.overdue.collections.core.application.ScanSummary;
import com.overdue.collections.core.bureau.BureauSettings;
import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.contact.RulePacks;
import com.overdue.collections.core.delinquency.DelinquencyStatus;
import com.overdue.collections.core.escalation.EscalationDecision;
import com.overdue.collections.core.escalation.EscalationLadder;
import com.overdue.collections.core.escalation.EscalationState;
import com.overdue.collections.core.ingest.EventRejection;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.port.Inbox;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.WorkItem;
import com.overdue.collections.core.application.DailyWorker;
import com.overdue.collections.emulators.InProcessDynamoDb;
import com.overdue.collections.emulators.crash.CrashInjector;
import com.overdue.collections.emulators.crash.InjectedCrash;
import com.overdue.collections.lambda.dynamodb.DynamoDbEscalationStore;
import com.overdue.collections.lambda.dynamodb.DynamoDbPenaltyLedger;
import com.overdue.collections.lambda.dynamodb.LoanTable;
import com.overdue.collections.lambda.engine.CollectionsEngine;
import com.overdue.collections.lambda.engine.EngineAdapters;
import com.overdue.collections.lambda.engine.EngineSettings;
import com.overdue.collections.lambda.engine.UnitOfWork;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Runs the daily pipeline locally over an event stream: the engine the Lambda functions run (same settings, same
 * DynamoDB adapters) on DynamoDB Local embedded in this JVM, with files for its outward effects. Events are applied
 * in {@code occurredAt} order interleaved with each time zone's daily scan at its run time; every date from
 * {@code from} to {@code to} is run.
 *
 * <p>Each step is one invocation, as in AWS: an event (the ingest function on the events queue), a zone's scan, a
 * sweep, an export (scheduled functions), and each work item for each daily worker (the worker's queue), delivered
 * once the scan invocation that sent it ends. Under the crash drill ({@link CrashInjector} given to {@link #run}) an
 * invocation may die; it is then redelivered the way its source would ({@link DeliveryPolicies}: after the queue's
 * visibility timeout up to {@code maxReceiveCount} receives, or the schedule's retries), and at the end of its
 * attempts written to {@code dlq.jsonl} with the reason.
 */
final class Simulation {

    /** The engine settings of the local runner: Lambda's defaults, so the demo runs the engine Lambda runs. */
    static final EngineSettings SETTINGS = EngineSettings.defaults();

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Comparator<Step> STEP_ORDER = Comparator.comparing(Step::at).thenComparingInt(Step::order)
            .thenComparingInt(Step::line);

    private final LocalTime runTime;
    private final ProgressListener progress;
    private final EngineConfiguration configuration;
    /** Threads that run one scan's work items, as Lambda runs the workers' batches side by side (1: in turn). */
    private int workThreads = defaultWorkThreads();

    /** A run on the shipped configuration that prints a progress line every {@code progressEvery} days (0: none). */
    Simulation(LocalTime runTime, PrintStream console, int progressEvery) {
        this(runTime, ProgressListener.lines(console, progressEvery), EngineConfiguration.fromClasspath());
    }

    /**
     * A run on {@code configuration} (the shipped one, or a {@code --config} overlay) that tells {@code progress}
     * how it goes. Storage is DynamoDB Local's engine in this JVM ({@link InProcessDynamoDb}): no port, no banner.
     */
    Simulation(LocalTime runTime, ProgressListener progress, EngineConfiguration configuration) {
        this.runTime = runTime;
        this.progress = progress;
        this.configuration = configuration;
    }

    /**
     * One line of the input: its position in the file, its JSON ({@code null} when the line is not valid UTF-8), and
     * when it occurred (if readable).
     */
    private record Input(int line, String json, Instant occurredAt) {
    }

    /** A point on the simulated timeline; at one instant, steps run in the order of their kind. */
    private sealed interface Step permits Ingest, Scan, Sweep, Export, Redelivery {
        Instant at();

        int order();

        default int line() {
            return 0;
        }
    }

    /** An event to apply. */
    private record Ingest(Instant at, Input event) implements Step {
        public int order() {
            return 0;
        }

        public int line() {
            return event.line();
        }
    }

    /** The daily scan of one time zone. */
    private record Scan(Instant at, ZoneId zone, LocalDate date) implements Step {
        public int order() {
            return 1;
        }
    }

    /** The contact sweep: planned and deferred contacts whose time has come. */
    private record Sweep(Instant at) implements Step {
        public int order() {
            return 2;
        }
    }

    /** The monthly credit-bureau export of one cycle. */
    private record Export(Instant at, LocalDate cycle) implements Step {
        public int order() {
            return 3;
        }
    }

    /** An invocation that died, delivered again (attempt {@code delivery.attempt()}). */
    private record Redelivery(Instant at, Delivery delivery) implements Step {
        public int order() {
            return 4;
        }
    }

    /**
     * One invocation: its kind (the function), the id of the message or schedule run, which attempt this is, and
     * the work; the work returns what to record once the invocation has returned (nothing is recorded for an
     * attempt that died).
     */
    private record Delivery(String kind, String id, int attempt, Supplier<Runnable> work) {
        Delivery next() {
            return new Delivery(kind, id, attempt + 1, work);
        }
    }

    /** The steps in the order they run, the zones scanned (the first one counts the days), and the last scan. */
    private record Timeline(List<Step> steps, Set<ZoneId> zones, Instant lastRun) {
    }

    /**
     * One more than the processors: a worker spends part of each request waiting for DynamoDB Local (its table
     * lock, and its one SQLite thread, to which each request hands its SQL). Measured on 2 cores
     * (`demo --days 20`): 1 thread 89.5 s, 2 77.3 s, 3 69.2 s, 4 76.2 s.
     */
    static int defaultWorkThreads() {
        return Runtime.getRuntime().availableProcessors() + 1;
    }

    /**
     * Runs each scan's work items on {@code threads} threads (1: one after the other, on the main thread). The
     * outputs do not depend on it: the items of one borrower run in turn on one thread, and every file effect is
     * applied afterwards in the order the scan sent the items ({@link Effects}). A crash drill always runs in turn:
     * its crashes are placed by the order of calls.
     */
    Simulation workThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("work threads must be at least 1: " + threads);
        }
        this.workThreads = threads;
        return this;
    }

    /** The contact rule packs this simulation runs under (the crash drill checks its daily caps against them). */
    RulePacks rulePacks() {
        return configuration.contactPolicy().packs();
    }

    SimulationReport run(List<String> eventLines, LocalDate from, LocalDate to, Path out) throws IOException {
        return run(eventLines, from, to, out, CrashInjector.off());
    }

    /** Runs with {@code crashes} given to the DynamoDB client and the file adapters (the crash drill). */
    SimulationReport run(List<String> eventLines, LocalDate from, LocalDate to, Path out, CrashInjector crashes)
            throws IOException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        Files.createDirectories(out.resolve("loans"));
        Timeline timeline = timeline(inputs(eventLines), from, to, configuration.bureau());
        SimulationReport report = new SimulationReport(from, to);
        RequestCounter requests = new RequestCounter();
        SimulatedClock clock = new SimulatedClock(from.atStartOfDay(ZoneOffset.UTC).toInstant());
        DeliveryPolicies policies = DeliveryPolicies.fromClasspath();
        progress.status("Starting DynamoDB Local ...");
        try (InProcessDynamoDb dynamo = InProcessDynamoDb.start();
             DynamoDbClient client = dynamo.client(requests, crashes);
             Outputs files = new Outputs(out, clock, crashes, report.deliveries)) {
            crashes.suspended(() -> {
                LoanTable.create(client, SETTINGS.tableName());
                return null;
            });
            CollectionsEngine engine = CollectionsEngine.create(configuration, SETTINGS, client, files.adapters(),
                    clock);
            workersOf(engine).forEach(files.work::register);
            // Each work-item thread has an engine of its own (the functions' code assumes one invocation at a time
            // per instance, as Lambda gives it), over the same table, clock and file adapters.
            WorkItemPool pool = crashes.isInert() && workThreads > 1
                    ? new WorkItemPool(workThreads, () -> workersOf(CollectionsEngine.create(configuration, SETTINGS,
                    client, files.adapters(), clock)))
                    : null;
            Run run = new Run(engine, clock, files, report, timeline, from, to, crashes, policies, requests);
            run.pool = pool;
            PriorityQueue<Step> steps = new PriorityQueue<>(STEP_ORDER);
            steps.addAll(timeline.steps());
            run.steps = steps;
            report.analytics.ladders = configuration.ladders();
            try {
                while (!steps.isEmpty()) {
                    Step step = steps.poll();
                    // Run report: before a month's first scan, the snapshot of the month end (reads not counted).
                    if (step instanceof Scan s && report.analytics.monthEndDue(s.date(), from) != null) {
                        monthEnd(engine, run.loanIds, s.date().minusDays(1), report.analytics, requests, crashes);
                    }
                    run.apply(step);
                }
                if (report.analytics.monthEndPending(to)) {
                    monthEnd(engine, run.loanIds, to, report.analytics, requests, crashes);
                }
            } finally {
                if (pool != null) {
                    pool.close();
                }
            }
            progress.finished();
            progress.status("Writing the outputs ...");
            report.analytics.contactsSent(files.reminders.sentByLoan);
            report.crashes = crashes.crashes();
            report.crashesByPoint.putAll(crashes.crashesByPoint());
            report.contactDecisions.putAll(files.reminders.decisions);
            report.calendarMissing.addAll(files.work.calendarMissing());
            report.emailsWritten = files.reminders.emails;
            // Counted before the loan output below reads the table: the requests of the pipeline alone.
            report.dynamoRequests.putAll(requests.snapshot());
            report.dynamoRequestsByFunction.putAll(requests.byFunction());
            report.invocations.putAll(requests.invocations());
            crashes.suspended(() -> {
                try {
                    Set<String> borrowers = new TreeSet<>();
                    for (String loanId : run.loanIds) {
                        borrowers.add(writeLoan(engine, loanId, to, report, files.decisions, out));
                    }
                    // An in-app message is delivered once it is in the inbox, even if the function died right after.
                    for (String borrower : borrowers) {
                        for (Inbox.InboxMessage m : engine.tableInbox().list(borrower, 10_000)) {
                            report.deliveries.seen("inapp", m.messageId());
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
            report.escalation.actions.putAll(files.actions.byAction());
        }
        report.figures = RunFigures.of(report.analytics);
        report.figures.write(out);
        Files.writeString(out.resolve("summary.json"), report.toJson().toPrettyString() + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(out.resolve("report.html"), report.toHtml(), StandardCharsets.UTF_8);
        return report;
    }

    /** The daily workers, in the order their queues would typically drain: each one is idempotent per item. */
    private static List<DailyWorker> workersOf(CollectionsEngine engine) {
        return List.of(engine.penaltyAccrual(), engine.reminderFanOut(), engine.escalationDecision());
    }

    /** The non-blank input lines, with their line numbers and event times. */
    private static List<Input> inputs(List<String> eventLines) {
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < eventLines.size(); i++) {
            if (eventLines.get(i) == null) {
                inputs.add(new Input(i + 1, null, null));
                continue;
            }
            String json = eventLines.get(i).trim();
            if (!json.isEmpty()) {
                inputs.add(new Input(i + 1, json, occurredAt(json)));
            }
        }
        return inputs;
    }

    /**
     * Every step from {@code from} to {@code to}: the events, each booked zone's daily scan at the run time, the
     * hourly contact sweep and the credit-bureau export of each cycle date, in the order they run.
     */
    private Timeline timeline(List<Input> inputs, LocalDate from, LocalDate to, BureauSettings bureau) {
        Set<ZoneId> zones = new TreeSet<>(Comparator.comparing(ZoneId::getId));
        List<Step> steps = new ArrayList<>();
        for (Input in : inputs) {
            if (in.json() != null) {
                zoneOf(in.json(), zones);
            }
            // An event whose time cannot be read is applied first, where it will be rejected with its reason.
            steps.add(new Ingest(in.occurredAt() == null ? Instant.MIN : in.occurredAt(), in));
        }
        if (zones.isEmpty()) {
            zones.add(ZoneId.of("Asia/Shanghai"));
        }
        Instant lastRun = Instant.MIN;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            for (ZoneId zone : zones) {
                Instant at = d.atTime(runTime).atZone(zone).toInstant();
                steps.add(new Scan(at, zone, d));
                lastRun = at.isAfter(lastRun) ? at : lastRun;
            }
        }
        // The contact sweep, hourly on the simulated clock (every 15 minutes in AWS): planned and deferred contacts.
        Instant lastSweep = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (Instant t = from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(); !t.isAfter(lastSweep);
             t = t.plusSeconds(3600)) {
            steps.add(new Sweep(t));
        }
        // The monthly credit-bureau export of each cycle date in the range, the next morning in the cycle's zone.
        for (LocalDate cycle : bureau.cycle().cycleDatesBetween(from, to)) {
            steps.add(new Export(cycle.plusDays(1).atTime(runTime).atZone(bureau.cycle().zone()).toInstant(), cycle));
        }
        steps.sort(STEP_ORDER);
        return new Timeline(steps, zones, lastRun);
    }

    /** The simulated pipeline as it goes: each step moves the clock to its time and runs on the engine. */
    private final class Run {
        private final CollectionsEngine engine;
        private final SimulatedClock clock;
        private final Outputs files;
        private final SimulationReport report;
        private final Timeline timeline;
        private final LocalDate from;
        private final LocalDate to;
        private final CrashInjector crashes;
        private final DeliveryPolicies policies;
        private final RequestCounter requests;
        /** The loans booked, in booking order: the loan output's order. */
        final Set<String> loanIds = new LinkedHashSet<>();
        /** The steps still to run; redeliveries join them. */
        PriorityQueue<Step> steps;
        /** Where a scan's work items run when not in turn on this thread ({@code null}: in turn). */
        WorkItemPool pool;
        private int daysDone;

        Run(CollectionsEngine engine, SimulatedClock clock, Outputs files, SimulationReport report, Timeline timeline,
            LocalDate from, LocalDate to, CrashInjector crashes, DeliveryPolicies policies, RequestCounter requests) {
            this.requests = requests;
            this.crashes = crashes;
            this.policies = policies;
            this.engine = engine;
            this.clock = clock;
            this.files = files;
            this.report = report;
            this.timeline = timeline;
            this.from = from;
            this.to = to;
        }

        void apply(Step step) throws IOException {
            if (step instanceof Ingest i) {
                ingest(i);
            } else if (step instanceof Scan s) {
                scan(s);
            } else if (step instanceof Sweep s) {
                sweep(s);
            } else if (step instanceof Export e) {
                export(e);
            } else if (step instanceof Redelivery r) {
                clock.set(r.at());
                invoke(r.delivery());
            }
        }

        /**
         * Runs one attempt of an invocation; if it dies, schedules the next one as its source would, or dead-letters
         * it. Then delivers the work items it sent (they were published even if it died afterwards).
         */
        private void invoke(Delivery d) {
            Runnable record = null;
            crashes.beginAttempt(d.kind());
            try {
                record = requests.during(d.kind(), d.work());
                crashes.endAttempt();
            } catch (InjectedCrash died) {
                crashes.abandonAttempt();
                record = null;
                DeliveryPolicies.Policy policy = policies.of(d.kind());
                if (d.attempt() >= policy.maxAttempts()) {
                    files.deadLetter(policy, d.kind(), d.id(), d.attempt(), died.getMessage());
                    report.deadLettered++;
                } else {
                    report.redeliveries++;
                    steps.add(new Redelivery(clock.instant().plusSeconds(policy.delayBeforeAttempt(d.attempt() + 1)),
                            d.next()));
                }
            }
            if (record != null) {
                record.run();
            }
            List<WorkItem> sent = files.work.takeQueued();
            report.analytics.workItems(sent);
            if (pool != null && sent.size() > 1) {
                pool.run(sent, requests, files.work);
                return;
            }
            for (WorkItem item : sent) {
                // The three workers of an item share one read of the loan (in AWS each function reads it once).
                UnitOfWork.runWorkItem(item.businessDate(), () -> {
                    for (DailyWorker worker : files.work.workers()) {
                        invoke(new Delivery(worker.name(), item.key(), 1, () -> {
                            files.work.handle(worker, item);
                            return null;
                        }));
                    }
                });
            }
        }

        private void ingest(Ingest step) throws IOException {
            // An event after the last scan could not be seen by any scan of the range: counted, not applied.
            if (step.at().isAfter(timeline.lastRun())) {
                report.eventsAfterWindow++;
                files.afterWindow.write(MAPPER.createObjectNode().put("line", step.event().line())
                        .put("occurredAt", step.event().occurredAt().toString())
                        .put("reason", "occurs after the last scan of the range (--to): not applied").toString());
                files.afterWindow.write('\n');
                return;
            }
            if (step.event().occurredAt() != null) {
                clock.set(step.event().occurredAt());
            }
            invoke(new Delivery("ingestEvents", "line " + step.event().line(), 1, () -> {
                IngestOutcome outcome = step.event().json() == null
                        ? new IngestOutcome.Rejected(new EventRejection(null, null, null, "$", "the line is not valid "
                        + "UTF-8"))
                        : UnitOfWork.call(() -> engine.ingest().ingest(step.event().json()));
                return () -> {
                    try {
                        record(outcome, step.event(), report, loanIds, files.rejected, files.changes);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                };
            }));
            if (daysDone == 0) {
                progress.beforeFirstDay(day(from));
            }
        }

        private void scan(Scan step) {
            clock.set(step.at());
            // The day is counted whether or not the scan dies: its retries come on after this step.
            invoke(new Delivery("overdueScan", step.zone() + " " + step.date(), 1, () -> {
                ScanSummary s = engine.overdueScan().scan(step.zone(), step.date());
                return () -> {
                    report.loansScanned += s.loansScanned();
                    report.workItems += s.workItemsSent();
                    report.delinquencyChanges += s.delinquencyChanges();
                };
            }));
            if (step.zone().equals(timeline.zones().iterator().next())) {
                daysDone++;
                progress(step.date());
            }
        }

        private void sweep(Sweep step) {
            // Sweeps run until a day after the last scan, so contacts deferred on the last day are still attempted.
            if (!step.at().isAfter(timeline.lastRun().plusSeconds(86_400))) {
                clock.set(step.at());
                invoke(new Delivery("contactSweep", step.at().toString(), 1, () -> {
                    engine.contactSweep().sweep();
                    engine.outboxRecovery().recover();
                    return null;
                }));
            }
        }

        private void export(Export step) {
            clock.set(step.at());
            invoke(new Delivery("creditReportExport", step.cycle().toString(), 1, () -> {
                var summary = engine.creditReportExport().export(step.cycle());
                return () -> report.add(summary);
            }));
        }

        private void progress(LocalDate date) {
            progress.day(day(date));
        }

        /** The days done so far and the running totals, as of {@code date}. */
        private ProgressListener.Day day(LocalDate date) {
            return new ProgressListener.Day(date, daysDone, (int) ChronoUnit.DAYS.between(from, to) + 1,
                    report.eventsApplied, report.eventsDuplicate, report.eventsRejected, report.loansScanned,
                    report.workItems);
        }
    }

    /** The output files of a run and the file adapters the engine writes them through. */
    private static final class Outputs implements AutoCloseable {
        final FileWorkDispatcher work;
        final FileActionPublisher actions;
        final FileReportStore reports;
        final LocalReminders reminders;
        final BufferedWriter rejected;
        final BufferedWriter afterWindow;
        final BufferedWriter changes;
        final BufferedWriter decisions;
        final BufferedWriter dlq;

        Outputs(Path out, SimulatedClock clock, CrashInjector crashes, Deliveries deliveries) throws IOException {
            this.work = new FileWorkDispatcher(out.resolve("work.jsonl"), crashes);
            this.actions = new FileActionPublisher(out.resolve("actions.jsonl"), crashes, deliveries);
            this.reports = new FileReportStore(out.resolve("credit"), crashes, deliveries);
            this.dlq = Files.newBufferedWriter(out.resolve("dlq.jsonl"), StandardCharsets.UTF_8);
            this.rejected = Files.newBufferedWriter(out.resolve("rejected.jsonl"), StandardCharsets.UTF_8);
            this.afterWindow = Files.newBufferedWriter(out.resolve("after-window.jsonl"), StandardCharsets.UTF_8);
            this.changes = Files.newBufferedWriter(out.resolve("bucket-changes.jsonl"), StandardCharsets.UTF_8);
            this.reminders = new LocalReminders(out, clock, crashes, deliveries);
            this.decisions = Files.newBufferedWriter(out.resolve("decisions.jsonl"), StandardCharsets.UTF_8);
        }

        EngineAdapters adapters() {
            return reminders.wire(EngineAdapters.builder().workDispatcher(work).actionPublisher(actions)
                    .reportStore(reports)).build();
        }

        /** A message (or schedule run) that used up its attempts: one line of {@code dlq.jsonl}, ids only. */
        void deadLetter(DeliveryPolicies.Policy policy, String kind, String id, int attempts, String reason) {
            try {
                dlq.write(MAPPER.createObjectNode().put("source", policy.source()).put("function", kind)
                        .put("id", id).put("attempts", attempts).put("reason", reason).toString());
                dlq.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            dlq.close();
            decisions.close();
            reminders.close();
            changes.close();
            rejected.close();
            afterWindow.close();
            actions.close();
            work.close();
        }
    }

    /** The loan as of {@code to}: its line in the summary and {@code loans/<id>.json}; its escalation decisions. */
    private static String writeLoan(CollectionsEngine engine, String loanId, LocalDate to, SimulationReport report,
                                    BufferedWriter decisions, Path out) throws IOException {
        LoanRecord loan = engine.repository().findLoan(loanId).orElseThrow();
        LoanPosition position = engine.rules().ledger().advanceTo(loan.position(), to);
        DelinquencyStatus status = engine.rules().evaluator().evaluate(position);
        Money posted = penaltyPosted(engine.penaltyLedger(), loanId, loan.terms().zero());
        report.add(loan, position, status, posted);
        ObjectNode json = loanJson(loan, position, status);
        json.put("penaltyPosted", posted.toPlainString());
        json.put("stage", escalationStage(engine.escalationStore(), loanId, report, decisions));
        report.analytics.loanAtEnd(loanId, loan.terms().currency().getCurrencyCode(), json.get("stage").asText());
        Files.writeString(out.resolve("loans").resolve(loanId + ".json"), json.toPrettyString() + "\n",
                StandardCharsets.UTF_8);
        return loan.terms().borrowerId();
    }

    private static void record(IngestOutcome outcome, Input input, SimulationReport report, Set<String> loanIds,
                               BufferedWriter rejected, BufferedWriter changes) throws IOException {
        report.analytics.ingested(outcome, input.json());
        if (outcome instanceof IngestOutcome.Applied a) {
            report.eventsApplied++;
            if ("LoanBooked".equals(a.type())) {
                loanIds.add(a.loanId());
            }
            if (a.change() != null) {
                ObjectNode c = MAPPER.createObjectNode().put("loanId", a.loanId()).put("on", a.change().on().toString())
                        .put("fromBucket", a.change().fromBucket()).put("toBucket", a.change().toBucket())
                        .put("fromSeverity", a.change().fromSeverity().name())
                        .put("toSeverity", a.change().toSeverity().name()).put("cause", a.change().cause());
                changes.write(c.toString());
                changes.write('\n');
            }
        } else if (outcome instanceof IngestOutcome.Duplicate d) {
            report.eventsDuplicate++;
            // A booking applied by an attempt that died on the way back comes back as a duplicate: still booked.
            if ("LoanBooked".equals(d.type()) && d.loanId() != null) {
                loanIds.add(d.loanId());
            }
        } else if (outcome instanceof IngestOutcome.Rejected r) {
            report.eventsRejected++;
            EventRejection x = r.rejection();
            ObjectNode n = MAPPER.createObjectNode().put("line", input.line());
            n.put("eventId", x.eventId()).put("type", x.type()).put("loanId", x.loanId()).put("field", x.field())
                    .put("reason", x.reason());
            rejected.write(n.toString());
            rejected.write('\n');
        }
    }

    /** The loan's escalation stage; its decisions go to decisions.jsonl and the stage flow of the summary. */
    private static String escalationStage(DynamoDbEscalationStore store, String loanId, SimulationReport report,
                                          BufferedWriter decisions) throws IOException {
        for (EscalationDecision d : store.decisions(loanId)) {
            decisions.write(DynamoDbEscalationStore.decisionJson(d).toString());
            decisions.write('\n');
            report.escalation.decision(d);
            report.analytics.decision(d);
        }
        String stage = store.find(loanId).map(EscalationState::stage).orElse(EscalationLadder.CURRENT);
        report.escalation.loan(stage);
        return stage;
    }

    /**
     * The run report's snapshot of the loans open at month end {@code end} (as of that date), read outside the
     * pipeline's counted requests and the crash drill: the roll rates need every open loan, current ones included.
     */
    private static void monthEnd(CollectionsEngine engine, Set<String> loanIds, LocalDate end, RunAnalytics analytics,
                                 RequestCounter requests, CrashInjector crashes) {
        requests.uncounted(() -> crashes.suspended(() -> {
            for (String loanId : loanIds) {
                engine.repository().findLoan(loanId).ifPresent(loan -> {
                    LoanPosition position = engine.rules().ledger().advanceTo(loan.position(), end);
                    if (!position.isClosed()) {
                        analytics.monthEnd(end, loanId, engine.rules().evaluator().evaluate(position),
                                loan.terms().currency().getCurrencyCode());
                    }
                });
            }
            analytics.monthEndTaken(end);
            return null;
        }));
    }

    /** What the penalty ledger holds for the loan: the last posting's cumulative totals. */
    private static Money penaltyPosted(DynamoDbPenaltyLedger penalties, String loanId, Money zero) {
        return penalties.latest(loanId).map(p -> p.cumulative().values().stream().reduce(zero, Money::plus))
                .orElse(zero);
    }

    static ObjectNode loanJson(LoanRecord loan, LoanPosition position, DelinquencyStatus status) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("loanId", loan.loanId());
        n.put("borrowerId", loan.terms().borrowerId());
        n.put("currency", loan.terms().currency().getCurrencyCode());
        n.put("asOf", status.asOf().toString());
        n.put("daysPastDue", status.daysPastDue());
        n.put("severity", status.severity().name());
        n.put("bucket", status.bucket());
        n.put("overdueAmount", status.overdueAmount().toPlainString());
        ObjectNode byBucket = n.putObject("overdueByBucket");
        status.overdueByBucket().forEach((k, v) -> byBucket.put(k, v.toPlainString()));
        n.put("principalOutstanding", position.outstanding(Component.PRINCIPAL).toPlainString());
        n.put("interestOutstanding", position.outstanding(Component.INTEREST).toPlainString());
        n.put("feesOutstanding", position.outstanding(Component.FEES).toPlainString());
        n.put("penaltyAccrued", position.penaltyAccrued().toPlainString());
        n.put("penaltyOutstanding", position.outstanding(Component.PENALTY).toPlainString());
        n.put("penaltyPaid", position.paid(Component.PENALTY).toPlainString());
        n.put("penaltyWaived", position.waived(Component.PENALTY).toPlainString());
        n.put("credit", position.unappliedCredit().toPlainString());
        ArrayNode holds = n.putArray("holds");
        position.conditions().holds().forEach(holds::add);
        position.conditions().activeHardship().ifPresentOrElse(h -> {
            ObjectNode plan = n.putObject("activePlan");
            plan.put("requestId", h.requestId()).put("kind", h.planKind()).put("since", h.decidedOn().toString())
                    .put("paidSoFar", h.paidSoFar());
            ArrayNode payments = plan.putArray("payments");
            h.plan().forEach(pp -> payments.addObject().put("seq", pp.seq()).put("dueDate", pp.dueDate().toString())
                    .put("amount", pp.amount()));
        }, () -> n.putNull("activePlan"));
        if (position.dateOfFirstDelinquency() == null) {
            n.putNull("dateOfFirstDelinquency");
        } else {
            n.put("dateOfFirstDelinquency", position.dateOfFirstDelinquency().toString());
        }
        n.put("closed", position.isClosed());
        return n;
    }

    private static Instant occurredAt(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            return n != null && n.hasNonNull("occurredAt") ? Instant.parse(n.get("occurredAt").asText()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void zoneOf(String json, Set<ZoneId> zones) {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n != null && "LoanBooked".equals(n.path("type").asText())) {
                zones.add(ZoneId.of(n.path("payload").path("timeZone").asText()));
            }
        } catch (IOException | RuntimeException ignored) {
            // the ingest step reports what is wrong with the event
        }
    }
}

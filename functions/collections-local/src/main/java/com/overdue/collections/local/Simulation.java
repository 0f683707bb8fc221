package com.overdue.collections.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.application.CollectionsSettings;
import com.overdue.collections.core.application.IngestEventUseCase;
import com.overdue.collections.core.application.IngestOutcome;
import com.overdue.collections.core.application.OverdueScanUseCase;
import com.overdue.collections.core.application.PenaltyAccrualUseCase;
import com.overdue.collections.core.application.CreditReportExportUseCase;
import com.overdue.collections.core.bureau.BureauSettings;
import com.overdue.collections.core.bureau.ChargeOffPolicy;
import com.overdue.collections.lambda.dynamodb.DynamoDbBureauLedger;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.lambda.dynamodb.DynamoDbPenaltyLedger;
import com.overdue.collections.core.application.EscalationDecisionUseCase;
import com.overdue.collections.core.escalation.CallLimitRules;
import com.overdue.collections.core.escalation.EscalationDecision;
import com.overdue.collections.core.escalation.EscalationLadder;
import com.overdue.collections.core.escalation.EscalationLadders;
import com.overdue.collections.core.escalation.EscalationState;
import com.overdue.collections.lambda.dynamodb.DynamoDbEscalationStore;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.overdue.collections.core.application.ScanSummary;
import com.overdue.collections.core.delinquency.DelinquencyStatus;
import com.overdue.collections.core.ingest.EventRejection;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.emulators.EmbeddedDynamoDb;
import com.overdue.collections.lambda.dynamodb.DynamoDbLoanRepository;
import com.overdue.collections.lambda.dynamodb.LoanTable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the daily pipeline locally over an event stream: the same use cases and the same DynamoDB adapter as the
 * Lambda functions, on DynamoDB Local embedded in this JVM. Events are applied in {@code occurredAt} order
 * interleaved with each time zone's daily scan at its run time; every date from {@code from} to {@code to} is run.
 */
final class Simulation {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TABLE = "collections";
    private static final int SHARDS = 8;

    private final LocalTime runTime;
    private final PrintStream console;
    private final int progressEvery;

    Simulation(LocalTime runTime, PrintStream console, int progressEvery) {
        this.runTime = runTime;
        this.console = console;
        this.progressEvery = progressEvery;
    }

    /** One line of the input: its position in the file, its JSON, and when it occurred (if readable). */
    private record Input(int line, String json, Instant occurredAt) {
    }

    /** A point on the simulated timeline: an event to apply, or a scheduled scan of one time zone. */
    private record Step(Instant at, int order, Input event, ZoneId scanZone, LocalDate scanDate,
                        LocalDate creditCycle) {
    }

    SimulationReport run(List<String> eventLines, LocalDate from, LocalDate to, Path out) throws IOException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        Files.createDirectories(out.resolve("loans"));
        List<Input> inputs = new ArrayList<>();
        Set<ZoneId> zones = new TreeSet<>(Comparator.comparing(ZoneId::getId));
        for (int i = 0; i < eventLines.size(); i++) {
            String json = eventLines.get(i).trim();
            if (json.isEmpty()) {
                continue;
            }
            inputs.add(new Input(i + 1, json, occurredAt(json)));
            zoneOf(json, zones);
        }
        if (zones.isEmpty()) {
            zones.add(ZoneId.of("Asia/Shanghai"));
        }
        List<Step> timeline = new ArrayList<>();
        for (Input in : inputs) {
            // An event whose time cannot be read is applied first, where it will be rejected with its reason.
            timeline.add(new Step(in.occurredAt() == null ? Instant.MIN : in.occurredAt(), 0, in, null, null, null));
        }
        Instant lastRun = Instant.MIN;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            for (ZoneId zone : zones) {
                Instant at = d.atTime(runTime).atZone(zone).toInstant();
                timeline.add(new Step(at, 1, null, zone, d, null));
                lastRun = at.isAfter(lastRun) ? at : lastRun;
            }
        }
        // The contact sweep, hourly on the simulated clock (every 15 minutes in AWS): planned and deferred contacts.
        for (Instant t = from.minusDays(1).atStartOfDay(ZoneId.of("UTC")).toInstant();
             !t.isAfter(to.plusDays(1).atStartOfDay(ZoneId.of("UTC")).toInstant()); t = t.plusSeconds(3600)) {
            timeline.add(new Step(t, 2, null, null, null, null));
        }
        // The monthly credit-bureau export of each cycle date in the range, the next morning in the cycle's zone.
        BureauSettings bureau = com.overdue.collections.core.config.EngineConfiguration.fromClasspath().bureau();
        for (LocalDate cycle : bureau.cycle().cycleDatesBetween(from, to)) {
            Instant at = cycle.plusDays(1).atTime(runTime).atZone(bureau.cycle().zone()).toInstant();
            timeline.add(new Step(at, 3, null, null, null, cycle));
        }
        timeline.sort(Comparator.comparing(Step::at).thenComparingInt(Step::order)
                .thenComparingInt(s -> s.event() == null ? 0 : s.event().line()));

        SimulationReport report = new SimulationReport(from, to);
        RequestCounter requests = new RequestCounter();
        try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start();
             DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint())
                     .region(Region.US_EAST_1).httpClient(ApacheHttpClient.create())
                     .overrideConfiguration(c -> c.addExecutionInterceptor(requests))
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local",
                             "local"))).build();
             FileWorkDispatcher work = new FileWorkDispatcher(out.resolve("work.jsonl"));
             FileActionPublisher actions = new FileActionPublisher(out.resolve("actions.jsonl"));
             BufferedWriter rejected = Files.newBufferedWriter(out.resolve("rejected.jsonl"), StandardCharsets.UTF_8);
             BufferedWriter changes = Files.newBufferedWriter(out.resolve("bucket-changes.jsonl"),
                     StandardCharsets.UTF_8)) {
            LoanTable.create(client, TABLE);
            DynamoDbLoanRepository repository = new DynamoDbLoanRepository(
                    DynamoDbEnhancedClient.builder().dynamoDbClient(client).build(), TABLE, SHARDS);
            SimulatedClock clock = new SimulatedClock(from.atStartOfDay(ZoneId.of("UTC")).toInstant());
            CollectionsSettings settings = CollectionsSettings.defaults(SHARDS);
            IngestEventUseCase ingest = new IngestEventUseCase(repository, settings, clock);
            OverdueScanUseCase scan = new OverdueScanUseCase(repository, work, settings, clock);
            // The daily workers, in the order their queues would typically drain: each one is idempotent per item.
            DynamoDbPenaltyLedger penalties = new DynamoDbPenaltyLedger(
                    DynamoDbEnhancedClient.builder().dynamoDbClient(client).build(), TABLE);
            work.register(new PenaltyAccrualUseCase(repository, penalties, settings));
            CreditReportExportUseCase creditReport = new CreditReportExportUseCase(repository, repository, repository,
                    new DynamoDbBureauLedger(DynamoDbEnhancedClient.builder().dynamoDbClient(client).build(), TABLE),
                    actions, new FileReportStore(out.resolve("credit")), settings, bureau,
                    ChargeOffPolicy.WRITTEN_OFF_CLOSURE, LoanPosition::conditions, clock);
            LocalReminders reminders = new LocalReminders(client, TABLE, repository,
                    (DynamoDbLoanRepository) repository, settings, clock, out);
            work.register(reminders.fanOut);
            DynamoDbEscalationStore escalations = new DynamoDbEscalationStore(
                    DynamoDbEnhancedClient.builder().dynamoDbClient(client).build(), TABLE, clock);
            work.register(new EscalationDecisionUseCase(repository, escalations, actions, com.overdue.collections.core.config.EngineConfiguration.fromClasspath().callLimits(),
                    com.overdue.collections.core.config.EngineConfiguration.fromClasspath().ladders(), settings, clock));
            Set<String> loanIds = new LinkedHashSet<>();
            BufferedWriter decisions = Files.newBufferedWriter(out.resolve("decisions.jsonl"), StandardCharsets.UTF_8);
            int daysDone = 0;
            for (Step step : timeline) {
                if (step.event() != null) {
                    if (step.at().isAfter(lastRun)) {
                        report.eventsAfterWindow++;
                        continue;
                    }
                    if (step.event().occurredAt() != null) {
                        clock.set(step.event().occurredAt());
                    }
                    IngestOutcome outcome = ingest.ingest(step.event().json());
                    record(outcome, step.event(), report, loanIds, rejected, changes);
                } else if (step.creditCycle() != null) {
                    clock.set(step.at());
                    report.add(creditReport.export(step.creditCycle()));
                } else if (step.scanZone() == null) {
                    if (!step.at().isAfter(lastRun.plusSeconds(86_400))) {
                        clock.set(step.at());
                        reminders.sweep.sweep();
                    }
                } else {
                    clock.set(step.at());
                    ScanSummary s = scan.scan(step.scanZone(), step.scanDate());
                    report.loansScanned += s.loansScanned();
                    report.workItems += s.workItemsSent();
                    report.delinquencyChanges += s.delinquencyChanges();
                    if (step.scanZone().equals(zones.iterator().next())) {
                        daysDone++;
                        if (progressEvery > 0 && (daysDone % progressEvery == 0 || step.scanDate().equals(to))) {
                            console.printf("  [day %3d/%d] %s  events applied %d, duplicate %d, rejected %d; "
                                            + "loans scanned %d; work items %d%n", daysDone,
                                    java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1,
                                    step.scanDate(), report.eventsApplied, report.eventsDuplicate,
                                    report.eventsRejected, report.loansScanned, report.workItems);
                        }
                    }
                }
            }
            reminders.close();
            report.contactDecisions.putAll(reminders.decisions);
            report.emailsWritten = reminders.emails;
            report.dynamoRequests.putAll(requests.snapshot());
            for (String loanId : loanIds) {
                LoanRecord loan = repository.findLoan(loanId).orElseThrow();
                LoanPosition position = settings.ledger().advanceTo(loan.position(), to);
                DelinquencyStatus status = settings.evaluator().evaluate(position);
                Money posted = penaltyPosted(penalties, loanId, loan.terms().zero());
                report.add(loan, position, status, posted);
                ObjectNode json = loanJson(loan, position, status);
                json.put("penaltyPosted", posted.toPlainString());
                json.put("stage", escalationStage(escalations, loanId, report, decisions));
                Files.writeString(out.resolve("loans").resolve(loanId + ".json"), json.toPrettyString() + "\n",
                        StandardCharsets.UTF_8);
            }
            decisions.close();
            report.escalation.actions.putAll(actions.byAction());
        }
        Files.writeString(out.resolve("summary.json"), report.toJson().toPrettyString() + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(out.resolve("report.html"), report.toHtml(), StandardCharsets.UTF_8);
        return report;
    }

    private static void record(IngestOutcome outcome, Input input, SimulationReport report, Set<String> loanIds,
                               BufferedWriter rejected, BufferedWriter changes) throws IOException {
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
        } else if (outcome instanceof IngestOutcome.Duplicate) {
            report.eventsDuplicate++;
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
        }
        String stage = store.find(loanId).map(EscalationState::stage).orElse(EscalationLadder.CURRENT);
        report.escalation.loan(stage);
        return stage;
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

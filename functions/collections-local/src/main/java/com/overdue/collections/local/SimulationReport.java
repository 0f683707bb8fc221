package com.overdue.collections.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.application.CreditReportSummary;
import com.overdue.collections.core.delinquency.DelinquencyPolicy;
import com.overdue.collections.core.delinquency.DelinquencyStatus;
import com.overdue.collections.core.delinquency.Severity;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.port.LoanRecord;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a simulation did and where the portfolio stands at its last date: counts and amounts per currency. */
final class SimulationReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> BUCKETS = bucketNames();
    private static final Comparator<String> BUCKET_ORDER = Comparator.comparingInt(BUCKETS::indexOf);

    final LocalDate from;
    final LocalDate to;
    long eventsApplied;
    long eventsDuplicate;
    long eventsRejected;
    long eventsAfterWindow;
    long loansScanned;
    long workItems;
    long delinquencyChanges;
    /** DynamoDB requests per operation made by the pipeline (ingestion, scans, workers; not the final report). */
    final Map<String, Long> dynamoRequests = new java.util.TreeMap<>();
    /** The same per "function operation" (which step kind made them): where the requests go. */
    final Map<String, Long> dynamoRequestsByFunction = new java.util.TreeMap<>();
    /** Invocations (attempts) per function: what the requests by function are per. */
    final Map<String, Long> invocations = new java.util.TreeMap<>();
    int loans;
    /** severity → count. */
    final Map<String, Integer> bySeverity = new TreeMap<>();
    /** bucket (by loan DPD) → count, in the configured bucket order. */
    final Map<String, Integer> byBucket = new TreeMap<>(BUCKET_ORDER);
    /** currency → bucket (per installment) → overdue amount. */
    final Map<String, Map<String, BigDecimal>> overdueByCurrencyAndBucket = new TreeMap<>();
    /** currency → principal outstanding. */
    final Map<String, BigDecimal> principalOutstanding = new TreeMap<>();
    /** currency → penalty figures: accrued, posted, collected, waived, outstanding. */
    final Map<String, Map<String, BigDecimal>> penalty = new TreeMap<>();
    /** The credit-bureau exports run, one per cycle date (credit/metro2-<cycle>.txt and its manifest). */
    final List<CreditReportSummary> creditReports = new ArrayList<>();

    /** Reminder contact decisions: "<STATE> <CHANNEL> <deciding rule>" → count (contacts.jsonl has each one). */
    final Map<String, Long> contactDecisions = new TreeMap<>();
    long emailsWritten;
    /** Every effect delivered, by kind and id (the crash drill compares them with a clean run's). */
    final Deliveries deliveries = new Deliveries();
    /** Crashes the drill injected, per point, and what the redelivery made of them. */
    long crashes;
    final Map<String, Long> crashesByPoint = new TreeMap<>();
    long redeliveries;
    long deadLettered;
    /** Work items a worker failed because the loan's calendar year is not loaded (CN: no file for the year). */
    final List<String> calendarMissing = new ArrayList<>();

    SimulationReport(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
        for (Severity s : Severity.values()) {
            bySeverity.put(s.name(), 0);
        }
    }

    private static List<String> bucketNames() {
        List<String> names = new ArrayList<>();
        names.add(DelinquencyPolicy.CURRENT_BUCKET);
        DelinquencyPolicy.DEFAULT.buckets().forEach(b -> names.add(b.name()));
        return names;
    }

    void add(LoanRecord loan, LoanPosition position, DelinquencyStatus status, Money penaltyPosted) {
        loans++;
        bySeverity.merge(status.severity().name(), 1, Integer::sum);
        byBucket.merge(status.bucket(), 1, Integer::sum);
        String currency = loan.terms().currency().getCurrencyCode();
        Map<String, BigDecimal> buckets = overdueByCurrencyAndBucket.computeIfAbsent(currency,
                c -> new TreeMap<>(BUCKET_ORDER));
        status.overdueByBucket().forEach((bucket, amount) -> buckets.merge(bucket, amount.amount(), BigDecimal::add));
        principalOutstanding.merge(currency,
                position.outstanding(com.overdue.collections.core.loan.Component.PRINCIPAL).amount(), BigDecimal::add);
        Map<String, BigDecimal> p = penalty.computeIfAbsent(currency, c -> new java.util.LinkedHashMap<>());
        p.merge("accrued", position.penaltyAccrued().amount(), BigDecimal::add);
        p.merge("posted", penaltyPosted.amount(), BigDecimal::add);
        p.merge("collected", position.paid(Component.PENALTY).amount(), BigDecimal::add);
        p.merge("waived", position.waived(Component.PENALTY).amount(), BigDecimal::add);
        p.merge("outstanding", position.outstanding(Component.PENALTY).amount(), BigDecimal::add);
    }

    /** "worker jurisdiction year" → items failed, e.g. {@code reminderFanOut CN 2024 → 12}. */
    Map<String, Long> calendarMissingByYear() {
        Map<String, Long> by = new TreeMap<>();
        for (String item : calendarMissing) {
            String[] f = item.split(" ");
            by.merge(f[0] + " " + f[2] + " " + f[3], 1L, Long::sum);
        }
        return by;
    }

    void add(CreditReportSummary creditReport) {
        creditReports.add(creditReport);
    }
    /** Escalation stages and the stage flow (from → to counts). */
    final EscalationReport escalation = new EscalationReport();
    /** What the report's charts and analytics files are made of, collected as the run goes. */
    final RunAnalytics analytics = new RunAnalytics();
    /** The analytics figures, once the run has ended (summary.json's {@code analytics}, analytics/*.csv). */
    RunFigures figures;

    void print(PrintStream out) {
        out.printf("%nPortfolio on %s (%d loans)%n", to, loans);
        out.println("  severity   loans");
        bySeverity.forEach((k, v) -> out.printf("  %-9s %6d%n", k, v));
        out.println("  bucket     loans   (bucket of the loan's oldest unpaid installment)");
        byBucket.forEach((k, v) -> out.printf("  %-9s %6d%n", k, v));
        overdueByCurrencyAndBucket.forEach((currency, buckets) -> {
            out.printf("  overdue %s by installment bucket:%n", currency);
            BigDecimal total = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> e : buckets.entrySet()) {
                out.printf("    %-9s %16s%n", e.getKey(), e.getValue().toPlainString());
                total = total.add(e.getValue());
            }
            out.printf("    %-9s %16s%n", "total", total.toPlainString());
            out.printf("    principal outstanding %s%n", principalOutstanding.get(currency).toPlainString());
            Map<String, BigDecimal> p = penalty.get(currency);
            out.printf("    penalty: accrued %s, posted %s, collected %s, waived %s, outstanding %s%n",
                    p.get("accrued").toPlainString(), p.get("posted").toPlainString(),
                    p.get("collected").toPlainString(), p.get("waived").toPlainString(),
                    p.get("outstanding").toPlainString());
        });
        out.printf("Events: %d applied, %d duplicate (no-op), %d rejected (see rejected.jsonl), %d after the window "
                        + "(not applied, see after-window.jsonl)%n",
                eventsApplied, eventsDuplicate, eventsRejected, eventsAfterWindow);
        out.printf("Daily scans: %d loan reviews, %d work items, %d bucket/severity changes%n", loansScanned,
                workItems, delinquencyChanges);
        out.printf("Work items failed for a missing calendar year: %d%n", calendarMissing.size());
        calendarMissingByYear().forEach((k, v) -> out.printf("  %-40s %6d  (add the calendar file)%n", k, v));
        for (CreditReportSummary c : creditReports) {
            out.printf("Credit report %s: %d reported %s, %d withheld pending notice, %d rejected, %d notices (%s)%n",
                    c.cycleDate(), c.reported(), c.statusCounts(), c.withheldPendingNotice(), c.rejected(),
                    c.noticesPublished(), c.fileLocation() == null ? "no file: nothing to submit" : c.fileLocation());
        }
        out.printf("DynamoDB requests: %d %s; %.2f per event + work item (%d events, %d work items)%n",
                dynamoRequestTotal(), dynamoRequests, requestsPerEventAndWorkItem(),
                eventsApplied + eventsDuplicate + eventsRejected, workItems);
        out.printf("Reminder contacts (state, channel, deciding rule; every decision in contacts.jsonl), %d e-mails:%n",
                emailsWritten);
        contactDecisions.forEach((k, v) -> out.printf("  %-40s %6d%n", k, v));
        escalation.print(out);
    }

    /** The DynamoDB requests of the pipeline, all operations. */
    long dynamoRequestTotal() {
        return dynamoRequests.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The figure the demo's budget is about: requests per (event read + work item sent). */
    double requestsPerEventAndWorkItem() {
        return (double) dynamoRequestTotal() / Math.max(1, eventsApplied + eventsDuplicate + eventsRejected
                + workItems);
    }

    ObjectNode toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("from", from.toString());
        n.put("to", to.toString());
        n.put("loans", loans);
        ObjectNode events = n.putObject("events");
        events.put("applied", eventsApplied).put("duplicate", eventsDuplicate).put("rejected", eventsRejected)
                .put("afterWindow", eventsAfterWindow);
        ObjectNode scans = n.putObject("scans");
        scans.put("loanReviews", loansScanned).put("workItems", workItems).put("delinquencyChanges",
                delinquencyChanges);
        ObjectNode missing = n.putObject("calendarMissing");
        missing.put("workItems", calendarMissing.size());
        ObjectNode missingBy = missing.putObject("byWorkerJurisdictionYear");
        calendarMissingByYear().forEach(missingBy::put);
        ArrayNode missingItems = missing.putArray("items");
        calendarMissing.forEach(missingItems::add);
        ObjectNode dynamo = n.putObject("dynamoDbRequests");
        dynamoRequests.forEach(dynamo::put);
        n.putObject("dynamoDbBudget").put("requests", dynamoRequestTotal())
                .put("events", eventsApplied + eventsDuplicate + eventsRejected).put("workItems", workItems)
                .put("requestsPerEventAndWorkItem", java.math.BigDecimal.valueOf(requestsPerEventAndWorkItem())
                        .setScale(2, java.math.RoundingMode.HALF_UP));
        ObjectNode byFunction = n.putObject("dynamoDbRequestsByFunction");
        dynamoRequestsByFunction.forEach(byFunction::put);
        ObjectNode invoked = n.putObject("invocationsByFunction");
        invocations.forEach(invoked::put);
        ObjectNode sev = n.putObject("loansBySeverity");
        bySeverity.forEach(sev::put);
        ObjectNode buckets = n.putObject("loansByBucket");
        byBucket.forEach(buckets::put);
        ObjectNode overdue = n.putObject("overdueByCurrencyAndBucket");
        overdueByCurrencyAndBucket.forEach((c, m) -> {
            ObjectNode cur = overdue.putObject(c);
            m.forEach((b, v) -> cur.put(b, v.toPlainString()));
        });
        ObjectNode pen = n.putObject("penalty");
        penalty.forEach((c, m) -> {
            ObjectNode cur = pen.putObject(c);
            m.forEach((k, v) -> cur.put(k, v.toPlainString()));
        });
        ObjectNode contacts = n.putObject("contactDecisions");
        contactDecisions.forEach(contacts::put);
        ObjectNode principal = n.putObject("principalOutstanding");
        principalOutstanding.forEach((c, v) -> principal.put(c, v.toPlainString()));
        ArrayNode credit = n.putArray("creditReports");
        for (CreditReportSummary c : creditReports) {
            ObjectNode r = credit.addObject().put("cycleDate", c.cycleDate().toString())
                    .put("file", c.fileLocation()).put("manifest", c.manifestLocation()).put("sha256", c.sha256())
                    .put("reported", c.reported()).put("withheldPendingNotice", c.withheldPendingNotice())
                    .put("rejected", c.rejected()).put("noticesPublished", c.noticesPublished());
            ObjectNode statuses = r.putObject("statusCounts");
            new TreeMap<>(c.statusCounts()).forEach(statuses::put);
        }
        escalation.addTo(n);
        n.set("analytics", figures().toJson());
        return n;
    }

    /** The analytics figures (computed now when the run has not set them). */
    RunFigures figures() {
        return figures != null ? figures : RunFigures.of(analytics);
    }

    /** report.html: the Qute template {@code templates/report.html} with inline SVG charts ({@link ReportHtml}). */
    String toHtml() {
        return ReportHtml.render(this, figures());
    }

}

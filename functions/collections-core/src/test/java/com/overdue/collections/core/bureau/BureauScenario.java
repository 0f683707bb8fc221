package com.overdue.collections.core.bureau;

import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.config.ConfigSource;

import com.overdue.collections.core.application.CollectionsSettings;
import com.overdue.collections.core.delinquency.DelinquencyPolicy;
import com.overdue.collections.core.product.Product;
import com.overdue.collections.core.product.ProductCatalog;
import com.overdue.collections.core.application.CreditReportExportUseCase;
import com.overdue.collections.core.application.CreditReportSummary;
import com.overdue.collections.core.application.IngestEventUseCase;
import com.overdue.collections.core.application.IngestOutcome;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.emulators.Metro2Validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives loans through months of events and monthly exports on the in-memory ports, with the real ledger, rules and
 * writer; every Metro 2 file it writes lands under {@code target/metro2/<name>/} and is checked by the moov-io
 * validator.
 */
final class BureauScenario {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    final InMemoryBureauWorld world;
    final MutableClock clock = new MutableClock();
    final IngestEventUseCase ingest;
    final CollectionsSettings settings;
    final CreditReportExportUseCase export;
    private final List<String[]> pending = new ArrayList<>();
    private int eventSeq;

    BureauScenario(String name, BureauSettings bureau) {
        world = new InMemoryBureauWorld(Paths.get(System.getProperty("basedir", "."), "target", "metro2", name));
        settings = CollectionsSettings.of(productsWithCnMetro2(), DelinquencyPolicy.DEFAULT, 4);
        ingest = new IngestEventUseCase(world, settings, clock);
        export = new CreditReportExportUseCase(world, world, world, world, world, world, world, settings, bureau,
                ChargeOffPolicy.WRITTEN_OFF_CLOSURE, LoanPosition::conditions,
                clock);
    }

    /**
     * The shipped products plus {@code CN-METRO2}: the CN consumer product's penalty terms and allocation booked in
     * USD, for a lender that reports a CN-jurisdiction portfolio in Metro 2.
     */
    private static ProductCatalog productsWithCnMetro2() {
        ProductCatalog shipped = EngineConfiguration.products(ConfigSource.classpath());
        Map<String, Product> products = new HashMap<>();
        for (String code : shipped.productCodes()) {
            products.put(code, shipped.product(code));
        }
        Product cn = shipped.product("CONSUMER-INSTALMENT");
        products.put("CN-METRO2", new Product("CN-METRO2", "CN", "USD", cn.penalty(), cn.allocation(),
                cn.promiseHoldGraceDays()));
        return new ProductCatalog(products);
    }

    static BureauSettings defaultSettings() {
        return EngineConfiguration.fromClasspath().bureau();
    }

    /** The default settings plus a CN product configured for Metro 2 (a lender's choice; not the default). */
    static BureauSettings withCnProductInMetro2() {
        BureauSettings s = defaultSettings();
        Map<String, ProductReporting> products = new HashMap<>(s.products());
        ProductReporting us = s.product("US-CONSUMER-INSTALMENT").orElseThrow();
        products.put("CN-METRO2", new ProductReporting("CN-METRO2", true, us.portfolioType(), us.accountType(),
                us.termsFrequency(), us.ecoaCode()));
        return new BureauSettings(s.furnisher(), s.cycle(), s.noticeRules(), products);
    }

    // ------------------------------------------------------------------ events

    /** A loan of {@code count} monthly installments of 100.00 due on the 15th from {@code firstDue}. */
    void book(String loanId, String jurisdiction, String productCode, LocalDate disbursed, LocalDate firstDue,
              int count) {
        StringBuilder installments = new StringBuilder();
        for (int i = 0; i < count; i++) {
            installments.append(i == 0 ? "" : ",").append("{\"seq\":").append(i + 1).append(",\"dueDate\":\"")
                    .append(firstDue.plusMonths(i)).append("\",\"principal\":\"100.00\",\"interest\":\"0.00\","
                            + "\"fees\":\"0.00\"}");
        }
        String cn = "CN".equals(jurisdiction) ? "true" : "false";
        String payload = "{\"borrowerId\":\"B-" + loanId + "\",\"productCode\":\"" + productCode + "\","
                + "\"currency\":\"USD\",\"jurisdiction\":\"" + jurisdiction + "\",\"timeZone\":\""
                + ("true".equals(cn) ? "Asia/Shanghai" : "America/New_York") + "\",\"principal\":\""
                + (100 * count) + ".00\",\"disbursedOn\":\"" + disbursed + "\",\"installments\":[" + installments
                + "],\"borrower\":{\"name\":{\"first\":\"Jane\",\"middle\":\"Q\",\"last\":\"Public\"},"
                + "\"locale\":\"en-US\",\"timeZone\":\"America/New_York\",\"email\":\"jane@example.com\","
                + "\"phone\":\"+12125550100\",\"dateOfBirth\":\"1985-04-12\",\"nationalId\":\"123-45-6789\","
                + "\"address\":{\"line1\":\"1 Elm Street\",\"line2\":\"\",\"city\":\"Albany\",\"state\":\"NY\","
                + "\"postalCode\":\"12207\",\"country\":\"US\"}}}";
        event(disbursed, loanId, "LoanBooked", payload);
    }

    /** A payment received on {@code on}; returns its payment id (for a reversal). */
    String pay(String loanId, LocalDate on, String amount) {
        String paymentId = "P-" + (++eventSeq);
        event(on, loanId, "PaymentReceived", "{\"paymentId\":\"" + paymentId + "\",\"amount\":\"" + amount
                + "\",\"receivedOn\":\"" + on + "\",\"channel\":\"BANK_TRANSFER\"}");
        return paymentId;
    }

    /** The payment {@code paymentId} bounced; the engine hears of it on {@code on}. */
    void reverse(String loanId, String paymentId, LocalDate on) {
        event(on, loanId, "PaymentReversed", "{\"paymentId\":\"" + paymentId + "\",\"reason\":\"NSF\"}");
    }

    /** A hardship request on {@code on}, then its approval on the same day as an instalment plan of one payment. */
    void instalmentPlan(String loanId, String requestId, LocalDate on, LocalDate planDue, String amount) {
        requestHardship(loanId, requestId, on, "INSTALMENT_PLAN");
        event(on, loanId, "HardshipDecided", "{\"requestId\":\"" + requestId + "\",\"decision\":\"APPROVED\","
                + "\"reviewer\":\"R-1\",\"plan\":{\"kind\":\"INSTALMENT_PLAN\",\"installments\":[{\"seq\":1,"
                + "\"dueDate\":\"" + planDue + "\",\"amount\":\"" + amount + "\"}]}}");
    }

    /** A hardship request on {@code on}, approved the same day as a deferral of installment {@code seq}. */
    void deferral(String loanId, String requestId, LocalDate on, int seq, LocalDate newDueDate) {
        requestHardship(loanId, requestId, on, "DEFERRAL");
        event(on, loanId, "HardshipDecided", "{\"requestId\":\"" + requestId + "\",\"decision\":\"APPROVED\","
                + "\"reviewer\":\"R-1\",\"plan\":{\"kind\":\"DEFERRAL\",\"newDueDates\":[{\"seq\":" + seq
                + ",\"dueDate\":\"" + newDueDate + "\"}]}}");
    }

    private void requestHardship(String loanId, String requestId, LocalDate on, String kind) {
        event(on, loanId, "HardshipRequested", "{\"requestId\":\"" + requestId + "\",\"reason\":\"JOB_LOSS\","
                + "\"documents\":[],\"requested\":{\"kind\":\"" + kind + "\"}}");
    }

    /** A payment whose event only reaches the engine on {@code arrives} (back-dated). */
    void payLate(String loanId, LocalDate receivedOn, LocalDate arrives, String amount) {
        event(arrives, loanId, "PaymentReceived", "{\"paymentId\":\"P-" + (++eventSeq) + "\",\"amount\":\"" + amount
                + "\",\"receivedOn\":\"" + receivedOn + "\",\"channel\":\"BANK_TRANSFER\"}");
    }

    void openDispute(String loanId, String disputeId, LocalDate on) {
        event(on, loanId, "DisputeOpened", "{\"disputeId\":\"" + disputeId + "\",\"reason\":\"AMOUNT\"}");
    }

    void resolveDispute(String loanId, String disputeId, LocalDate on, String outcome, boolean consumerDisagrees) {
        event(on, loanId, "DisputeResolved", "{\"disputeId\":\"" + disputeId + "\",\"outcome\":\"" + outcome
                + "\",\"consumerDisagrees\":" + consumerDisagrees + "}");
    }

    void close(String loanId, LocalDate on, String reason) {
        event(on, loanId, "LoanClosed", "{\"reason\":\"" + reason + "\",\"on\":\"" + on + "\"}");
    }

    private void event(LocalDate arrives, String loanId, String type, String payload) {
        String occurredAt = arrives.atTime(LocalTime.NOON).atZone(NEW_YORK).toInstant().toString();
        // Zero-padded: events of one day share occurredAt and replay in eventId order, which must be arrival order.
        String eventId = "E-" + String.format("%06d", ++eventSeq);
        pending.add(new String[]{arrives.toString(), "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type
                + "\",\"schemaVersion\":1,\"occurredAt\":\"" + occurredAt + "\",\"loanId\":\"" + loanId
                + "\",\"payload\":" + payload + "}"});
    }

    // ------------------------------------------------------------------ running

    /** Applies every event that arrives on or before {@code cycle}, then runs the export the day after. */
    CreditReportSummary exportCycle(LocalDate cycle) {
        return exportCycle(cycle, cycle.plusDays(1));
    }

    /** As {@link #exportCycle(LocalDate)}, with the export run on {@code runDay} (a late or repeated run). */
    CreditReportSummary exportCycle(LocalDate cycle, LocalDate runDay) {
        pending.sort(java.util.Comparator.comparing(e -> e[0]));
        while (!pending.isEmpty() && !LocalDate.parse(pending.get(0)[0]).isAfter(cycle)) {
            String[] e = pending.remove(0);
            clock.set(LocalDate.parse(e[0]).atTime(LocalTime.NOON).atZone(NEW_YORK).toInstant());
            IngestOutcome outcome = ingest.ingest(e[1]);
            if (!(outcome instanceof IngestOutcome.Applied)) {
                throw new IllegalStateException("event not applied: " + outcome + " " + e[1]);
            }
        }
        clock.set(runDay.atTime(3, 0).atZone(NEW_YORK).toInstant());
        CreditReportSummary summary = export.export(cycle);
        Path file = world.dir.resolve("metro2-" + cycle + ".txt");
        if (summary.fileLocation() != null) {
            Metro2Validator.Run run = Metro2Validator.locate().validate(file);
            if (!run.valid()) {
                throw new AssertionError("moov-io/metro2 refused " + file + ": " + run.stderr() + run.stdout());
            }
        }
        return summary;
    }

    /**
     * The loan on {@code date} as the events applied so far tell it (what an export run now sees), replayed by the
     * ledger independently of the export: events effective later are left out, reversals always kept.
     */
    LoanPosition positionAsKnownOn(String loanId, LocalDate date) {
        com.overdue.collections.core.loan.LoanTerms terms = world.loans.get(loanId).terms();
        com.overdue.collections.core.ingest.EventParser parser = new com.overdue.collections.core.ingest.EventParser();
        List<com.overdue.collections.core.ingest.CollectionsEvent> events = world.findEvents(loanId).stream()
                .map(e -> parser.parseStored(e.json()))
                .filter(e -> e.payload() instanceof com.overdue.collections.core.ingest.EventPayload.PaymentReversed
                        || !com.overdue.collections.core.ingest.LoanReplay.effectiveDate(terms, e).isAfter(date))
                .toList();
        return settings.replay().replay(terms, events, date);
    }

    String file(LocalDate cycle) {
        try {
            return Files.readString(world.dir.resolve("metro2-" + cycle + ".txt"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Metro2Manifest manifest(LocalDate cycle) {
        return world.manifests.get("metro2-" + cycle + ".manifest.json");
    }

    /** Month-end cycle dates from {@code first} for {@code months} months. */
    static List<LocalDate> monthEnds(LocalDate first, int months) {
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            out.add(java.time.YearMonth.from(first).plusMonths(i).atEndOfMonth());
        }
        return out;
    }

    /** A clock the scenario moves. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

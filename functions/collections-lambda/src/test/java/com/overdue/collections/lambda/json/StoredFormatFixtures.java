package com.overdue.collections.lambda.json;

import com.overdue.collections.core.bureau.BureauRecord;
import com.overdue.collections.core.bureau.ReportingDisposition;
import com.overdue.collections.core.contact.Channel;
import com.overdue.collections.core.contact.ContactDecision;
import com.overdue.collections.core.contact.ContactEvaluation;
import com.overdue.collections.core.contact.ContactRecord;
import com.overdue.collections.core.contact.ContactState;
import com.overdue.collections.core.contact.RuleVerdict;
import com.overdue.collections.core.delinquency.DelinquencyStatus;
import com.overdue.collections.core.delinquency.Severity;
import com.overdue.collections.core.escalation.Ability;
import com.overdue.collections.core.escalation.EscalationDecision;
import com.overdue.collections.core.escalation.EscalationState;
import com.overdue.collections.core.ledger.ComponentAmounts;
import com.overdue.collections.core.ledger.InstallmentPosition;
import com.overdue.collections.core.ledger.LoanClosure;
import com.overdue.collections.core.ledger.LoanConditions;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.loan.ScheduledInstallment;
import com.overdue.collections.core.metro2.AccountStatus;
import com.overdue.collections.core.metro2.ComplianceConditionCode;
import com.overdue.collections.core.metro2.PaymentHistoryCode;
import com.overdue.collections.core.metro2.PaymentHistoryProfile;
import com.overdue.collections.core.metro2.PaymentRating;
import com.overdue.collections.core.port.CollectionsAction;
import com.overdue.collections.core.port.WorkItem;
import com.overdue.collections.lambda.dynamodb.LoanSnapshotDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The domain values behind the golden samples in {@code stored-formats/v1}: the samples were written from exactly
 * these values by the hand-written codecs of commit 071d3c7, before they were deleted.
 */
final class StoredFormatFixtures {

    static final Currency CNY = Currency.getInstance("CNY");
    static final LocalDate D1 = LocalDate.of(2026, 2, 15);
    static final LocalDate D2 = LocalDate.of(2026, 3, 15);

    private StoredFormatFixtures() {
    }

    /** A v1 sample's text. */
    static String v1(String name) {
        try (InputStream in = StoredFormatFixtures.class.getResourceAsStream("/stored-formats/v1/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Money m(String amount) {
        return Money.of(amount, "CNY");
    }

    /** loan-snapshot.json: late, partly paid, penalty, waiver, paused days, every kind of condition. */
    static LoanSnapshotDocument.Snapshot lateLoan() {
        LoanTerms terms = new LoanTerms("L-GOLD-1", "B-GOLD-1", "CN-CASH-12", CNY, "CN", ZoneId.of("Asia/Shanghai"),
                m("2000.00"), LocalDate.of(2026, 1, 15), List.of(
                new ScheduledInstallment(1, D1, m("1000.00"), m("30.00"), m("5.00")),
                new ScheduledInstallment(2, D2, m("1000.00"), m("30.00"), m("5.00"))));
        InstallmentPosition i1 = new InstallmentPosition(1, D1,
                new ComponentAmounts(m("7.45"), m("5.00"), m("30.00"), m("1000.00")),
                new ComponentAmounts(m("0.00"), m("5.00"), m("30.00"), m("565.00")),
                new ComponentAmounts(m("2.00"), m("0.00"), m("0.00"), m("0.00")), 3);
        InstallmentPosition i2 = new InstallmentPosition(2, D2,
                new ComponentAmounts(m("0.00"), m("5.00"), m("30.00"), m("1000.00")),
                ComponentAmounts.zero(CNY), ComponentAmounts.zero(CNY), 0);
        LoanConditions conditions = new LoanConditions(
                List.of(new LoanConditions.Dispute("DSP-1", LocalDate.of(2026, 3, 1), "AMOUNT", null, null, false),
                        new LoanConditions.Dispute("DSP-0", LocalDate.of(2026, 2, 1), "IDENTITY",
                                LocalDate.of(2026, 2, 10), "UPHELD", true)),
                List.of(new LoanConditions.PromiseToPay("PTP-1", LocalDate.of(2026, 3, 16), "435.00",
                        LocalDate.of(2026, 3, 25), LocalDate.of(2026, 3, 28), "100.00",
                        LoanConditions.PromiseStatus.ACTIVE, null)),
                List.of(new LoanConditions.Hardship("HS-1", LocalDate.of(2026, 3, 2), "MEDICAL",
                        List.of("doc-1.pdf", "doc-2.pdf"), "INSTALMENT_PLAN", LoanConditions.HardshipStatus.ACTIVE,
                        "INSTALMENT_PLAN", List.of(
                        new LoanConditions.PlanPayment(1, LocalDate.of(2026, 4, 1), "200.00"),
                        new LoanConditions.PlanPayment(2, LocalDate.of(2026, 5, 1), "235.00")),
                        LocalDate.of(2026, 3, 5), "agent-7", null, "0.00")),
                List.of(new LoanConditions.LegalFlag("JUDGMENT", LocalDate.of(2026, 3, 10))),
                new LoanConditions.ContactPreferences(Set.of("SMS", "EMAIL"), false, Set.of("CALL"),
                        LocalDate.of(2026, 3, 3)),
                List.of(new LoanConditions.Waiver("EVT-W1", "PENALTY", "2.00", "2.00", "supervisor-2",
                        LocalDate.of(2026, 3, 12))));
        LoanPosition position = new LoanPosition(terms, LocalDate.of(2026, 3, 20), List.of(i1, i2), m("12.34"),
                LocalDate.of(2026, 2, 16), LocalDate.of(2026, 3, 18), null, conditions);
        Map<String, Money> byBucket = new LinkedHashMap<>();
        byBucket.put("M2", m("435.00"));
        byBucket.put("M1", m("1035.00"));
        DelinquencyStatus status = new DelinquencyStatus(LocalDate.of(2026, 3, 20), 30, Severity.values()[1], "M2",
                m("1470.00"), byBucket, List.of(
                new DelinquencyStatus.InstallmentDelinquency(1, D1, 30, "M2", m("435.00")),
                new DelinquencyStatus.InstallmentDelinquency(2, D2, 5, "M1", m("1035.00"))));
        return new LoanSnapshotDocument.Snapshot(terms, position, status);
    }

    /** loan-snapshot-closed.json: paid off with credit left, no conditions, absent dates. */
    static LoanSnapshotDocument.Snapshot closedLoan() {
        LoanTerms terms = new LoanTerms("L-GOLD-2", "B-GOLD-2", "CN-CASH-12", CNY, "CN", ZoneId.of("Asia/Shanghai"),
                m("1000.00"), LocalDate.of(2026, 1, 15), List.of(new ScheduledInstallment(1, D1, m("1000.00"),
                m("0.00"), m("0.00"))));
        LoanPosition position = new LoanPosition(terms, LocalDate.of(2026, 2, 20), List.of(new InstallmentPosition(1,
                D1, new ComponentAmounts(m("0.00"), m("0.00"), m("0.00"), m("1000.00")),
                new ComponentAmounts(m("0.00"), m("0.00"), m("0.00"), m("1000.00")), ComponentAmounts.zero(CNY), 0)),
                m("500.00"), null, LocalDate.of(2026, 1, 20), new LoanClosure("PAID_OFF", LocalDate.of(2026, 2, 20)),
                LoanConditions.NONE);
        DelinquencyStatus status = new DelinquencyStatus(LocalDate.of(2026, 2, 20), 0, Severity.values()[0],
                "CURRENT", m("0.00"), Map.of(), List.of());
        return new LoanSnapshotDocument.Snapshot(terms, position, status);
    }

    /** contact-record-sent.json: deferred by quiet hours, then allowed, claimed and sent. */
    static ContactRecord sentContact() {
        ContactEvaluation deferred = new ContactEvaluation(
                new ContactDecision.Defer(Instant.parse("2026-03-11T00:00:00Z"), "quietHours", "22:00-08:00 local"),
                List.of(new RuleVerdict("quietHours", "CN 互联网金融逾期债务催收自律公约 §21",
                                new ContactDecision.Defer(Instant.parse("2026-03-11T00:00:00Z"), "quietHours",
                                        "22:00-08:00 local")),
                        new RuleVerdict("smsFrequency", "CN rule pack §3", ContactDecision.allow())),
                "CN", "sha256:abc123", Instant.parse("2026-03-10T14:30:00Z"));
        ContactEvaluation allowed = new ContactEvaluation(ContactDecision.allow(),
                List.of(new RuleVerdict("quietHours", "CN §21", ContactDecision.allow())), "CN", "sha256:abc123",
                Instant.parse("2026-03-11T00:00:05Z"));
        return ContactRecord.planned("B-GOLD-1", LocalDate.of(2026, 3, 10), Channel.SMS, "M-1",
                        Instant.parse("2026-03-10T14:30:00Z"), List.of("L-GOLD-1#2026-03-07#R1"), List.of("L-GOLD-1"),
                        List.of("CN"), "zh-CN", "Asia/Shanghai")
                .decided(ContactState.DEFERRED, Instant.parse("2026-03-11T00:00:00Z"), deferred, null)
                .decided(ContactState.PENDING, Instant.parse("2026-03-11T00:00:00Z"), allowed, null)
                .claimed(Instant.parse("2026-03-11T00:00:06Z"), java.time.Duration.ofMinutes(10))
                .sent(Instant.parse("2026-03-11T00:00:07Z"), "sns-123", "reminder-sms-zh", "ff00aa");
    }

    /** contact-record-suppressed.json: no message id, a verdict without a legal basis. */
    static ContactRecord suppressedContact() {
        ContactEvaluation suppress = new ContactEvaluation(new ContactDecision.Suppress("dispute",
                "open dispute DSP-1"), List.of(new RuleVerdict("dispute", null,
                new ContactDecision.Suppress("dispute", "open dispute DSP-1"))), "US-NY", "sha256:def456",
                Instant.parse("2026-03-12T13:00:00Z"));
        return ContactRecord.planned("B-GOLD-2", LocalDate.of(2026, 3, 12), Channel.EMAIL, null,
                        Instant.parse("2026-03-12T13:00:00Z"), List.of("L-GOLD-2#2026-03-12#R2"), List.of("L-GOLD-2"),
                        List.of("US-NY"), "en-US", "America/New_York")
                .decided(ContactState.SUPPRESSED, null, suppress, "open dispute");
    }

    /** bureau-record.json: charged off, every date and code set. */
    static BureauRecord chargedOff() {
        return new BureauRecord("L-GOLD-1", LocalDate.of(2026, 3, 31), ReportingDisposition.REPORTED,
                "US-INSTALMENT", "US", "USD", AccountStatus.CHARGED_OFF, PaymentRating.CHARGE_OFF,
                PaymentHistoryCode.values()[3], PaymentHistoryProfile.of("3210000000000BBBBBBBBBBB"), "AU",
                ComplianceConditionCode.XB, new BigDecimal("1234.56"), new BigDecimal("1234.56"),
                new BigDecimal("1500.00"), new BigDecimal("101.00"), new BigDecimal("0"), new BigDecimal("265.44"),
                LocalDate.of(2025, 9, 16), null, LocalDate.of(2025, 8, 30), LocalDate.of(2026, 3, 20),
                LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 31), "restated 2026-02", LocalDate.of(2026, 4, 2));
    }

    /**
     * bureau-record-withheld.json: no rating, no comment, no compliance code. The sample was written from null
     * amounts, which version 1 (and 2) write as "0": they read back as zero.
     */
    static BureauRecord withheld() {
        return new BureauRecord("L-GOLD-2", LocalDate.of(2026, 3, 31),
                ReportingDisposition.WITHHELD_PENDING_NOTICE, "CN-CASH-12", "CN", "CNY", AccountStatus.CURRENT, null,
                PaymentHistoryCode.values()[0], PaymentHistoryProfile.noHistory(), null, null,
                new BigDecimal("900.00"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("100.00"), BigDecimal.ZERO,
                new BigDecimal("100.00"), null, null, null, null, LocalDate.of(2026, 4, 2), null, null,
                LocalDate.of(2026, 4, 2));
    }

    static WorkItem workItem() {
        return new WorkItem("L-GOLD-1", "B-GOLD-1", LocalDate.of(2026, 3, 20), "Asia/Shanghai", 30, "MEDIUM", "M2",
                "1470.00", "CNY");
    }

    static CollectionsAction action() {
        return new CollectionsAction("D-L-GOLD-1-2026-03-20#AGENCY_PLACEMENT", "AGENCY_PLACEMENT", "L-GOLD-1",
                "B-GOLD-1", "AGENCY", "D-L-GOLD-1-2026-03-20", LocalDate.of(2026, 3, 20),
                "DPD 30 reached the agency threshold of 30 (M2, 1470.00 CNY overdue)");
    }

    /** escalation-decision.json: one action pending, one deferred by the call limits, one skipped. */
    static EscalationDecision decision() {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("daysPastDue", "30");
        inputs.put("overdueAmount", "1470.00");
        inputs.put("holds", "");
        return new EscalationDecision("D-L-GOLD-1-2026-03-20", "L-GOLD-1", "B-GOLD-1", "CN-CASH-12",
                LocalDate.of(2026, 3, 20), "SOFT", "AGENCY", "dpd>=30", "B", Ability.ABLE_BUT_UNWILLING, inputs,
                "DPD 30 reached the agency threshold of 30",
                List.of(new EscalationDecision.PlannedAction("D-L-GOLD-1-2026-03-20#AGENCY_PLACEMENT",
                                "AGENCY_PLACEMENT", EscalationDecision.ActionStatus.PENDING, null, null, null),
                        new EscalationDecision.PlannedAction("D-L-GOLD-1-2026-03-20#CALL_TASK", "CALL_TASK",
                                EscalationDecision.ActionStatus.DEFERRED, Instant.parse("2026-03-21T01:00:00Z"),
                                "callFrequency", "3 calls in 7 days"),
                        new EscalationDecision.PlannedAction("D-L-GOLD-1-2026-03-20#SMS", "SMS",
                                EscalationDecision.ActionStatus.SKIPPED, null, "optOut",
                                "borrower opted out of SMS")));
    }

    /** escalation-state.json (stage and version are item attributes, not in the body). */
    static EscalationState state() {
        Map<String, LocalDate> entered = new LinkedHashMap<>();
        entered.put("SOFT", LocalDate.of(2026, 2, 20));
        entered.put("AGENCY", LocalDate.of(2026, 3, 20));
        return new EscalationState("L-GOLD-1", "AGENCY", "B", LocalDate.of(2026, 2, 16), entered,
                Set.of("AGENCY_RECALL"), Set.of("PTP-0"), List.of("DISPUTE", "PROMISE_TO_PAY"),
                new EscalationState.DeferredAction("D-L-GOLD-1-2026-03-20#CALL_TASK", "CALL_TASK",
                        "D-L-GOLD-1-2026-03-20", Instant.parse("2026-03-21T01:00:00Z"), "AGENCY"),
                List.of(Instant.parse("2026-03-18T02:00:00Z"), Instant.parse("2026-03-19T02:00:00Z")),
                LocalDate.of(2026, 3, 20), "D-L-GOLD-1-2026-03-20", List.of(), 7);
    }
}

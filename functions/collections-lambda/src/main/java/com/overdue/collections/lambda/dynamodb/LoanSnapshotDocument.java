package com.overdue.collections.lambda.dynamodb;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.delinquency.DelinquencyStatus;
import com.overdue.collections.core.delinquency.Severity;
import com.overdue.collections.core.ledger.ComponentAmounts;
import com.overdue.collections.core.ledger.InstallmentPosition;
import com.overdue.collections.core.ledger.LoanClosure;
import com.overdue.collections.core.ledger.LoanConditions;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.loan.ScheduledInstallment;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.lambda.json.DocumentMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The loan snapshot in the {@code snapshot} attribute of {@code LOAN#<id> / META} (gzip, see {@link CompressedText}):
 * terms, position and status. Amounts are decimal strings without currency (the terms' currency applies), dates ISO.
 *
 * <p>Versions: 1 (no {@code "v"}, before 2026-12) named the unapplied credit {@code position.credit}; 2 calls it
 * {@code position.unappliedCredit} like the domain. Absent optional parts (closure, waived amounts, paused days,
 * conditions, dates) are left out.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoanSnapshotDocument(int v, Terms terms, Position position, Status status) {

    /** The current format version. */
    public static final int VERSION = 2;

    private static final List<UnaryOperator<ObjectNode>> UPGRADES = List.of(LoanSnapshotDocument::v1ToV2);

    /** The decoded snapshot. */
    public record Snapshot(LoanTerms terms, LoanPosition position, DelinquencyStatus status) {
    }

    /** The booked terms. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Terms(String loanId, String borrowerId, String productCode, String currency, String jurisdiction,
                        String timeZone, BigDecimal principal, LocalDate disbursedOn, List<Scheduled> schedule) {
    }

    /** One booked installment. */
    public record Scheduled(int seq, LocalDate dueDate, BigDecimal principal, BigDecimal interest, BigDecimal fees) {
    }

    /** The ledger position. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Position(LocalDate asOf, BigDecimal unappliedCredit, LocalDate dateOfFirstDelinquency,
                           LocalDate lastPaymentOn, Closure closure, List<Installment> installments,
                           LoanConditionsDocument conditions) {
    }

    /** Why and when the loan closed. */
    public record Closure(String reason, LocalDate on) {
    }

    /** One installment's amounts; {@code waived} and {@code pausedDays} are left out when zero. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Installment(int seq, LocalDate dueDate, Amounts due, Amounts paid, Amounts waived,
                              Integer pausedDays) {
    }

    /** Amounts per component. */
    public record Amounts(BigDecimal penalty, BigDecimal fees, BigDecimal interest, BigDecimal principal) {

        static Amounts from(ComponentAmounts a) {
            return new Amounts(a.penalty().amount(), a.fees().amount(), a.interest().amount(),
                    a.principal().amount());
        }

        ComponentAmounts toDomain(Currency c) {
            return new ComponentAmounts(money(penalty, c), money(fees, c), money(interest, c), money(principal, c));
        }
    }

    /** The delinquency status. */
    public record Status(LocalDate asOf, int daysPastDue, Severity severity, String bucket, BigDecimal overdueAmount,
                         Map<String, BigDecimal> overdueByBucket, List<Late> installments) {
    }

    /** One overdue installment's lateness. */
    public record Late(int seq, LocalDate dueDate, int daysPastDue, String bucket, BigDecimal overdue) {
    }

    public static LoanSnapshotDocument from(LoanTerms terms, LoanPosition position, DelinquencyStatus status) {
        Terms t = new Terms(terms.loanId(), terms.borrowerId(), terms.productCode(),
                terms.currency().getCurrencyCode(), terms.jurisdiction(), terms.timeZone().getId(),
                terms.principal().amount(), terms.disbursedOn(), terms.schedule().stream()
                .map(s -> new Scheduled(s.seq(), s.dueDate(), s.principal().amount(), s.interest().amount(),
                        s.fees().amount())).toList());
        Position p = new Position(position.asOf(), position.unappliedCredit().amount(),
                position.dateOfFirstDelinquency(), position.lastPaymentOn(),
                position.closure() == null ? null : new Closure(position.closure().reason(), position.closure().on()),
                position.installments().stream().map(i -> new Installment(i.seq(), i.dueDate(), Amounts.from(i.due()),
                        Amounts.from(i.paid()), i.waived().total().isZero() ? null : Amounts.from(i.waived()),
                        i.pausedDays() > 0 ? i.pausedDays() : null)).toList(),
                position.conditions().equals(LoanConditions.NONE) ? null
                        : LoanConditionsDocument.from(position.conditions()));
        Map<String, BigDecimal> byBucket = new LinkedHashMap<>();
        status.overdueByBucket().forEach((k, m) -> byBucket.put(k, m.amount()));
        Status s = new Status(status.asOf(), status.daysPastDue(), status.severity(), status.bucket(),
                status.overdueAmount().amount(), byBucket, status.installments().stream()
                .map(d -> new Late(d.seq(), d.dueDate(), d.daysPastDue(), d.bucket(), d.overdue().amount())).toList());
        return new LoanSnapshotDocument(VERSION, t, p, s);
    }

    public static String write(LoanRecord record) {
        return DocumentMapper.write(from(record.terms(), record.position(), record.status()));
    }

    /** Reads a snapshot of any version this engine knows. */
    public static Snapshot read(String json) {
        return DocumentMapper.readVersioned(json, LoanSnapshotDocument.class, "loan snapshot", UPGRADES).toDomain();
    }

    public Snapshot toDomain() {
        Currency currency = Currency.getInstance(terms.currency());
        LoanTerms loanTerms = new LoanTerms(terms.loanId(), terms.borrowerId(), terms.productCode(), currency,
                terms.jurisdiction(), ZoneId.of(terms.timeZone()), money(terms.principal(), currency),
                terms.disbursedOn(), terms.schedule().stream().map(s -> new ScheduledInstallment(s.seq(), s.dueDate(),
                money(s.principal(), currency), money(s.interest(), currency), money(s.fees(), currency))).toList());
        List<InstallmentPosition> installments = position.installments().stream().map(i -> new InstallmentPosition(
                i.seq(), i.dueDate(), i.due().toDomain(currency), i.paid().toDomain(currency),
                i.waived() == null ? ComponentAmounts.zero(currency) : i.waived().toDomain(currency),
                i.pausedDays() == null ? 0 : i.pausedDays())).toList();
        LoanPosition loanPosition = new LoanPosition(loanTerms, position.asOf(), installments,
                money(position.unappliedCredit(), currency), position.dateOfFirstDelinquency(),
                position.lastPaymentOn(),
                position.closure() == null ? null : new LoanClosure(position.closure().reason(),
                        position.closure().on()),
                position.conditions() == null ? LoanConditions.NONE : position.conditions().toDomain());
        Map<String, Money> byBucket = new LinkedHashMap<>();
        status.overdueByBucket().forEach((k, a) -> byBucket.put(k, money(a, currency)));
        DelinquencyStatus delinquency = new DelinquencyStatus(status.asOf(), status.daysPastDue(), status.severity(),
                status.bucket(), money(status.overdueAmount(), currency), byBucket, status.installments().stream()
                .map(d -> new DelinquencyStatus.InstallmentDelinquency(d.seq(), d.dueDate(), d.daysPastDue(),
                        d.bucket(), money(d.overdue(), currency))).toList());
        return new Snapshot(loanTerms, loanPosition, delinquency);
    }

    /** Version 1 called the unapplied credit {@code credit}. */
    private static ObjectNode v1ToV2(ObjectNode v1) {
        if (v1.get("position") instanceof ObjectNode p && p.has("credit")) {
            p.set("unappliedCredit", p.remove("credit"));
        }
        return v1;
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }
}

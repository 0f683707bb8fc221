package com.overdue.collections.lambda.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.bureau.BureauRecord;
import com.overdue.collections.core.bureau.ReportingDisposition;
import com.overdue.collections.core.metro2.AccountStatus;
import com.overdue.collections.core.metro2.ComplianceConditionCode;
import com.overdue.collections.core.metro2.PaymentHistoryCode;
import com.overdue.collections.core.metro2.PaymentHistoryProfile;
import com.overdue.collections.core.metro2.PaymentRating;
import com.overdue.collections.lambda.json.DocumentMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The {@code body} of {@code LOAN#<id> / BUREAU#<cycle>}: Metro 2 codes as the bureaus write them ({@code "71"},
 * {@code "XB"}), amounts as decimal strings (an absent amount is {@code "0"}), dates ISO. Ids only.
 *
 * <p>Versions: 1 had no {@code "v"}; 2 adds it and is otherwise the same.
 */
@RegisterForReflection
public record BureauRecordDocument(int v, String loanId, LocalDate cycleDate, ReportingDisposition disposition,
                                   String productCode, String jurisdiction, String currency, String accountStatus,
                                   String paymentRating, String historyCode, String paymentHistoryProfile,
                                   String specialComment, String complianceConditionCode, BigDecimal currentBalance,
                                   BigDecimal amountPastDue, BigDecimal originalChargeOffAmount,
                                   BigDecimal scheduledPayment, BigDecimal actualPayment, BigDecimal totalPaid,
                                   LocalDate dateFirstDelinquency, LocalDate dateClosed, LocalDate dateLastPayment,
                                   LocalDate chargedOffOn, LocalDate noticeSentOn, LocalDate firstNegativeOn,
                                   String correction, LocalDate reportedOn) {

    /** The current format version. */
    public static final int VERSION = 2;

    private static final List<UnaryOperator<ObjectNode>> UPGRADES = List.of(UnaryOperator.identity());

    public static BureauRecordDocument from(BureauRecord r) {
        return new BureauRecordDocument(VERSION, r.loanId(), r.cycleDate(), r.disposition(), r.productCode(),
                r.jurisdiction(), r.currency(), r.accountStatus().code(),
                r.paymentRating() == null ? null : String.valueOf(r.paymentRating().code()),
                String.valueOf(r.historyCode().code()), r.paymentHistoryProfile().value(), r.specialComment(),
                r.complianceCode().code(), amount(r.currentBalance()), amount(r.amountPastDue()),
                amount(r.originalChargeOffAmount()), amount(r.scheduledPayment()), amount(r.actualPayment()),
                amount(r.totalPaid()), r.dateFirstDelinquency(), r.dateClosed(), r.dateLastPayment(),
                r.chargedOffOn(), r.noticeSentOn(), r.firstNegativeOn(), r.correction(), r.reportedOn());
    }

    public static String write(BureauRecord r) {
        return DocumentMapper.write(from(r));
    }

    /** Reads a bureau record of any version this engine knows. */
    public static BureauRecord read(String json) {
        return DocumentMapper.readVersioned(json, BureauRecordDocument.class, "bureau record", UPGRADES).toDomain();
    }

    public BureauRecord toDomain() {
        return new BureauRecord(loanId, cycleDate, disposition, productCode, jurisdiction, currency,
                Arrays.stream(AccountStatus.values()).filter(s -> s.code().equals(accountStatus)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown account status " + accountStatus)),
                rating(paymentRating), PaymentHistoryCode.fromCode(historyCode.charAt(0)),
                PaymentHistoryProfile.of(paymentHistoryProfile), specialComment, compliance(complianceConditionCode),
                zeroIfAbsent(currentBalance), zeroIfAbsent(amountPastDue), zeroIfAbsent(originalChargeOffAmount),
                zeroIfAbsent(scheduledPayment), zeroIfAbsent(actualPayment), zeroIfAbsent(totalPaid),
                dateFirstDelinquency, dateClosed, dateLastPayment, chargedOffOn, noticeSentOn, firstNegativeOn,
                correction, reportedOn);
    }

    private static PaymentRating rating(String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        return Arrays.stream(PaymentRating.values()).filter(r -> r.code() == code.charAt(0)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown payment rating " + code));
    }

    private static ComplianceConditionCode compliance(String code) {
        String c = code == null ? "" : code;
        return Arrays.stream(ComplianceConditionCode.values()).filter(x -> x.code().equals(c)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown compliance condition code " + code));
    }

    // Version 1 wrote an absent amount as "0"; kept, so that equal records still write equal bodies.
    private static BigDecimal amount(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static BigDecimal zeroIfAbsent(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}

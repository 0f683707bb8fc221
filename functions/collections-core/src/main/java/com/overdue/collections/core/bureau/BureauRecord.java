package com.overdue.collections.core.bureau;

import com.overdue.collections.core.metro2.AccountStatus;
import com.overdue.collections.core.metro2.ComplianceConditionCode;
import com.overdue.collections.core.metro2.PaymentHistoryCode;
import com.overdue.collections.core.metro2.PaymentHistoryProfile;
import com.overdue.collections.core.metro2.PaymentRating;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What one cycle decided for one account ({@code LOAN#<id> / BUREAU#<cycle>}): every account field the Metro 2 base
 * segment carries except the consumer's personal data, which stays in the borrower record. A re-run of the cycle
 * renders the account from this record, so the file is reproduced rather than recomputed; the next cycle reads it to
 * carry the history forward.
 *
 * @param historyCode        this month's Payment History code: the first character of the next cycle's profile
 * @param paymentHistoryProfile the 24 months reported in this cycle (the month before this cycle first)
 * @param totalPaid          everything the borrower had paid on the loan by the cycle date (for the next cycle's
 *                           Actual Payment Amount)
 * @param chargedOffOn       when the loan was charged off, or null
 * @param noticeSentOn       when the notice before negative reporting was published, or null when not yet
 * @param firstNegativeOn    the first cycle the account was reported negative, or null
 * @param correction         what this cycle corrected in the previous one (restated month), or null
 * @param reportedOn         the run date that first decided this cycle (audit); the file's dates come from the
 *                           cycle, not from this
 */
public record BureauRecord(
        String loanId,
        LocalDate cycleDate,
        ReportingDisposition disposition,
        String productCode,
        String jurisdiction,
        String currency,
        AccountStatus accountStatus,
        PaymentRating paymentRating,
        PaymentHistoryCode historyCode,
        PaymentHistoryProfile paymentHistoryProfile,
        String specialComment,
        ComplianceConditionCode complianceCode,
        BigDecimal currentBalance,
        BigDecimal amountPastDue,
        BigDecimal originalChargeOffAmount,
        BigDecimal scheduledPayment,
        BigDecimal actualPayment,
        BigDecimal totalPaid,
        LocalDate dateFirstDelinquency,
        LocalDate dateClosed,
        LocalDate dateLastPayment,
        LocalDate chargedOffOn,
        LocalDate noticeSentOn,
        LocalDate firstNegativeOn,
        String correction,
        LocalDate reportedOn) {

    public BureauRecord {
        Objects.requireNonNull(loanId, "loanId");
        Objects.requireNonNull(cycleDate, "cycleDate");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(accountStatus, "accountStatus");
        Objects.requireNonNull(historyCode, "historyCode");
        Objects.requireNonNull(paymentHistoryProfile, "paymentHistoryProfile");
        Objects.requireNonNull(reportedOn, "reportedOn");
        specialComment = specialComment == null ? "" : specialComment;
        complianceCode = complianceCode == null ? ComplianceConditionCode.NONE : complianceCode;
    }

    /**
     * Negative information under FCRA §623(a)(7) and CN 征信业管理条例 Art. 15: any delinquency, charge-off or
     * paid-after-charge-off status, and a paid/closed account whose rating says it was late when closed.
     */
    public boolean isNegative() {
        return accountStatus.isDerogatory()
                || (accountStatus == AccountStatus.PAID_OR_CLOSED && paymentRating != null
                && paymentRating != PaymentRating.CURRENT);
    }

    /** Paid, closed or paid after charge-off, and in a file: the account's last report; later cycles skip it. */
    public boolean isFinalReport() {
        return disposition == ReportingDisposition.REPORTED
                && (accountStatus == AccountStatus.PAID_OR_CLOSED
                || accountStatus == AccountStatus.PAID_AFTER_CHARGE_OFF);
    }

    public BureauRecord withDisposition(ReportingDisposition newDisposition) {
        return new BureauRecord(loanId, cycleDate, newDisposition, productCode, jurisdiction, currency, accountStatus,
                paymentRating, historyCode, paymentHistoryProfile, specialComment, complianceCode, currentBalance,
                amountPastDue, originalChargeOffAmount, scheduledPayment, actualPayment, totalPaid,
                dateFirstDelinquency, dateClosed, dateLastPayment, chargedOffOn, noticeSentOn,
                newDisposition == ReportingDisposition.REPORTED ? firstNegativeOn
                        : (firstNegativeOn != null && firstNegativeOn.equals(cycleDate) ? null : firstNegativeOn),
                correction, reportedOn);
    }
}

package com.overdue.collections.core.bureau;

import com.overdue.collections.core.metro2.AccountStanding;
import com.overdue.collections.core.metro2.AccountStatus;
import com.overdue.collections.core.metro2.AccountStatusPolicy;
import com.overdue.collections.core.metro2.ComplianceConditionCode;
import com.overdue.collections.core.metro2.PaymentHistoryCode;
import com.overdue.collections.core.metro2.PaymentHistoryProfile;
import com.overdue.collections.core.metro2.ReportedStatus;
import com.overdue.collections.core.ledger.LoanConditions;
import com.overdue.collections.core.ledger.SettlementOffer;
import com.overdue.collections.core.loan.LoanTerms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides one account's report for one cycle from where the loan stands, its disputes and what the previous cycle
 * reported (RULES §7): status via {@link AccountStatusPolicy}, the payment history shifted by the months since the
 * previous cycle, the date of first delinquency kept while the episode lasts (and for ever once charged off), the
 * dispute's compliance code, and the notice before the first negative report.
 */
public final class BureauCycleRules {

    private final AccountStatusPolicy statusPolicy = new AccountStatusPolicy();
    private final ComplianceCodePolicy compliancePolicy = new ComplianceCodePolicy();

    /**
     * @param previous          the latest earlier cycle's record, if the account was ever considered before
     * @param restatedPrevious  the previous cycle's month code as the event history now tells it, when it was
     *                          recomputed; a difference from what was reported is a correction
     * @param runDate           the date the notice (if any) goes out
     */
    public CycleDecision decide(LoanTerms terms, CycleStanding standing, LoanConditions conditions,
                                Optional<BureauRecord> previous, Optional<PaymentHistoryCode> restatedPrevious,
                                LocalDate cycleDate, LocalDate runDate, NoticeRule noticeRule) {
        Objects.requireNonNull(standing, "standing");
        BureauRecord prev = previous.orElse(null);

        boolean chargedOff = isChargedOff(standing, cycleDate);
        boolean closed = isClosed(standing, cycleDate);
        boolean paidOrClosed = standing.paidInFull() || closed;
        BigDecimal balance = paidOrClosed ? BigDecimal.ZERO : standing.currentBalance();
        ReportedStatus reported = classify(standing, cycleDate);
        AccountStatus status = reported.status();
        boolean derogatoryRating = reported.paymentRating().map(r -> r.code() != '0').orElse(false);

        PaymentHistoryProfile profile = PaymentHistoryProfile.noHistory();
        String correction = null;
        if (prev != null) {
            PaymentHistoryCode lastMonth = restatedPrevious.orElse(prev.historyCode());
            if (lastMonth != prev.historyCode()) {
                correction = "payment history for " + prev.cycleDate() + " restated from " + prev.historyCode().code()
                        + " to " + lastMonth.code() + " (the event history changed after that cycle)";
            }
            long months = ChronoUnit.MONTHS.between(YearMonth.from(prev.cycleDate()), YearMonth.from(cycleDate));
            profile = prev.paymentHistoryProfile();
            if (months >= 1) {
                profile = profile.shift(lastMonth);
                for (long m = 1; m < months; m++) {
                    profile = profile.shift(PaymentHistoryCode.NO_HISTORY_THIS_MONTH);
                }
            }
        }

        LocalDate dofd = null;
        if (status.isDerogatory() || derogatoryRating) {
            dofd = standing.dateFirstDelinquency() != null ? standing.dateFirstDelinquency()
                    : prev == null ? null : prev.dateFirstDelinquency();
            if (status.isChargeOff() && prev != null && prev.accountStatus().isChargeOff()
                    && prev.dateFirstDelinquency() != null) {
                dofd = prev.dateFirstDelinquency(); // fixed at charge-off: it starts the 7-year reporting period
            }
            if (status.isChargeOff() && dofd != null && standing.chargedOffOn() != null
                    && dofd.isAfter(standing.chargedOffOn())) {
                // Lateness after a write-off is not the delinquency that led to it: a current account written off
                // has no DOFD to report, and the writer rejects it for review rather than misdate the 7 years.
                dofd = null;
            }
        }

        BigDecimal chargeOffAmount = BigDecimal.ZERO;
        if (status.isChargeOff()) {
            chargeOffAmount = prev != null && prev.originalChargeOffAmount() != null
                    && prev.originalChargeOffAmount().signum() > 0
                    ? prev.originalChargeOffAmount() : standing.currentBalance();
        }
        BigDecimal reportedBalance = status == AccountStatus.CHARGED_OFF ? standing.currentBalance() : balance;
        // A charged-off balance is all past due; a paid or closed account owes nothing; a current (11) account has
        // nothing 30 days late, so nothing past due in Metro 2 terms (CRRG, Amount Past Due).
        BigDecimal pastDue = status == AccountStatus.CHARGED_OFF ? reportedBalance
                : paidOrClosed || status.isChargeOff() || status == AccountStatus.CURRENT ? BigDecimal.ZERO
                : standing.amountPastDue();
        BigDecimal scheduled = paidOrClosed || chargedOff ? BigDecimal.ZERO : standing.scheduledPayment();
        BigDecimal actual = standing.totalPaid().subtract(prev == null ? BigDecimal.ZERO : prev.totalPaid());
        if (actual.signum() < 0) {
            actual = BigDecimal.ZERO; // a reversal this month: nothing was paid in the period
        }
        LocalDate dateClosed = chargedOff ? standing.chargedOffOn()
                : closed ? standing.closedOn()
                : standing.paidInFull() ? standing.dateLastPayment() : null;

        ComplianceConditionCode compliance = compliancePolicy.codeFor(conditions,
                prev == null ? ComplianceConditionCode.NONE : prev.complianceCode());

        BureauRecord draft = new BureauRecord(terms.loanId(), cycleDate, ReportingDisposition.REPORTED,
                terms.productCode(), terms.jurisdiction(), terms.currency().getCurrencyCode(), status,
                reported.paymentRating().orElse(null), reported.historyCode(), profile,
                specialComment(standing, conditions, closed, paidOrClosed), compliance, reportedBalance, pastDue,
                chargeOffAmount, scheduled, actual, standing.totalPaid(), dofd, dateClosed,
                standing.dateLastPayment(), chargedOff ? standing.chargedOffOn() : null,
                prev == null ? null : prev.noticeSentOn(), prev == null ? null : prev.firstNegativeOn(),
                correction, runDate);

        boolean publishNotice = draft.isNegative() && draft.noticeSentOn() == null;
        LocalDate noticeSentOn = publishNotice ? runDate : draft.noticeSentOn();
        ReportingDisposition disposition = publishNotice && noticeRule == NoticeRule.BEFORE_REPORT
                ? ReportingDisposition.WITHHELD_PENDING_NOTICE : ReportingDisposition.REPORTED;
        LocalDate firstNegativeOn = draft.firstNegativeOn() == null && draft.isNegative()
                && disposition == ReportingDisposition.REPORTED ? cycleDate : draft.firstNegativeOn();
        BureauRecord record = new BureauRecord(draft.loanId(), cycleDate, disposition, draft.productCode(),
                draft.jurisdiction(), draft.currency(), status, draft.paymentRating(), draft.historyCode(), profile,
                draft.specialComment(), compliance, reportedBalance, pastDue, chargeOffAmount, scheduled, actual,
                standing.totalPaid(), dofd, dateClosed, draft.dateLastPayment(), draft.chargedOffOn(), noticeSentOn,
                firstNegativeOn, correction, runDate);
        return new CycleDecision(record, publishNotice);
    }

    /** This month's Payment History code for the loan as it stands on the cycle date (no history needed). */
    public PaymentHistoryCode monthCode(CycleStanding standing, LocalDate cycleDate) {
        return classify(standing, cycleDate).historyCode();
    }

    private ReportedStatus classify(CycleStanding standing, LocalDate cycleDate) {
        boolean chargedOff = isChargedOff(standing, cycleDate);
        boolean closed = isClosed(standing, cycleDate);
        boolean paidOrClosed = standing.paidInFull() || closed;
        int daysPastDue = closed ? standing.daysPastDueAtClosure() : paidOrClosed ? 0 : standing.daysPastDue();
        BigDecimal balance = paidOrClosed ? BigDecimal.ZERO : standing.currentBalance();
        return statusPolicy.classify(new AccountStanding(daysPastDue, balance, chargedOff, paidOrClosed));
    }

    private static boolean isChargedOff(CycleStanding standing, LocalDate cycleDate) {
        return standing.chargedOffOn() != null && !standing.chargedOffOn().isAfter(cycleDate);
    }

    /** Closed by the lending platform for a reason other than a write-off (which is a charge-off). */
    private static boolean isClosed(CycleStanding standing, LocalDate cycleDate) {
        return standing.closedOn() != null && !standing.closedOn().isAfter(cycleDate)
                && standing.chargedOffOn() == null;
    }

    /**
     * The Special Comment, reported every cycle while its condition lasts (blank removes it at the bureau):
     * AU settled for less than the full balance (a SETTLED closure, or paid in full through an accepted settlement
     * offer), AH sold (closure reasons); on an open account, AC while a hardship
     * plan is active (paying under a partial payment agreement), CP while a deferral has moved a payment that is
     * not due yet (payments postponed: the guide's forbearance comment). See docs/credit-reporting.md.
     */
    private static String specialComment(CycleStanding standing, LoanConditions conditions, boolean closed,
                                         boolean paidOrClosed) {
        if (closed) {
            return switch (standing.closureReason() == null ? "" : standing.closureReason()) {
                case "SETTLED" -> "AU";
                case "SOLD" -> "AH";
                default -> "";
            };
        }
        if (paidOrClosed) {
            // Paid in full through an accepted settlement offer (the rest waived by the offer's rule): paid for less
            // than the full balance, as a settlement closure is; otherwise no arrangement is left to describe.
            return conditions != null && conditions.waivers().stream().anyMatch(SettlementOffer::isOfferWaiver)
                    ? "AU" : "";
        }
        if (conditions != null && conditions.activeHardship().isPresent()) {
            return "AC";
        }
        return standing.deferred() ? "CP" : "";
    }
}

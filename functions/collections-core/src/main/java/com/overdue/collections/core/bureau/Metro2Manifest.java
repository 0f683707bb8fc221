package com.overdue.collections.core.bureau;

import com.overdue.collections.core.metro2.AccountStatus;
import com.overdue.collections.core.metro2.FieldAdjustment;
import com.overdue.collections.core.metro2.Metro2TrailerTotals;
import com.overdue.collections.core.metro2.RejectedAccount;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the bureau-reporting team checks before sending a cycle's Metro 2 file (counts by status, totals, the SHA-256
 * of the file) and what needs their attention (accounts rejected or withheld, values adjusted to fit, corrections of
 * the previous cycle to send as AUDs). Ids and codes only, no personal data. The {@code ReportStore} adapters decide
 * how it is written next to the file.
 *
 * @param file             the file as stored; {@code location} is null when the file was not submittable
 * @param amountsByCurrency sums of what the file carries per currency: whole units, cents dropped, as in the file
 */
public record Metro2Manifest(LocalDate cycleDate, LocalDate createdOn, String furnisherIdentificationNumber,
                             FileFacts file, Metro2TrailerTotals trailer,
                             Map<String, CurrencyTotals> amountsByCurrency, AccountCounts accounts,
                             NoticeCounts negativeReportNotices, List<Withheld> withheldPendingNotice,
                             List<RejectedAccount> rejected, List<FieldAdjustment> adjustments,
                             List<Correction> corrections) {

    public Metro2Manifest {
        amountsByCurrency = java.util.Collections.unmodifiableMap(new TreeMap<>(amountsByCurrency));
        withheldPendingNotice = List.copyOf(withheldPendingNotice);
        rejected = List.copyOf(rejected);
        adjustments = List.copyOf(adjustments);
        corrections = List.copyOf(corrections);
    }

    /** The Metro 2 file: name, where it went, whether it may be sent, size and digest. */
    public record FileFacts(String name, String location, boolean submittable, int bytes, String sha256) {
    }

    /** Sums of the reported accounts in one currency, in whole units. */
    public record CurrencyTotals(BigInteger currentBalance, BigInteger amountPastDue,
                                 BigInteger originalChargeOffAmount, BigInteger actualPaymentAmount) {
    }

    /** Accounts per disposition of this cycle, and loans not in the cycle per reason. */
    public record AccountCounts(long reported, long withheldPendingNotice, long rejected, long productNotConfigured,
                                long productNotReported, long notOpenYet, long finalReportDone) {
    }

    /**
     * Notices before negative reporting of the cycle's accounts: decided by this cycle (sent after the cycle date),
     * and sent in an earlier cycle. Derived from the records, so a re-run writes the same counts.
     */
    public record NoticeCounts(long published, long alreadyPublished) {
    }

    /** An account withheld until the borrower has been notified. */
    public record Withheld(String loanId, AccountStatus accountStatus, LocalDate noticeSentOn) {
    }

    /** What this cycle corrected in the previous one for a loan. */
    public record Correction(String loanId, String correction) {
    }
}

package com.overdue.collections.lambda.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.bureau.Metro2Manifest;
import com.overdue.collections.core.metro2.AccountStatus;
import com.overdue.collections.core.metro2.FieldAdjustment;
import com.overdue.collections.core.metro2.Metro2TrailerTotals;
import com.overdue.collections.core.metro2.RejectedAccount;
import com.overdue.collections.lambda.json.DocumentMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The JSON manifest written next to each Metro 2 file ({@code metro2-<cycle>.manifest.json} in S3 and in the local
 * runner's {@code credit/}), indented for the people who read it. Whole-unit sums are strings, counts numbers, the
 * trailer's counts by Account Status sorted by code.
 *
 * <p>Versions: 1 had no {@code "v"}; 2 adds it and is otherwise the same. {@code format} is the Metro 2 file's
 * format, not the manifest's.
 */
@RegisterForReflection
public record Metro2ManifestDocument(int v, String format, LocalDate cycleDate, LocalDate createdOn,
                                     String furnisherIdentificationNumber, FileDoc file, TrailerDoc trailer,
                                     Map<String, AmountsDoc> amountsByCurrency, AccountsDoc accounts,
                                     NoticesDoc negativeReportNotices, List<WithheldDoc> withheldPendingNotice,
                                     List<RejectedDoc> rejected, List<AdjustmentDoc> adjustments,
                                     List<CorrectionDoc> corrections) {

    /** The current format version. */
    public static final int VERSION = 2;

    /** The only file format the writer produces: 426-byte fixed-length records. */
    public static final String FILE_FORMAT = "METRO2_426_FIXED";

    private static final List<UnaryOperator<ObjectNode>> UPGRADES = List.of(UnaryOperator.identity());

    /** The Metro 2 file. */
    public record FileDoc(String name, String location, boolean submittable, int bytes, String sha256) {
    }

    /** The trailer's counts; {@code blockCount} is derived and written for the reader's convenience. */
    public record TrailerDoc(int totalBaseRecords, int blockCount, Map<String, Integer> baseRecordsByAccountStatus,
                             int ecoaCodeZ, int socialSecurityNumbers, int datesOfBirth, int telephoneNumbers) {
    }

    /** Whole-unit sums of one currency, as decimal strings. */
    public record AmountsDoc(String currentBalance, String amountPastDue, String originalChargeOffAmount,
                             String actualPaymentAmount) {
    }

    /** Accounts per disposition, loans not in the cycle per reason. */
    public record AccountsDoc(long reported, long withheldPendingNotice, long rejected, long productNotConfigured,
                              long productNotReported, long notOpenYet, long finalReportDone) {
    }

    /** Notices before negative reporting. */
    public record NoticesDoc(long published, long alreadyPublished) {
    }

    /** An account withheld until the notice; {@code accountStatus} is the Metro 2 code. */
    public record WithheldDoc(String loanId, String accountStatus, LocalDate noticeSentOn) {
    }

    /** An account the writer refused, and why. */
    public record RejectedDoc(String accountNumber, List<String> reasons) {
    }

    /** A value adjusted to fit the file. */
    public record AdjustmentDoc(String accountNumber, String field, FieldAdjustment.Kind kind, String detail) {
    }

    /** A correction of the previous cycle. */
    public record CorrectionDoc(String loanId, String correction) {
    }

    public static Metro2ManifestDocument from(Metro2Manifest m) {
        Metro2TrailerTotals t = m.trailer();
        Map<String, AmountsDoc> amounts = new LinkedHashMap<>();
        new TreeMap<>(m.amountsByCurrency()).forEach((c, a) -> amounts.put(c, new AmountsDoc(
                a.currentBalance().toString(), a.amountPastDue().toString(), a.originalChargeOffAmount().toString(),
                a.actualPaymentAmount().toString())));
        Metro2Manifest.AccountCounts c = m.accounts();
        return new Metro2ManifestDocument(VERSION, FILE_FORMAT, m.cycleDate(), m.createdOn(),
                m.furnisherIdentificationNumber(),
                new FileDoc(m.file().name(), m.file().location(), m.file().submittable(), m.file().bytes(),
                        m.file().sha256()),
                new TrailerDoc(t.totalBaseRecords(), t.blockCount(), new TreeMap<>(t.statusCounts()), t.ecoaCodeZ(),
                        t.socialSecurityNumbers(), t.datesOfBirth(), t.telephoneNumbers()),
                amounts,
                new AccountsDoc(c.reported(), c.withheldPendingNotice(), c.rejected(), c.productNotConfigured(),
                        c.productNotReported(), c.notOpenYet(), c.finalReportDone()),
                new NoticesDoc(m.negativeReportNotices().published(), m.negativeReportNotices().alreadyPublished()),
                m.withheldPendingNotice().stream().map(w -> new WithheldDoc(w.loanId(), w.accountStatus().code(),
                        w.noticeSentOn())).toList(),
                m.rejected().stream().map(r -> new RejectedDoc(r.consumerAccountNumber(), r.reasons())).toList(),
                m.adjustments().stream().map(a -> new AdjustmentDoc(a.consumerAccountNumber(), a.field(), a.kind(),
                        a.detail())).toList(),
                m.corrections().stream().map(x -> new CorrectionDoc(x.loanId(), x.correction())).toList());
    }

    /** The manifest file's content: indented JSON, UTF-8. */
    public static byte[] write(Metro2Manifest manifest) {
        return DocumentMapper.writePretty(from(manifest)).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a manifest of any version this engine knows (tools and tests; the engine itself never reads one). */
    public static Metro2Manifest read(String json) {
        return DocumentMapper.readVersioned(json, Metro2ManifestDocument.class, "Metro 2 manifest", UPGRADES)
                .toDomain();
    }

    public Metro2Manifest toDomain() {
        Map<String, Metro2Manifest.CurrencyTotals> amounts = new TreeMap<>();
        amountsByCurrency.forEach((c, a) -> amounts.put(c, new Metro2Manifest.CurrencyTotals(
                new BigInteger(a.currentBalance()), new BigInteger(a.amountPastDue()),
                new BigInteger(a.originalChargeOffAmount()), new BigInteger(a.actualPaymentAmount()))));
        return new Metro2Manifest(cycleDate, createdOn, furnisherIdentificationNumber,
                new Metro2Manifest.FileFacts(file.name(), file.location(), file.submittable(), file.bytes(),
                        file.sha256()),
                new Metro2TrailerTotals(trailer.totalBaseRecords(), trailer.baseRecordsByAccountStatus(),
                        trailer.ecoaCodeZ(), trailer.socialSecurityNumbers(), trailer.datesOfBirth(),
                        trailer.telephoneNumbers()),
                amounts,
                new Metro2Manifest.AccountCounts(accounts.reported(), accounts.withheldPendingNotice(),
                        accounts.rejected(), accounts.productNotConfigured(), accounts.productNotReported(),
                        accounts.notOpenYet(), accounts.finalReportDone()),
                new Metro2Manifest.NoticeCounts(negativeReportNotices.published(),
                        negativeReportNotices.alreadyPublished()),
                withheldPendingNotice.stream().map(w -> new Metro2Manifest.Withheld(w.loanId(),
                        status(w.accountStatus()), w.noticeSentOn())).toList(),
                rejected.stream().map(r -> new RejectedAccount(r.accountNumber(), r.reasons())).toList(),
                adjustments.stream().map(a -> new FieldAdjustment(a.accountNumber(), a.field(), a.kind(),
                        a.detail())).toList(),
                corrections.stream().map(x -> new Metro2Manifest.Correction(x.loanId(), x.correction())).toList());
    }

    private static AccountStatus status(String code) {
        return Arrays.stream(AccountStatus.values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown account status " + code));
    }
}

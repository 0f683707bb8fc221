package com.overdue.collections.core.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.bureau.BureauRecord;
import com.overdue.collections.core.bureau.ReportingDisposition;
import com.overdue.collections.core.metro2.FieldAdjustment;
import com.overdue.collections.core.metro2.Metro2TrailerTotals;
import com.overdue.collections.core.metro2.Metro2WriteResult;
import com.overdue.collections.core.metro2.RejectedAccount;
import com.overdue.collections.core.port.ActionPublisher;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON manifest written next to each Metro 2 file: what the bureau-reporting team checks before sending it
 * (counts by status, totals, the SHA-256 of the file) and what needs their attention (accounts rejected or withheld,
 * values adjusted to fit, corrections of the previous cycle to send as AUDs). Ids and codes only, no personal data.
 */
final class CreditReportManifest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final LocalDate cycleDate;
    private final LocalDate createdOn;
    private final String furnisherId;
    private final String fileName;
    private final String fileLocation;
    private final int bytes;
    private final String sha256;
    private final Metro2WriteResult result;
    private final List<RejectedAccount> rejected;
    private final List<BureauRecord> records;
    private final Map<CreditReportExportUseCase.Skip, Long> skipped;
    private final Map<ActionPublisher.Outcome, Long> notices;

    CreditReportManifest(LocalDate cycleDate, LocalDate createdOn, String furnisherId, String fileName,
                         String fileLocation, int bytes, String sha256, Metro2WriteResult result,
                         List<RejectedAccount> rejected, List<BureauRecord> records,
                         Map<CreditReportExportUseCase.Skip, Long> skipped,
                         Map<ActionPublisher.Outcome, Long> notices) {
        this.cycleDate = cycleDate;
        this.createdOn = createdOn;
        this.furnisherId = furnisherId;
        this.fileName = fileName;
        this.fileLocation = fileLocation;
        this.bytes = bytes;
        this.sha256 = sha256;
        this.result = result;
        this.rejected = rejected;
        this.records = records;
        this.skipped = skipped;
        this.notices = notices;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    ObjectNode toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "METRO2_426_FIXED");
        root.put("cycleDate", cycleDate.toString());
        root.put("createdOn", createdOn.toString());
        root.put("furnisherIdentificationNumber", furnisherId);
        ObjectNode file = root.putObject("file");
        file.put("name", fileName);
        file.put("location", fileLocation);
        file.put("submittable", result.submittable());
        file.put("bytes", bytes);
        file.put("sha256", sha256);

        Metro2TrailerTotals totals = result.totals();
        ObjectNode trailer = root.putObject("trailer");
        trailer.put("totalBaseRecords", totals.totalBaseRecords());
        trailer.put("blockCount", totals.blockCount());
        ObjectNode byStatus = trailer.putObject("baseRecordsByAccountStatus");
        new TreeMap<>(totals.statusCounts()).forEach(byStatus::put);
        trailer.put("ecoaCodeZ", totals.ecoaCodeZ());
        trailer.put("socialSecurityNumbers", totals.socialSecurityNumbers());
        trailer.put("datesOfBirth", totals.datesOfBirth());
        trailer.put("telephoneNumbers", totals.telephoneNumbers());

        // Sums of what the file carries: whole currency units, cents dropped, as the writer writes them.
        Map<String, BigInteger[]> amounts = new TreeMap<>();
        for (BureauRecord r : records) {
            if (r.disposition() == ReportingDisposition.REPORTED) {
                BigInteger[] sums = amounts.computeIfAbsent(r.currency(), c -> new BigInteger[]{
                        BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO});
                sums[0] = sums[0].add(whole(r.currentBalance()));
                sums[1] = sums[1].add(whole(r.amountPastDue()));
                sums[2] = sums[2].add(whole(r.originalChargeOffAmount()));
                sums[3] = sums[3].add(whole(r.actualPayment()));
            }
        }
        ObjectNode totalsByCurrency = root.putObject("amountsByCurrency");
        amounts.forEach((currency, sums) -> totalsByCurrency.putObject(currency)
                .put("currentBalance", sums[0].toString()).put("amountPastDue", sums[1].toString())
                .put("originalChargeOffAmount", sums[2].toString()).put("actualPaymentAmount", sums[3].toString()));

        ObjectNode accounts = root.putObject("accounts");
        for (ReportingDisposition d : ReportingDisposition.values()) {
            accounts.put(camel(d.name()), records.stream().filter(r -> r.disposition() == d).count());
        }
        for (CreditReportExportUseCase.Skip s : CreditReportExportUseCase.Skip.values()) {
            accounts.put(camel(s.name()), skipped.getOrDefault(s, 0L));
        }
        ObjectNode noticeNode = root.putObject("negativeReportNotices");
        noticeNode.put("published", notices.getOrDefault(ActionPublisher.Outcome.PUBLISHED, 0L));
        noticeNode.put("alreadyPublished", notices.getOrDefault(ActionPublisher.Outcome.ALREADY_PUBLISHED, 0L));

        ArrayNode withheld = root.putArray("withheldPendingNotice");
        records.stream().filter(r -> r.disposition() == ReportingDisposition.WITHHELD_PENDING_NOTICE)
                .forEach(r -> withheld.addObject().put("loanId", r.loanId())
                        .put("accountStatus", r.accountStatus().code()).put("noticeSentOn", str(r.noticeSentOn())));
        ArrayNode rejectedNode = root.putArray("rejected");
        for (RejectedAccount a : rejected) {
            ArrayNode reasons = rejectedNode.addObject().put("accountNumber", a.consumerAccountNumber())
                    .putArray("reasons");
            a.reasons().forEach(reasons::add);
        }
        ArrayNode adjustments = root.putArray("adjustments");
        for (FieldAdjustment a : result.adjustments()) {
            adjustments.addObject().put("accountNumber", a.consumerAccountNumber()).put("field", a.field())
                    .put("kind", a.kind().name()).put("detail", a.detail());
        }
        ArrayNode corrections = root.putArray("corrections");
        records.stream().filter(r -> r.correction() != null)
                .forEach(r -> corrections.addObject().put("loanId", r.loanId()).put("correction", r.correction()));
        return root;
    }

    private static BigInteger whole(BigDecimal amount) {
        return amount == null || amount.signum() < 0 ? BigInteger.ZERO : amount.toBigInteger();
    }

    private static String str(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** WITHHELD_PENDING_NOTICE → withheldPendingNotice. */
    private static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : constant.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}

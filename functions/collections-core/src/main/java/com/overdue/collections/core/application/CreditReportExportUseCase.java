package com.overdue.collections.core.application;

import com.overdue.collections.core.bureau.BureauCycleRules;
import com.overdue.collections.core.bureau.BureauRecord;
import com.overdue.collections.core.bureau.BureauSettings;
import com.overdue.collections.core.bureau.ChargeOffPolicy;
import com.overdue.collections.core.bureau.CycleDecision;
import com.overdue.collections.core.bureau.CycleStanding;
import com.overdue.collections.core.bureau.Metro2Manifest;
import com.overdue.collections.core.bureau.Metro2AccountMapper;
import com.overdue.collections.core.bureau.ProductReporting;
import com.overdue.collections.core.bureau.ReportingDisposition;
import com.overdue.collections.core.metro2.Metro2Account;
import com.overdue.collections.core.metro2.Metro2File;
import com.overdue.collections.core.metro2.Metro2FileWriter;
import com.overdue.collections.core.metro2.Metro2WriteResult;
import com.overdue.collections.core.metro2.PaymentHistoryCode;
import com.overdue.collections.core.metro2.RejectedAccount;
import com.overdue.collections.core.ingest.CollectionsEvent;
import com.overdue.collections.core.ingest.EventPayload;
import com.overdue.collections.core.ingest.LoanReplay;
import com.overdue.collections.core.ledger.LoanConditions;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.Borrower;
import com.overdue.collections.core.port.ActionOutbox;
import com.overdue.collections.core.port.ActionPublisher;
import com.overdue.collections.core.port.SettlementOffers;
import com.overdue.collections.core.port.BorrowerDirectory;
import com.overdue.collections.core.port.BureauLedger;
import com.overdue.collections.core.port.CollectionsAction;
import com.overdue.collections.core.port.LoanCatalog;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.ReportStore;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The monthly credit-bureau export (the {@code creditReportExport} function, RULES §7): for every loan of a product
 * reported in Metro 2, decide the cycle's report from the loan as it stood on the cycle date and from what the
 * previous cycle reported, send the notice before a first negative report, write the Metro 2 file and its manifest
 * to the report store, and record per account what was reported ({@code BUREAU#<cycle>}).
 *
 * <p>Re-running a cycle reproduces it: an account that already has a record for the cycle is rendered from that
 * record, nothing is recorded twice, notices are not sent twice, and the same object names are written again (S3
 * versioning keeps the earlier object). A run that stopped half-way is completed by the re-run.
 */
public final class CreditReportExportUseCase {

    public static final String NOTICE_ACTION = "NEGATIVE_REPORT_NOTICE";
    private static final String NOTICE_STAGE = "CREDIT_REPORTING";

    private final LoanCatalog catalog;
    private final LoanRepository loans;
    private final BorrowerDirectory borrowers;
    private final BureauLedger bureauLedger;
    private final ActionPublisher actions;
    private final ActionOutbox outbox;
    private final ReportStore store;
    private final CollectionsSettings settings;
    private final BureauSettings bureau;
    private final ChargeOffPolicy chargeOff;
    private final Function<LoanPosition, LoanConditions> conditions;
    private final Clock clock;
    private final BureauCycleRules rules = new BureauCycleRules();
    private final Metro2AccountMapper mapper = new Metro2AccountMapper();
    private final LoanHistoryReplay histories;

    public CreditReportExportUseCase(LoanCatalog catalog, LoanRepository loans, BorrowerDirectory borrowers,
                                     BureauLedger bureauLedger, ActionPublisher actions, ActionOutbox outbox,
                                     ReportStore store,
                                     CollectionsSettings settings, BureauSettings bureau, ChargeOffPolicy chargeOff,
                                     Function<LoanPosition, LoanConditions> conditions, Clock clock) {
        this(catalog, loans, SettlementOffers.NONE, borrowers, bureauLedger, actions, outbox, store, settings, bureau,
                chargeOff, conditions, clock);
    }

    /** With the settlement offers made: a month replayed from the history derives the same waivers as ingest did. */
    public CreditReportExportUseCase(LoanCatalog catalog, LoanRepository loans, SettlementOffers offers,
                                     BorrowerDirectory borrowers, BureauLedger bureauLedger, ActionPublisher actions,
                                     ActionOutbox outbox, ReportStore store, CollectionsSettings settings,
                                     BureauSettings bureau,
                                     ChargeOffPolicy chargeOff, Function<LoanPosition, LoanConditions> conditions,
                                     Clock clock) {
        this.catalog = catalog;
        this.loans = loans;
        this.borrowers = borrowers;
        this.bureauLedger = bureauLedger;
        this.actions = actions;
        this.outbox = outbox;
        this.store = store;
        this.settings = settings;
        this.histories = new LoanHistoryReplay(loans, settings.replay(), offers);
        this.bureau = bureau;
        this.chargeOff = chargeOff;
        this.conditions = conditions;
        this.clock = clock;
    }

    /** Today in the reporting time zone: the date notices go out and records are decided (not the file's date). */
    public LocalDate runDate() {
        return LocalDate.now(clock.withZone(bureau.cycle().zone()));
    }

    /** The cycle a scheduled run reports when no cycle date is given: the latest one that has ended. */
    public LocalDate defaultCycleDate() {
        return bureau.cycle().latestCompletedBefore(runDate());
    }

    /** One loan's outcome in this run. */
    private record AccountOutcome(String loanId, Skip skip, BureauRecord record, boolean rerun,
                                  Metro2Account account, CollectionsAction notice, String missingData) {
    }

    /** Why a loan is not in this cycle. */
    enum Skip { PRODUCT_NOT_CONFIGURED, PRODUCT_NOT_REPORTED, NOT_OPEN_YET, FINAL_REPORT_DONE }

    public CreditReportSummary export(LocalDate requestedCycleDate) {
        LocalDate runDate = runDate();
        LocalDate cycleDate = requestedCycleDate != null ? requestedCycleDate : bureau.cycle().latestCompletedBefore(
                runDate);
        // A cycle is reported once it has ended: payments of the cycle date may still arrive during that day, and
        // the file is dated the day after (ReportingCycle.fileDateOf).
        if (!cycleDate.isBefore(runDate)) {
            throw new IllegalArgumentException("cycle date " + cycleDate + " has not ended yet (today is " + runDate
                    + " in " + bureau.cycle().zone() + ")");
        }
        // The file's outbox item first: a run that dies before the file is written leaves it PENDING (alarmed).
        bureauLedger.fileDue(cycleDate, clock.instant());
        ConcurrentLinkedQueue<AccountOutcome> outcomes = new ConcurrentLinkedQueue<>();
        catalog.forEachLoan(loan -> outcomes.add(consider(loan, cycleDate, runDate)));

        List<AccountOutcome> sorted = outcomes.stream().sorted(Comparator.comparing(AccountOutcome::loanId)).toList();
        List<Metro2Account> accounts = sorted.stream().map(AccountOutcome::account).filter(a -> a != null).toList();
        // Activity Date and Date Created come from the cycle, never the clock: a re-run, a late run or the completion
        // of an interrupted run writes the same bytes and the same manifest on any day.
        LocalDate dateCreated = bureau.cycle().fileDateOf(cycleDate);
        Metro2File file = new Metro2FileWriter().render(bureau.furnisher().reporter(cycleDate, dateCreated),
                accounts);
        Set<String> refused = file.result().rejected().stream().map(RejectedAccount::consumerAccountNumber)
                .collect(Collectors.toSet());

        List<BureauRecord> records = new ArrayList<>();
        Map<ActionPublisher.Outcome, Long> noticesPublished = new java.util.EnumMap<>(ActionPublisher.Outcome.class);
        List<RejectedAccount> rejected = new ArrayList<>(file.result().rejected());
        for (AccountOutcome o : sorted) {
            if (o.record() == null) {
                continue;
            }
            BureauRecord r = o.record();
            if (o.missingData() != null) {
                rejected.add(new RejectedAccount(o.loanId(), List.of(o.missingData())));
                r = r.withDisposition(ReportingDisposition.REJECTED);
            } else if (refused.contains(o.loanId())) {
                r = r.withDisposition(ReportingDisposition.REJECTED);
            }
            records.add(r);
            // Outbox: the record and its notice are one write; the notice is published after it, then marked.
            if (!o.rerun() && bureauLedger.record(r, o.notice()) && o.notice() != null) {
                actions.publish(o.notice());
                outbox.markPublished(o.loanId(), o.notice().actionId());
                noticesPublished.merge(ActionPublisher.Outcome.PUBLISHED, 1L, Long::sum);
            }
        }

        String baseName = "metro2-" + cycleDate;
        byte[] content = file.content();
        String sha256 = sha256(content);
        String fileLocation = file.result().submittable()
                ? store.put(cycleDate, baseName + ".txt", content, "text/plain; charset=us-ascii") : null;
        Metro2Manifest manifest = manifest(cycleDate, dateCreated,
                new Metro2Manifest.FileFacts(baseName + ".txt", fileLocation, file.result().submittable(),
                        content.length, sha256), file.result(), rejected, records, counts(sorted));
        String manifestLocation = store.putManifest(cycleDate, baseName + ".manifest.json", manifest);
        bureauLedger.fileWritten(cycleDate, file.result().submittable() ? sha256 : null);

        Map<Skip, Long> skips = counts(sorted);
        return new CreditReportSummary(cycleDate, fileLocation, manifestLocation, sha256, sorted.size(),
                count(records, ReportingDisposition.REPORTED),
                count(records, ReportingDisposition.WITHHELD_PENDING_NOTICE),
                count(records, ReportingDisposition.REJECTED),
                skips.getOrDefault(Skip.FINAL_REPORT_DONE, 0L).intValue(),
                (int) (skips.getOrDefault(Skip.PRODUCT_NOT_CONFIGURED, 0L)
                        + skips.getOrDefault(Skip.PRODUCT_NOT_REPORTED, 0L)
                        + skips.getOrDefault(Skip.NOT_OPEN_YET, 0L)),
                noticesPublished.getOrDefault(ActionPublisher.Outcome.PUBLISHED, 0L).intValue(),
                (int) records.stream().filter(r -> r.correction() != null).count(),
                (int) sorted.stream().filter(AccountOutcome::rerun).count(),
                file.result().totals().statusCounts());
    }

    private AccountOutcome consider(LoanRecord loan, LocalDate cycleDate, LocalDate runDate) {
        String loanId = loan.loanId();
        Optional<ProductReporting> configured = bureau.product(loan.terms().productCode());
        if (configured.isEmpty()) {
            return skipped(loanId, Skip.PRODUCT_NOT_CONFIGURED);
        }
        ProductReporting product = configured.get();
        if (!product.metro2()) {
            return skipped(loanId, Skip.PRODUCT_NOT_REPORTED);
        }
        if (loan.terms().disbursedOn().isAfter(cycleDate)) {
            return skipped(loanId, Skip.NOT_OPEN_YET);
        }
        Optional<BureauRecord> existing = bureauLedger.find(loanId, cycleDate);
        if (existing.isPresent()) {
            return render(loan, product, existing.get(), true, null);
        }
        Optional<BureauRecord> previous = bureauLedger.findLatestBefore(loanId, cycleDate);
        if (previous.isPresent() && previous.get().isFinalReport()) {
            return skipped(loanId, Skip.FINAL_REPORT_DONE);
        }
        LoanPosition position = positionOn(loan, cycleDate);
        CycleStanding standing = CycleStanding.of(position, chargeOff);
        Optional<PaymentHistoryCode> restated = previous.map(p -> restatedMonth(loan, p));
        CycleDecision decision = rules.decide(loan.terms(), standing, conditions.apply(position), previous, restated,
                cycleDate, runDate, bureau.noticeRule(loan.terms().jurisdiction()));
        CollectionsAction notice = decision.publishNotice() ? notice(loan, decision.record(), runDate) : null;
        return render(loan, product, decision.record(), false, notice);
    }

    private AccountOutcome render(LoanRecord loan, ProductReporting product, BureauRecord record, boolean rerun,
                                  CollectionsAction notice) {
        if (record.disposition() == ReportingDisposition.WITHHELD_PENDING_NOTICE) {
            return new AccountOutcome(loan.loanId(), null, record, rerun, null, notice, null);
        }
        Optional<Borrower> borrower = borrowers.findBorrower(loan.terms().borrowerId());
        if (borrower.isEmpty()) {
            return new AccountOutcome(loan.loanId(), null, record, rerun, null, notice,
                    "no borrower profile for " + loan.terms().borrowerId());
        }
        Metro2Account account = mapper.toAccount(record, loan.terms(), product, borrower.get());
        return new AccountOutcome(loan.loanId(), null, record, rerun, account, notice, null);
    }

    /**
     * The position on the cycle date: the stored snapshot moved forward, or, when the snapshot is already past the
     * cycle date (an event arrived later, or a past cycle is re-run), the event history replayed to that date.
     */
    private LoanPosition positionOn(LoanRecord loan, LocalDate cycleDate) {
        if (!loan.position().asOf().isAfter(cycleDate)) {
            return settings.ledger().advanceTo(loan.position(), cycleDate);
        }
        return replay(loan, cycleDate);
    }

    /**
     * The loan as it stood on {@code date}, as the event history tells it today: events that take effect after the
     * date are left out, reversals are always kept (a payment that bounced never counted).
     */
    private LoanPosition replay(LoanRecord loan, LocalDate date) {
        List<CollectionsEvent> history = histories.events(loan.loanId(),
                event -> event.payload() instanceof EventPayload.PaymentReversed
                        || !LoanReplay.effectiveDate(loan.terms(), event).isAfter(date));
        return histories.replay(loan.terms(), history, date);
    }

    /**
     * The previous cycle's month as the event history tells it today. A payment back-dated into that month, or a
     * reversal, changes it; the difference is reported as a correction of that month in this cycle's history.
     */
    private PaymentHistoryCode restatedMonth(LoanRecord loan, BureauRecord previous) {
        LoanPosition then = replay(loan, previous.cycleDate());
        return rules.monthCode(CycleStanding.of(then, chargeOff), previous.cycleDate());
    }

    private static CollectionsAction notice(LoanRecord loan, BureauRecord record, LocalDate runDate) {
        String when = record.disposition() == ReportingDisposition.WITHHELD_PENDING_NOTICE
                ? "withheld from the " + record.cycleDate() + " file and reported from the next cycle (notice first)"
                : "reported in the " + record.cycleDate() + " file (notice no later than the report)";
        return new CollectionsAction(NOTICE_ACTION + "#" + loan.loanId(), NOTICE_ACTION, loan.loanId(),
                loan.terms().borrowerId(), NOTICE_STAGE, "BUREAU#" + record.cycleDate(), runDate,
                "first negative credit report: Metro 2 status " + record.accountStatus().code() + " ("
                        + record.accountStatus().meaning() + ") as of " + record.cycleDate() + "; " + when);
    }

    private static AccountOutcome skipped(String loanId, Skip skip) {
        return new AccountOutcome(loanId, skip, null, false, null, null, null);
    }

    private static Map<Skip, Long> counts(List<AccountOutcome> outcomes) {
        return outcomes.stream().filter(o -> o.skip() != null)
                .collect(Collectors.groupingBy(AccountOutcome::skip, Collectors.counting()));
    }

    private Metro2Manifest manifest(LocalDate cycleDate, LocalDate createdOn, Metro2Manifest.FileFacts fileFacts,
                                    Metro2WriteResult result, List<RejectedAccount> rejected,
                                    List<BureauRecord> records, Map<Skip, Long> skipped) {
        // Sums of what the file carries: whole currency units, cents dropped, as the writer writes them.
        Map<String, BigInteger[]> sums = new TreeMap<>();
        for (BureauRecord r : records) {
            if (r.disposition() == ReportingDisposition.REPORTED) {
                BigInteger[] s = sums.computeIfAbsent(r.currency(), c -> new BigInteger[]{
                        BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO});
                s[0] = s[0].add(whole(r.currentBalance()));
                s[1] = s[1].add(whole(r.amountPastDue()));
                s[2] = s[2].add(whole(r.originalChargeOffAmount()));
                s[3] = s[3].add(whole(r.actualPayment()));
            }
        }
        Map<String, Metro2Manifest.CurrencyTotals> amounts = new TreeMap<>();
        sums.forEach((currency, s) -> amounts.put(currency, new Metro2Manifest.CurrencyTotals(s[0], s[1], s[2],
                s[3])));
        Metro2Manifest.AccountCounts accounts = new Metro2Manifest.AccountCounts(
                count(records, ReportingDisposition.REPORTED),
                count(records, ReportingDisposition.WITHHELD_PENDING_NOTICE),
                count(records, ReportingDisposition.REJECTED),
                skipped.getOrDefault(Skip.PRODUCT_NOT_CONFIGURED, 0L),
                skipped.getOrDefault(Skip.PRODUCT_NOT_REPORTED, 0L),
                skipped.getOrDefault(Skip.NOT_OPEN_YET, 0L), skipped.getOrDefault(Skip.FINAL_REPORT_DONE, 0L));
        return new Metro2Manifest(cycleDate, createdOn, bureau.furnisher().identificationNumber(), fileFacts,
                result.totals(), amounts, accounts,
                // From the records, not from this run's publishes: a run that completes an interrupted one writes the
                // same manifest as an uninterrupted run (the notice was published by whichever run recorded it).
                new Metro2Manifest.NoticeCounts(
                        records.stream().filter(r -> r.noticeSentOn() != null
                                && r.noticeSentOn().isAfter(cycleDate)).count(),
                        records.stream().filter(r -> r.noticeSentOn() != null
                                && !r.noticeSentOn().isAfter(cycleDate)).count()),
                records.stream().filter(r -> r.disposition() == ReportingDisposition.WITHHELD_PENDING_NOTICE)
                        .map(r -> new Metro2Manifest.Withheld(r.loanId(), r.accountStatus(), r.noticeSentOn()))
                        .toList(),
                rejected, result.adjustments(),
                records.stream().filter(r -> r.correction() != null)
                        .map(r -> new Metro2Manifest.Correction(r.loanId(), r.correction())).toList());
    }

    private static BigInteger whole(BigDecimal amount) {
        return amount == null || amount.signum() < 0 ? BigInteger.ZERO : amount.toBigInteger();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static int count(List<BureauRecord> records, ReportingDisposition disposition) {
        return (int) records.stream().filter(r -> r.disposition() == disposition).count();
    }
}

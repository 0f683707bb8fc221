package com.overdue.collections.core.application;

import com.overdue.collections.core.application.LoanHistoryReplay.ParsedHistory;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.ledger.PenaltyAccrual;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.penalty.PenaltyAdjustment;
import com.overdue.collections.core.penalty.PostedPenalty;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.PenaltyLedger;
import com.overdue.collections.core.port.SettlementOffers;
import com.overdue.collections.core.port.WorkItem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code penaltyAccrual} worker: posts penalty interest exactly once per installment-day (RULES §3). It replays
 * the loan's history to the business date, collecting every installment-day accrual, and posts what is not posted
 * yet: one record per calendar day with accruals (a day the scheduler missed is caught up with its own record),
 * and, when the history changed what earlier days should have accrued (a reversal, a back-dated payment, a
 * dispute), one adjustment record dated on the business date for the difference. Posted records are never edited.
 */
public final class PenaltyAccrualUseCase implements DailyWorker {

    /** What one run posted. */
    public record Result(String loanId, LocalDate businessDate, int daysPosted, int adjustmentsPosted,
                         Money accrued, Money adjusted) {
    }

    private final LoanRepository loans;
    private final PenaltyLedger penalties;
    private final CollectionsSettings settings;
    private final LoanHistoryReplay histories;

    public PenaltyAccrualUseCase(LoanRepository loans, PenaltyLedger penalties, CollectionsSettings settings) {
        this(loans, SettlementOffers.NONE, penalties, settings);
    }

    /** With the settlement offers made: a settled loan accrues no penalty after the qualifying payment. */
    public PenaltyAccrualUseCase(LoanRepository loans, SettlementOffers offers, PenaltyLedger penalties,
                                 CollectionsSettings settings) {
        this.loans = loans;
        this.penalties = penalties;
        this.settings = settings;
        this.histories = new LoanHistoryReplay(loans, settings.replay(), offers);
    }

    @Override
    public String name() {
        return "penaltyAccrual";
    }

    @Override
    public void handle(WorkItem item) {
        accrue(item.loanId(), item.businessDate());
    }

    public Result accrue(String loanId, LocalDate businessDate) {
        ParsedHistory loan = histories.require(loanId);
        LoanTerms terms = loan.loan().terms();
        List<PenaltyAccrual> journal = new ArrayList<>();
        LoanPosition position = histories.replay(terms, loan.events(), businessDate, journal::add);
        journal.removeIf(a -> a.day().isAfter(businessDate));

        PostedPenalty latest = penalties.latest(loanId).orElse(null);
        if (latest != null && businessDate.isBefore(latest.postedOn())) {
            // A work item for a business date already passed (a redelivery): the later run has posted every day
            // up to its date and corrected the past as it knew it; comparing that with an older replay would
            // post a spurious negative adjustment.
            return new Result(loanId, businessDate, 0, 0, terms.zero(), terms.zero());
        }
        LocalDate postedThrough;
        Map<Integer, Money> cumulative;
        if (latest == null || !latest.isAdjustment()) {
            postedThrough = latest == null ? null : latest.day();
            cumulative = new TreeMap<>(latest == null ? Map.of() : latest.cumulative());
        } else {
            // Day records posted after an adjustment of the same business date sort before it, so the adjustment's
            // cumulative may be stale: add up every posting instead.
            List<PostedPenalty> all = penalties.all(loanId);
            postedThrough = all.stream().filter(p -> !p.isAdjustment()).map(PostedPenalty::day)
                    .max(LocalDate::compareTo).orElse(null);
            cumulative = sumOf(all);
        }

        // Days already posted: what should they have accrued now that the history may have changed?
        Map<Integer, Money> expected = new TreeMap<>();
        for (PenaltyAccrual a : journal) {
            if (postedThrough != null && !a.day().isAfter(postedThrough)) {
                expected.merge(a.seq(), a.amount(), Money::plus);
            }
        }
        List<PenaltyAdjustment> adjustments = new ArrayList<>();
        java.util.Set<Integer> seqs = new java.util.TreeSet<>(expected.keySet());
        seqs.addAll(cumulative.keySet());
        for (int seq : seqs) {
            Money should = expected.getOrDefault(seq, terms.zero());
            Money posted = cumulative.getOrDefault(seq, terms.zero());
            if (should.compareTo(posted) != 0) {
                adjustments.add(new PenaltyAdjustment(seq, should.minus(posted),
                        "recomputed from the event history on " + businessDate));
            }
        }

        Map<LocalDate, List<PenaltyAccrual>> newDays = new TreeMap<>();
        for (PenaltyAccrual a : journal) {
            if (postedThrough == null || a.day().isAfter(postedThrough)) {
                newDays.computeIfAbsent(a.day(), d -> new ArrayList<>()).add(a);
            }
        }
        Money accrued = terms.zero();
        List<PostedPenalty> dayPostings = new ArrayList<>();
        for (Map.Entry<LocalDate, List<PenaltyAccrual>> day : newDays.entrySet()) {
            for (PenaltyAccrual a : day.getValue()) {
                cumulative.merge(a.seq(), a.amount(), Money::plus);
                accrued = accrued.plus(a.amount());
            }
            dayPostings.add(new PostedPenalty(loanId, day.getKey(), 0, businessDate, day.getValue(), List.of(),
                    cumulative));
        }
        int daysPosted = dayPostings.isEmpty() ? 0 : penalties.postAll(dayPostings);
        Money adjusted = terms.zero();
        int adjustmentsPosted = 0;
        // Day records posted after an adjustment of this business date sort before it: a closing adjustment record
        // without lines carries the new cumulative, so that the latest record still says what is posted.
        boolean behindAdjustment = !dayPostings.isEmpty() && latest != null && latest.isAdjustment()
                && latest.day().equals(businessDate);
        if (!adjustments.isEmpty() || behindAdjustment) {
            for (PenaltyAdjustment adj : adjustments) {
                cumulative.merge(adj.seq(), adj.amount(), Money::plus);
                adjusted = adjusted.plus(adj.amount());
            }
            int number = latest != null && latest.isAdjustment() && latest.day().equals(businessDate)
                    ? latest.adjustmentNo() + 1 : 1;
            if (penalties.post(new PostedPenalty(loanId, businessDate, number, businessDate, List.of(), adjustments,
                    cumulative)) && !adjustments.isEmpty()) {
                adjustmentsPosted++;
            }
        }
        return new Result(loanId, businessDate, daysPosted, adjustmentsPosted, accrued, adjusted);
    }

    /** What the postings add up to per installment: day accruals plus adjustments. */
    private static Map<Integer, Money> sumOf(List<PostedPenalty> postings) {
        Map<Integer, Money> sum = new TreeMap<>();
        for (PostedPenalty p : postings) {
            p.accruals().forEach(a -> sum.merge(a.seq(), a.amount(), Money::plus));
            p.adjustments().forEach(a -> sum.merge(a.seq(), a.amount(), Money::plus));
        }
        return sum;
    }
}

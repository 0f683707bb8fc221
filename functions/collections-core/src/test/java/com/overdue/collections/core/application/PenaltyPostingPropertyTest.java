package com.overdue.collections.core.application;

import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.config.ConfigSource;

import static com.overdue.collections.core.testing.LoanFixtures.CNY;
import static com.overdue.collections.core.testing.LoanFixtures.installment;
import static com.overdue.collections.core.testing.LoanFixtures.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import com.overdue.collections.core.delinquency.DelinquencyPolicy;
import com.overdue.collections.core.ingest.CollectionsEvent;
import com.overdue.collections.core.ledger.InstallmentPosition;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.ledger.PenaltyAccrual;
import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.loan.ScheduledInstallment;
import com.overdue.collections.core.penalty.PenaltyAdjustment;
import com.overdue.collections.core.penalty.PostedPenalty;
import com.overdue.collections.core.product.ProductCatalog;
import com.overdue.collections.core.testing.EventJson;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * RULES §3 over random event streams on the configured CONSUMER-INSTALMENT product (4 x LPR cap, grace 3, pauses):
 * payments (some back-dated, some reversed later), waivers, disputes and a hardship plan arrive day by day; the
 * penalty worker runs each day except on random missed days, and on random days also before the day's events
 * arrive (the day is then run twice). Whatever happened, the penalty posted incrementally (day records +
 * adjustments) equals the penalty recomputed from the whole history from scratch, per installment, and no
 * component of any installment and no posted total ever goes below zero. The daily scan runs too, and its snapshot
 * ends where the replay does.
 */
class PenaltyPostingPropertyTest {

    private static final LocalDate DISBURSED = LocalDate.of(2026, 1, 1);
    private static final int LAST_DAY = 190;
    private static final ProductCatalog CATALOG = EngineConfiguration.products(ConfigSource.classpath());

    record PaymentSpec(int receivedDay, int delay, int cents, boolean reversed, int reversalDelay) {
    }

    record WaiverSpec(int day, Component component, int cents) {
    }

    record DisputeSpec(int openDay, int length) {
    }

    record PlanSpec(int requestDay, boolean approved, int cents) {
    }

    record Scenario(int installments, int principalCents, List<PaymentSpec> payments, List<WaiverSpec> waivers,
                    List<DisputeSpec> disputes, List<PlanSpec> plan, Set<Integer> missedRuns,
                    Set<Integer> earlyRuns) {

        LoanTerms terms() {
            List<ScheduledInstallment> schedule = new ArrayList<>();
            for (int k = 1; k <= installments; k++) {
                schedule.add(installment(k, DISBURSED.plusMonths(k), amount(principalCents), "30.00", "5.00"));
            }
            return com.overdue.collections.core.testing.LoanFixtures.terms("L-PROP", DISBURSED, schedule);
        }

        /** Every event with the day it arrives, in arrival order. */
        List<Arrival> arrivals() {
            LoanTerms terms = terms();
            List<Arrival> out = new ArrayList<>();
            for (int i = 0; i < payments.size(); i++) {
                PaymentSpec p = payments.get(i);
                int arrival = p.receivedDay() + p.delay();
                out.add(new Arrival(arrival, 9, EventJson.paymentReceived("E-PAY-" + i, shanghai(day(arrival), 9),
                        terms.loanId(), "P-" + i, amount(p.cents()), day(p.receivedDay()))));
                if (p.reversed()) {
                    int reversal = arrival + p.reversalDelay();
                    out.add(new Arrival(reversal, 11, EventJson.paymentReversed("E-REV-" + i,
                            shanghai(day(reversal), 11), terms.loanId(), "P-" + i)));
                }
            }
            for (int i = 0; i < waivers.size(); i++) {
                WaiverSpec w = waivers.get(i);
                out.add(new Arrival(w.day(), 10, EventJson.waiverGranted("E-W-" + i, shanghai(day(w.day()), 10),
                        terms.loanId(), w.component().name(), amount(w.cents()), "U-3")));
            }
            for (int i = 0; i < disputes.size(); i++) {
                DisputeSpec d = disputes.get(i);
                out.add(new Arrival(d.openDay(), 10, EventJson.disputeOpened("E-DO-" + i,
                        shanghai(day(d.openDay()), 10), terms.loanId(), "D-" + i)));
                if (d.length() > 0) {
                    int resolved = d.openDay() + d.length();
                    out.add(new Arrival(resolved, 10, EventJson.disputeResolved("E-DR-" + i,
                            shanghai(day(resolved), 10), terms.loanId(), "D-" + i)));
                }
            }
            for (PlanSpec p : plan) {
                out.add(new Arrival(p.requestDay(), 10, EventJson.hardshipRequested("E-HR",
                        shanghai(day(p.requestDay()), 10), terms.loanId(), "H-1", "INSTALMENT_PLAN")));
                if (p.approved()) {
                    int decided = p.requestDay() + 1;
                    out.add(new Arrival(decided, 10, EventJson.instalmentPlanApproved("E-HD",
                            shanghai(day(decided), 10), terms.loanId(), "H-1",
                            day(decided + 15).toString(), amount(p.cents()),
                            day(decided + 45).toString(), amount(p.cents()))));
                }
            }
            out.sort(Comparator.comparingInt(Arrival::day).thenComparingInt(Arrival::hour)
                    .thenComparing(Arrival::json));
            return out;
        }
    }

    record Arrival(int day, int hour, String json) {
    }

    private static LocalDate day(int n) {
        return DISBURSED.plusDays(n);
    }

    private static String amount(int cents) {
        return String.format("%d.%02d", cents / 100, cents % 100);
    }

    @Property(tries = 60)
    void penalty_posted_day_by_day_equals_penalty_recomputed_from_scratch(@ForAll("scenarios") Scenario s) {
        CollectionsSettings settings = CollectionsSettings.of(CATALOG, DelinquencyPolicy.DEFAULT, 1);
        InMemoryLoanRepository loans = new InMemoryLoanRepository(1);
        InMemoryPenaltyLedger penalties = new InMemoryPenaltyLedger();
        PenaltyAccrualUseCase worker = new PenaltyAccrualUseCase(loans, penalties, settings);
        LoanTerms terms = s.terms();
        List<Arrival> arrivals = s.arrivals();
        new IngestEventUseCase(loans, settings, Clock.fixed(shanghai(DISBURSED, 12), ZoneOffset.UTC))
                .ingest(EventJson.loanBooked("E-BOOK", shanghai(DISBURSED, 10), terms));

        OverdueScanUseCase scan = new OverdueScanUseCase(loans, new RecordingWorkDispatcher(), settings,
                Clock.fixed(shanghai(DISBURSED, 12), ZoneOffset.UTC));
        int next = 0;
        for (int n = 1; n <= LAST_DAY; n++) {
            IngestEventUseCase ingest = new IngestEventUseCase(loans, settings,
                    Clock.fixed(shanghai(day(n), 12), ZoneOffset.UTC));
            if (s.earlyRuns().contains(n)) {
                // The day's work item is processed before the day's events arrive, and the day is run again later
                // (a re-run of the scan): the second run must correct and add what the events changed.
                worker.accrue(terms.loanId(), day(n));
            }
            while (next < arrivals.size() && arrivals.get(next).day() == n) {
                IngestOutcome outcome = ingest.ingest(arrivals.get(next++).json());
                assertThat(outcome).as("day %d", n).isNotInstanceOf(IngestOutcome.Rejected.class);
            }
            scan.scan(terms.timeZone(), day(n));
            if (n == LAST_DAY || !s.missedRuns().contains(n)) {
                worker.accrue(terms.loanId(), day(n));
            }
            assertNoNegativeComponent(loans.loan(terms.loanId()).position());
        }

        List<CollectionsEvent> history = loans.findEvents(terms.loanId()).stream()
                .map(e -> EventJson.stored(e.json())).toList();
        List<PenaltyAccrual> journal = new ArrayList<>();
        LoanPosition fromScratch = settings.replay().replay(terms, history, day(LAST_DAY), journal::add);
        assertNoNegativeComponent(fromScratch);
        // The daily scan's snapshot (advanced, never replayed) agrees with the replay, conditions included.
        assertThat(settings.ledger().advanceTo(loans.loan(terms.loanId()).position(), day(LAST_DAY)))
                .isEqualTo(fromScratch);

        Map<Integer, Money> expected = new TreeMap<>();
        for (InstallmentPosition i : fromScratch.installments()) {
            if (!i.due().penalty().isZero()) {
                expected.put(i.seq(), i.due().penalty());
            }
        }
        Map<Integer, Money> posted = new TreeMap<>();
        penalties.latest(terms.loanId()).ifPresent(latest -> latest.cumulative().forEach((seq, m) -> {
            if (!m.isZero()) {
                posted.put(seq, m);
            }
        }));
        assertThat(posted).isEqualTo(expected);
        // Reconciliation: the latest record's cumulative is what all postings add up to.
        Map<Integer, Money> sums = new TreeMap<>();
        for (PostedPenalty p : penalties.all(terms.loanId())) {
            p.accruals().forEach(a -> sums.merge(a.seq(), a.amount(), Money::plus));
            p.adjustments().forEach(a -> sums.merge(a.seq(), a.amount(), Money::plus));
        }
        sums.values().removeIf(Money::isZero);
        assertThat(sums).isEqualTo(posted);

        Money sumOfPostings = Money.zero(CNY);
        for (PostedPenalty p : penalties.all(terms.loanId())) {
            for (PenaltyAccrual a : p.accruals()) {
                assertThat(a.amount().isPositive()).isTrue();
                sumOfPostings = sumOfPostings.plus(a.amount());
            }
            for (PenaltyAdjustment a : p.adjustments()) {
                sumOfPostings = sumOfPostings.plus(a.amount());
            }
            p.cumulative().values().forEach(m -> assertThat(m.isNegative()).as(p.key()).isFalse());
        }
        assertThat(sumOfPostings).isEqualTo(fromScratch.penaltyAccrued());
        boolean adjusted = penalties.all(terms.loanId()).stream().anyMatch(PostedPenalty::isAdjustment);
        Statistics.label("history corrected (adjustment posted)").collect(adjusted);
        Statistics.label("penalty accrued").collect(fromScratch.penaltyAccrued().isPositive());
        assertThat(journal.stream().map(PenaltyAccrual::amount).reduce(Money.zero(CNY), Money::plus))
                .isEqualTo(fromScratch.penaltyAccrued());
        // The property is only worth something if histories really get corrected after posting.
        Statistics.label("history corrected (adjustment posted)").coverage(c -> c.check(true)
                .percentage(p -> p >= 5));
    }

    private static void assertNoNegativeComponent(LoanPosition p) {
        assertThat(p.unappliedCredit().isNegative()).isFalse();
        for (InstallmentPosition i : p.installments()) {
            for (Component c : Component.values()) {
                assertThat(i.remaining(c).isNegative()).as("remaining %s of %d", c, i.seq()).isFalse();
                assertThat(i.paid().get(c).isNegative()).isFalse();
                assertThat(i.waived().get(c).isNegative()).isFalse();
            }
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<PaymentSpec> payment = Combinators.combine(Arbitraries.integers().between(20, 170),
                Arbitraries.integers().between(0, 10), Arbitraries.integers().between(100, 300_000),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, 10)).as(PaymentSpec::new);
        Arbitrary<WaiverSpec> waiver = Combinators.combine(Arbitraries.integers().between(20, 180),
                Arbitraries.of(Component.PENALTY, Component.FEES, Component.INTEREST),
                Arbitraries.integers().between(1, 5_000)).as(WaiverSpec::new);
        Arbitrary<DisputeSpec> dispute = Combinators.combine(Arbitraries.integers().between(20, 150),
                Arbitraries.integers().between(0, 30)).as(DisputeSpec::new);
        Arbitrary<PlanSpec> plan = Combinators.combine(Arbitraries.integers().between(35, 120),
                Arbitraries.of(true, false), Arbitraries.integers().between(10_000, 150_000)).as(PlanSpec::new);
        return Combinators.combine(Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(10_000, 500_000),
                payment.list().ofMaxSize(6), waiver.list().ofMaxSize(3), dispute.list().ofMaxSize(2),
                plan.list().ofMaxSize(1),
                Arbitraries.integers().between(1, LAST_DAY - 1).set().ofMaxSize(40),
                Arbitraries.integers().between(1, LAST_DAY).set().ofMaxSize(60)).as(Scenario::new);
    }
}

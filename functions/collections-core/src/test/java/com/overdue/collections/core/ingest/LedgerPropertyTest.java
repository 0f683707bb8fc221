package com.overdue.collections.core.ingest;

import com.overdue.collections.core.testing.TestProducts;
import static com.overdue.collections.core.testing.LoanFixtures.CNY;
import static com.overdue.collections.core.testing.LoanFixtures.shanghai;
import static com.overdue.collections.core.testing.LoanFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

import com.overdue.collections.core.ingest.EventPayload.PaymentReceived;
import com.overdue.collections.core.ingest.EventPayload.PaymentReversed;
import com.overdue.collections.core.product.AllocationRule;
import com.overdue.collections.core.ledger.InstallmentPosition;
import com.overdue.collections.core.ledger.LoanLedger;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.loan.ScheduledInstallment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the ledger over random schedules (1-12 installments) and random payment streams (value dates
 * within 200 days of disbursement, some reversed, arriving in any order), with penalty accruing as configured.
 */
class LedgerPropertyTest {

    private static final LocalDate DISBURSED = LocalDate.of(2026, 1, 1);
    /** After every value date (day 200), arrival (+10 days) and reversal (+21 days). */
    private static final LocalDate END = DISBURSED.plusDays(240);

    /** The configured CONSUMER-INSTALMENT product: penalty accrues (4 x LPR cap, grace 3), so it is in every property. */
    private final LoanLedger ledger = new LoanLedger(TestProducts.configured());
    private final LoanReplay replay = new LoanReplay(ledger);

    @Property(tries = 200)
    void ageing_a_snapshot_day_by_day_equals_replaying_from_scratch(@ForAll("scenarios") Scenario s) {
        // What production does: a replay from scratch on each day an event arrives, the daily scan in between.
        LoanPosition incremental = ledger.open(s.terms());
        int known = 0;
        for (LocalDate d = DISBURSED; !d.isAfter(END); d = d.plusDays(1)) {
            List<CollectionsEvent> knownByNow = s.knownOn(d);
            if (knownByNow.size() != known) {
                incremental = replay.replay(s.terms(), knownByNow, d);
                known = knownByNow.size();
            } else {
                incremental = ledger.advanceTo(incremental, d);
            }
        }

        assertThat(incremental).isEqualTo(replay.replay(s.terms(), s.events(), END));
    }

    @Property(tries = 300)
    void ageing_in_one_jump_equals_ageing_one_day_at_a_time(@ForAll("scenarios") Scenario s,
                                                            @ForAll @IntRange(min = 0, max = 240) int fromDay,
                                                            @ForAll @IntRange(min = 0, max = 60) int days) {
        LocalDate from = DISBURSED.plusDays(fromDay);
        LoanPosition snapshot = replay.replay(s.terms(), s.knownOn(from), from);

        LoanPosition dayByDay = snapshot;
        for (int i = 1; i <= days; i++) {
            dayByDay = ledger.advanceTo(dayByDay, snapshot.asOf().plusDays(i));
        }

        assertThat(ledger.advanceTo(snapshot, snapshot.asOf().plusDays(days))).isEqualTo(dayByDay);
    }

    @Property(tries = 500)
    void every_component_paid_is_between_zero_and_its_due_amount_and_credit_is_never_negative(
            @ForAll("scenarios") Scenario s, @ForAll @IntRange(min = 0, max = 240) int day) {
        LocalDate asOf = DISBURSED.plusDays(day);
        LoanPosition p = replay.replay(s.terms(), s.knownOn(asOf), asOf);

        for (InstallmentPosition i : p.installments()) {
            for (Component c : Component.values()) {
                assertThat(i.paid().get(c).isNegative()).as("paid %s of #%d", c, i.seq()).isFalse();
                assertThat(i.paid().get(c)).as("paid %s of #%d", c, i.seq()).isLessThanOrEqualTo(i.due().get(c));
            }
        }
        assertThat(p.unappliedCredit().isNegative()).isFalse();
    }

    @Property(tries = 500)
    void money_is_conserved_total_paid_plus_credit_equals_the_payments_not_reversed(
            @ForAll("scenarios") Scenario s, @ForAll @IntRange(min = 0, max = 240) int day) {
        LocalDate asOf = DISBURSED.plusDays(day);
        List<CollectionsEvent> known = s.knownOn(asOf);
        LoanPosition p = replay.replay(s.terms(), known, asOf);

        Set<String> reversed = known.stream().filter(e -> e.payload() instanceof PaymentReversed)
                .map(e -> ((PaymentReversed) e.payload()).paymentId()).collect(Collectors.toSet());
        Money received = known.stream()
                .filter(e -> e.payload() instanceof PaymentReceived r && !reversed.contains(r.paymentId()))
                .map(e -> new Money(((PaymentReceived) e.payload()).amount(), CNY))
                .reduce(Money.zero(CNY), Money::plus);
        Money allocated = p.installments().stream().map(i -> i.paid().total())
                .reduce(Money.zero(CNY), Money::plus);

        assertThat(allocated.plus(p.unappliedCredit())).isEqualTo(received);

        // The streams must exercise what the property is about, not only empty loans.
        Statistics.label("reversed payment").collect(!reversed.isEmpty());
        Statistics.label("overdue").collect(p.isOverdue());
        Statistics.label("credit").collect(p.unappliedCredit().isPositive());
        Statistics.label("reversed payment").coverage(c -> c.check(true).percentage(pct -> pct > 10));
        Statistics.label("overdue").coverage(c -> c.check(true).percentage(pct -> pct > 20));
        Statistics.label("overdue").coverage(c -> c.check(false).percentage(pct -> pct > 10));
        Statistics.label("credit").coverage(c -> c.check(true).percentage(pct -> pct > 5));
    }

    @Property(tries = 300)
    void the_position_does_not_depend_on_the_order_events_are_given_in(@ForAll("scenarios") Scenario s,
                                                                       @ForAll long seed) {
        List<CollectionsEvent> shuffled = new ArrayList<>(s.events());
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(replay.replay(s.terms(), shuffled, END)).isEqualTo(replay.replay(s.terms(), s.events(), END));
    }

    // ---- generators

    /** A loan and its payment stream; {@link #knownOn} is what the engine has received by the end of a day. */
    record Scenario(LoanTerms terms, List<CollectionsEvent> events) {
        List<CollectionsEvent> knownOn(LocalDate day) {
            return events.stream().filter(e -> !LoanReplay.effectiveDate(terms, e).isAfter(day)).toList();
        }

        @Override
        public String toString() {
            return terms.schedule() + " " + events.stream().map(e -> e.eventId() + "@" + e.occurredAt() + "="
                    + e.payload()).toList();
        }
    }

    record InstallmentSpec(int daysAfterPrevious, BigDecimal principal, BigDecimal interest, BigDecimal fees) {
    }

    record PaymentSpec(int valueDay, int arrivalDelayHours, BigDecimal amount, boolean reversed,
                       int reversalDelayDays) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<InstallmentSpec> installment = Combinators.combine(
                Arbitraries.integers().between(1, 40),
                amounts("0.01", "3000.00"),
                amounts("0.00", "150.00"),
                amounts("0.00", "25.00")).as(InstallmentSpec::new);
        Arbitrary<PaymentSpec> payment = Combinators.combine(
                Arbitraries.integers().between(0, 200),
                Arbitraries.integers().between(0, 240),
                amounts("0.01", "4000.00"),
                Arbitraries.integers().between(1, 4).map(n -> n == 1),
                Arbitraries.integers().between(0, 20)).as(PaymentSpec::new);
        return Combinators.combine(installment.list().ofMinSize(1).ofMaxSize(12), payment.list().ofMaxSize(12))
                .as(LedgerPropertyTest::scenario);
    }

    private static Arbitrary<BigDecimal> amounts(String min, String max) {
        return Arbitraries.bigDecimals().between(new BigDecimal(min), new BigDecimal(max)).ofScale(2);
    }

    private static Scenario scenario(List<InstallmentSpec> installments, List<PaymentSpec> payments) {
        List<ScheduledInstallment> schedule = new ArrayList<>();
        LocalDate due = DISBURSED;
        for (int i = 0; i < installments.size(); i++) {
            InstallmentSpec spec = installments.get(i);
            due = due.plusDays(spec.daysAfterPrevious());
            schedule.add(new ScheduledInstallment(i + 1, due, new Money(spec.principal(), CNY),
                    new Money(spec.interest(), CNY), new Money(spec.fees(), CNY)));
        }
        LoanTerms terms = terms("L-P", DISBURSED, schedule);
        List<CollectionsEvent> events = new ArrayList<>();
        events.add(new CollectionsEvent("E-BOOK", EventType.LoanBooked, 1, shanghai(DISBURSED, 9), "L-P", null,
                null));
        int n = 0;
        for (PaymentSpec spec : payments) {
            n++;
            LocalDate valueDate = DISBURSED.plusDays(spec.valueDay());
            Instant arrived = shanghai(valueDate, 8).plus(spec.arrivalDelayHours(), ChronoUnit.HOURS);
            events.add(new CollectionsEvent("E-P" + n, EventType.PaymentReceived, 1, arrived, "L-P",
                    new PaymentReceived("P-" + n, spec.amount(), valueDate, "BANK_TRANSFER"), null));
            if (spec.reversed()) {
                events.add(new CollectionsEvent("E-R" + n, EventType.PaymentReversed, 1,
                        arrived.plus(spec.reversalDelayDays(), ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS), "L-P",
                        new PaymentReversed("P-" + n, "NSF"), null));
            }
        }
        return new Scenario(terms, List.copyOf(events));
    }
}

package com.overdue.collections.core.application;

import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.contact.ContactDecision;
import com.overdue.collections.core.delinquency.DelinquencyPolicy;
import com.overdue.collections.core.escalation.EscalationDecision;
import com.overdue.collections.core.escalation.EscalationDecision.ActionStatus;
import com.overdue.collections.core.escalation.EscalationDecision.PlannedAction;
import com.overdue.collections.core.escalation.EscalationLadder;
import com.overdue.collections.core.escalation.EscalationLadders;
import com.overdue.collections.core.escalation.EscalationState;
import com.overdue.collections.core.escalation.LadderStep;
import com.overdue.collections.core.escalation.StepCondition;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.loan.ScheduledInstallment;
import com.overdue.collections.core.port.ActionPublisher;
import com.overdue.collections.core.port.CollectionsAction;
import com.overdue.collections.core.testing.EventJson;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random loans (jurisdiction, borrower zone, the ladder's call time) on a ladder that asks for a call every 1-3 days,
 * random call outcomes recorded by agents before each day's decision, and the daily decision run at a random hour:
 * the escalation step, asking the contact rule packs, never issues a call task that breaks the law as read here —
 * CN: no call once 3 conversations took place that borrower-local day; US (12 CFR 1006.14(b)(2)): no call when 7
 * calls were already placed within the 7 consecutive local days ending that day, nor within the 7 days (the day of
 * the conversation being the first) after a telephone conversation; and no call task in the pack's quiet hours.
 * The checker counts the calls itself from the events it generated and the call tasks the store recorded.
 */
class CallTaskLimitsPropertyTest {

    private static final EngineConfiguration CONFIG = EngineConfiguration.fromClasspath();
    private static final LocalDate DUE = LocalDate.of(2026, 10, 1); // the walk spans the US autumn change of 1 November
    private static final int DAYS = 35;
    private static final Set<String> CONVERSATIONS = Set.of("RIGHT_PARTY_CONTACT", "REFUSED_TO_PAY", "CANNOT_PAY");

    /** The loan's jurisdiction and zone, the ladder's call time, and every how many days it asks for a call. */
    record Loan(String jurisdiction, ZoneId zone, int callHour, int gap) {
    }

    /** A call placed by an agent, recorded as ContactOutcomeRecorded: day of the walk, minute of that day, outcome. */
    record Outcome(int day, int minute, String outcome) {
    }

    /** One day of the walk: the minute of the local day at which the decision runs, and the agents' calls before it. */
    record Day(int decisionMinute, List<Outcome> outcomes) {
    }

    /** A call as the checker counts it. */
    record Call(Instant at, boolean conversation, boolean task) {
    }

    @Provide
    Arbitrary<Loan> loans() {
        return Combinators.combine(Arbitraries.of("CN", "US"),
                Arbitraries.of("Asia/Shanghai", "America/New_York", "America/Los_Angeles", "Pacific/Honolulu",
                        "Europe/London").map(ZoneId::of),
                Arbitraries.integers().between(6, 23), Arbitraries.integers().between(1, 3)).as(Loan::new);
    }

    @Provide
    Arbitrary<List<Day>> walks() {
        // Mostly unanswered calls and quiet days, so that walks also reach the limits rather than sit behind them.
        Arbitrary<String> outcome = Arbitraries.frequency(Tuple.of(10, "NO_ANSWER"), Tuple.of(2, "WRONG_NUMBER"),
                Tuple.of(1, "RIGHT_PARTY_CONTACT"), Tuple.of(1, "REFUSED_TO_PAY"), Tuple.of(1, "CANNOT_PAY"));
        Arbitrary<Integer> calls = Arbitraries.frequency(Tuple.of(12, 0), Tuple.of(4, 1), Tuple.of(2, 2),
                Tuple.of(1, 3), Tuple.of(1, 4));
        Arbitrary<Day> day = Combinators.combine(Arbitraries.integers().between(60, 24 * 60 - 1), calls)
                .flatAs((decision, n) -> Combinators.combine(Arbitraries.integers().between(0, decision - 1), outcome)
                        .as((minute, o) -> new Outcome(0, minute, o)).list().ofSize(n)
                        .map(list -> new Day(decision, list)));
        return day.list().ofSize(DAYS);
    }

    @Property(tries = 60)
    void no_sequence_of_decisions_issues_a_call_task_beyond_the_call_limits(@ForAll("loans") Loan loan,
                                                                            @ForAll("walks") List<Day> walk) {
        World w = new World(loan);
        List<Call> agents = new ArrayList<>();
        for (int d = 0; d < walk.size(); d++) {
            LocalDate date = DUE.plusDays(d + 1L);
            Day day = walk.get(d);
            for (int i = 0; i < day.outcomes().size(); i++) {
                Outcome o = day.outcomes().get(i);
                Instant at = date.atStartOfDay(loan.zone()).plusMinutes(o.minute()).toInstant();
                w.ingest(at, outcomeEvent("O-" + d + "-" + i, at, o.outcome()));
                agents.add(new Call(at, CONVERSATIONS.contains(o.outcome()), false));
            }
            w.clock.now = date.atStartOfDay(loan.zone()).plusMinutes(day.decisionMinute()).toInstant();
            w.useCase.decide(World.LOAN, date);
        }
        List<Instant> tasks = w.callTasksIssued();
        assertThat(w.published.stream().filter(a -> a.action().equals("CALL_TASK")).count())
                .as("every call task published is one the state counts as an attempt").isEqualTo(tasks.size());
        // A walk may place none (a call time in quiet hours on a ladder that moves daily is deferred, then replaced
        // by the next day's task); the coverage check below makes sure most walks do place calls.
        Statistics.collect(tasks.isEmpty() ? "no call task" : "call tasks");
        Statistics.coverage(c -> c.check("call tasks").percentage(p -> p > 25));
        check(loan, agents, tasks);
        checkRecordedEvaluations(w.store.decisions(World.LOAN));
    }

    @Example
    void with_an_agent_calling_daily_a_us_borrower_still_gets_no_more_than_seven_calls_in_seven_days() {
        Loan loan = new Loan("US", ZoneId.of("America/New_York"), 9, 1);
        World w = new World(loan);
        List<Call> agents = new ArrayList<>();
        for (int d = 0; d < 21; d++) {
            LocalDate date = DUE.plusDays(d + 1L);
            Instant at = date.atTime(8, 30).atZone(loan.zone()).toInstant();
            w.ingest(at, outcomeEvent("O-" + d, at, "NO_ANSWER"));
            agents.add(new Call(at, false, false));
            w.clock.now = date.atTime(8, 45).atZone(loan.zone()).toInstant();
            w.useCase.decide(World.LOAN, date);
        }
        List<Instant> tasks = w.callTasksIssued();
        check(loan, agents, tasks);
        // 21 agent calls and 21 requests in 21 days: the 7-in-7 limit leaves room for only some of the requests.
        assertThat(tasks).hasSizeBetween(1, 20);
        assertThat(w.store.decisions(World.LOAN)).flatExtracting(EscalationDecision::actions)
                .filteredOn(a -> a.status() == ActionStatus.DEFERRED).extracting(PlannedAction::rule)
                .isNotEmpty().containsOnly("callFrequency");
    }

    @Example
    void after_three_conversations_on_a_day_a_cn_call_task_waits_for_eight_the_next_morning() {
        Loan loan = new Loan("CN", ZoneId.of("Asia/Shanghai"), 9, 2);
        World w = new World(loan);
        LocalDate date = DUE.plusDays(1);
        for (int i = 0; i < 3; i++) {
            Instant at = date.atTime(8, 10 * i).atZone(loan.zone()).toInstant();
            w.ingest(at, outcomeEvent("O-" + i, at, "RIGHT_PARTY_CONTACT"));
        }
        w.clock.now = date.atTime(8, 45).atZone(loan.zone()).toInstant();
        PlannedAction call = w.useCase.decide(World.LOAN, date).decision().actions().get(0);

        assertThat(call.status()).isEqualTo(ActionStatus.DEFERRED);
        assertThat(call.rule()).isEqualTo("dailyConversationLimit");
        assertThat(call.until()).isEqualTo(date.plusDays(1).atTime(8, 0).atZone(loan.zone()).toInstant());
        assertThat(call.contact().rulePack()).isEqualTo("CN");
        assertThat(call.contact().verdicts()).extracting(v -> v.rule() + "=" + v.decision().outcome())
                .contains("dailyConversationLimit=DEFER", "quietHours=ALLOW", "optOut=ALLOW");
        assertThat(w.published).isEmpty();
        // The next morning (no ladder step that day) the deferred task is asked again and released for the ladder's
        // call time, 09:00, which is after the 08:00 the pack named.
        Instant nineNextDay = date.plusDays(1).atTime(9, 0).atZone(loan.zone()).toInstant();
        w.clock.now = date.plusDays(1).atTime(7, 0).atZone(loan.zone()).toInstant();
        assertThat(w.useCase.decide(World.LOAN, date.plusDays(1)).actionsPublished()).isEqualTo(1);
        assertThat(w.published).extracting(CollectionsAction::reason).singleElement().asString()
                .contains("rule pack CN").contains("allows a call at " + nineNextDay);
        assertThat(w.callTasksIssued()).containsExactly(nineNextDay);
    }

    /** Each call task against the calls before it, counted in the borrower's local dates. */
    private static void check(Loan loan, List<Call> agents, List<Instant> tasks) {
        List<Call> all = new ArrayList<>(agents);
        tasks.forEach(t -> all.add(new Call(t, false, true)));
        all.sort(Comparator.comparing(Call::at));
        LocalTime quietFrom = LocalTime.of(loan.jurisdiction().equals("CN") ? 22 : 21, 0);
        for (Instant t : tasks) {
            LocalDate day = t.atZone(loan.zone()).toLocalDate();
            LocalTime time = t.atZone(loan.zone()).toLocalTime();
            assertThat(time.isBefore(LocalTime.of(8, 0)) || !time.isBefore(quietFrom))
                    .as("call task at %s local is in quiet hours", t.atZone(loan.zone())).isFalse();
            List<Call> before = all.stream().filter(c -> c.at().isBefore(t)).toList();
            if (loan.jurisdiction().equals("CN")) {
                long talks = before.stream().filter(Call::conversation)
                        .filter(c -> c.at().atZone(loan.zone()).toLocalDate().equals(day)).count();
                assertThat(talks).as("conversations on %s before the call task at %s", day, t).isLessThan(3);
            } else {
                LocalDate first = day.minusDays(6);
                long placed = before.stream().filter(c -> !c.at().atZone(loan.zone()).toLocalDate().isBefore(first))
                        .count();
                assertThat(placed).as("calls within the 7 days %s..%s before the call task at %s", first, day, t)
                        .isLessThan(7);
                assertThat(before.stream().filter(Call::conversation)
                        .map(c -> c.at().atZone(loan.zone()).toLocalDate()).filter(c -> !c.isBefore(first)))
                        .as("a conversation within the 7 days before the call task at %s", t).isEmpty();
            }
        }
    }

    /** Every call task carries the pack's evaluation, and its status follows the pack's decision. */
    private static void checkRecordedEvaluations(List<EscalationDecision> decisions) {
        for (EscalationDecision d : decisions) {
            for (PlannedAction a : d.actions()) {
                assertThat(a.contact()).as("the evaluation on %s", a.actionId()).isNotNull();
                assertThat(a.contact().verdicts()).isNotEmpty();
                ContactDecision c = a.contact().decision();
                ActionStatus expected = c instanceof ContactDecision.Defer ? ActionStatus.DEFERRED
                        : c instanceof ContactDecision.Suppress ? ActionStatus.SKIPPED : ActionStatus.PUBLISHED;
                assertThat(a.status() == ActionStatus.PENDING ? ActionStatus.PUBLISHED : a.status())
                        .isEqualTo(expected);
            }
        }
    }

    private static String outcomeEvent(String eventId, Instant at, String outcome) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"ContactOutcomeRecorded\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"" + at + "\",\"loanId\":\"" + World.LOAN + "\",\"payload\":{\"channel\":\"CALL\","
                + "\"at\":\"" + at + "\",\"outcome\":\"" + outcome + "\",\"agentId\":\"A-1\"}}";
    }

    /** The escalation step on in-memory stores, with a ladder that asks for a call every {@code gap} days past due. */
    private static final class World {
        static final String LOAN = "L-CALLS";

        final MutableClock clock = new MutableClock();
        final InMemoryLoanRepository loans = new InMemoryLoanRepository(4);
        final InMemoryEscalationStore store = new InMemoryEscalationStore();
        final List<CollectionsAction> published = new ArrayList<>();
        final CollectionsSettings settings = CollectionsSettings.of(CONFIG.products(), DelinquencyPolicy.DEFAULT, 4);
        final EscalationDecisionUseCase useCase;

        World(Loan loan) {
            boolean cn = loan.jurisdiction().equals("CN");
            String product = cn ? "CONSUMER-INSTALMENT" : "US-CONSUMER-INSTALMENT";
            String currency = cn ? "CNY" : "USD";
            List<LadderStep> steps = new ArrayList<>();
            // Between steps no move is made, so a deferred call task is asked again (and released) on those days.
            for (int dpd = 1; dpd <= DAYS + 5; dpd += loan.gap()) {
                steps.add(new LadderStep("CALL_" + dpd, "CALL-" + dpd, "CALL_TASK", null,
                        List.of(new StepCondition.MinDaysPastDue(dpd)), dpd * 100));
            }
            EscalationLadder ladder = new EscalationLadder(product, steps, null, Map.of(), 3,
                    LocalTime.of(loan.callHour(), 0));
            ActionPublisher publisher = a -> {
                published.add(a);
                return ActionPublisher.Outcome.PUBLISHED;
            };
            useCase = new EscalationDecisionUseCase(loans, store, publisher, CONFIG.contactPolicy(),
                    new EscalationLadders(Map.of(product, ladder)), settings, clock);
            Money principal = Money.of("6000.00", currency);
            LoanTerms terms = new LoanTerms(LOAN, "B-CALLS", product, Currency.getInstance(currency),
                    loan.jurisdiction(), loan.zone(), principal, DUE.minusMonths(1),
                    List.of(new ScheduledInstallment(1, DUE, principal, Money.of("0.00", currency),
                            Money.of("0.00", currency))));
            Instant booked = DUE.minusMonths(1).atTime(10, 0).atZone(loan.zone()).toInstant();
            ingest(booked, EventJson.loanBooked("E-BOOK", booked, terms));
        }

        void ingest(Instant at, String json) {
            assertThat(new IngestEventUseCase(loans, settings, Clock.fixed(at, ZoneOffset.UTC)).ingest(json))
                    .isInstanceOf(IngestOutcome.Applied.class);
        }

        /** Every call task the step issued: the instants added to the state's call tasks, in the order written. */
        List<Instant> callTasksIssued() {
            Set<Instant> seen = new HashSet<>();
            List<Instant> out = new ArrayList<>();
            for (EscalationState s : store.written()) {
                for (Instant t : s.callTasksIssued()) {
                    if (seen.add(t)) {
                        out.add(t);
                    }
                }
            }
            return out;
        }
    }

    /** A clock the walk moves; the step reads "now" for the call time of a late run. */
    private static final class MutableClock extends Clock {
        Instant now = Instant.EPOCH;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package com.overdue.collections.core.application;

import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.delinquency.DelinquencyPolicy;
import com.overdue.collections.core.escalation.EscalationDecision;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.loan.ScheduledInstallment;
import com.overdue.collections.core.port.ActionPublisher;
import com.overdue.collections.core.port.CollectionsAction;
import com.overdue.collections.core.testing.EventJson;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped CONSUMER-INSTALMENT offer OFFER-LETTER-SETTLE is made once on entering LETTER, never under a hold. */
class SettlementOfferDecisionTest {

    private static final EngineConfiguration CONFIG = EngineConfiguration.fromClasspath();
    private static final LocalDate DUE = LocalDate.of(2026, 3, 1);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String LOAN = "L-OFFER";

    private final InMemoryLoanRepository loans = new InMemoryLoanRepository(4);
    private final InMemoryEscalationStore store = new InMemoryEscalationStore();
    private final List<CollectionsAction> published = new ArrayList<>();
    private final CollectionsSettings settings = CollectionsSettings.of(CONFIG.products(), DelinquencyPolicy.DEFAULT,
            4);
    private final EscalationDecisionUseCase useCase = new EscalationDecisionUseCase(loans, store, a -> {
        published.add(a);
        return ActionPublisher.Outcome.PUBLISHED;
    }, CONFIG.contactPolicy(), CONFIG.ladders(), settings, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    SettlementOfferDecisionTest() {
        Money principal = Money.of("6000.00", "CNY");
        LoanTerms terms = new LoanTerms(LOAN, "B-OFFER", "CONSUMER-INSTALMENT", Currency.getInstance("CNY"), "CN",
                SHANGHAI, principal, DUE.minusMonths(1), List.of(new ScheduledInstallment(1, DUE, principal,
                Money.of("60.00", "CNY"), Money.of("20.00", "CNY"))));
        ingest(DUE.minusMonths(1), EventJson.loanBooked("E-BOOK", at(DUE.minusMonths(1)), terms));
    }

    @Test
    void the_offer_is_made_once_on_the_day_the_loan_enters_the_letter_stage_with_its_terms() {
        walk(45);

        List<CollectionsAction> offers = offersPublished();
        assertThat(offers).singleElement().satisfies(o -> {
            assertThat(o.stage()).isEqualTo("LETTER");
            assertThat(o.actionId()).isEqualTo("D-L-OFFER-" + o.businessDate() + "#OFFER_MADE#OFFER-LETTER-SETTLE");
            assertThat(o.reason()).contains("Settlement offer OFFER-LETTER-SETTLE: pay CNY ").contains(" by "
                    + o.businessDate().plusDays(14) + " (inclusive)");
        });
        EscalationDecision letter = store.decisions(LOAN).stream().filter(d -> d.to().equals("LETTER"))
                .findFirst().orElseThrow();
        assertThat(letter.actions()).extracting(EscalationDecision.PlannedAction::action)
                .containsExactly("LETTER", "OFFER_MADE");
        assertThat(letter.actions().get(1).rule()).isEqualTo("OFFER-LETTER-SETTLE");
        // All the fees (20.00) and half the penalty accrued so far are waived.
        Money waived = Money.of(letter.inputs().get("offer.OFFER-LETTER-SETTLE.waived"), "CNY");
        assertThat(waived.compareTo(Money.of("20.00", "CNY"))).isPositive();
        assertThat(Money.of(letter.inputs().get("offer.OFFER-LETTER-SETTLE.amountToPay"), "CNY").plus(waived))
                .isEqualTo(Money.of(letter.inputs().get("balance"), "CNY"));
        assertThat(letter.inputs()).containsEntry("offer.OFFER-LETTER-SETTLE.deadline",
                letter.businessDate().plusDays(14).toString());
    }

    @Test
    void a_re_run_of_the_offer_day_publishes_nothing_again() {
        walk(45);
        LocalDate letterDay = offersPublished().get(0).businessDate();

        EscalationDecisionUseCase.Result again = useCase.decide(LOAN, letterDay);

        assertThat(again.outcome()).isEqualTo(EscalationDecisionUseCase.Outcome.ALREADY_DECIDED);
        assertThat(again.actionsPublished()).isZero();
        assertThat(offersPublished()).hasSize(1);
    }

    @Test
    void no_offer_is_made_while_a_dispute_holds_the_escalation() {
        LocalDate opened = DUE.plusDays(20);
        ingest(opened, EventJson.disputeOpened("E-DISPUTE", at(opened), LOAN, "D-1"));

        walk(45);

        assertThat(offersPublished()).isEmpty();
        assertThat(store.decisions(LOAN)).anySatisfy(d -> assertThat(d.rule()).isEqualTo("ESC-HOLD"));
        assertThat(store.decisions(LOAN)).allSatisfy(d -> assertThat(d.actions())
                .noneMatch(a -> a.action().equals("OFFER_MADE")));
    }

    @Test
    void a_payment_of_the_amount_offered_in_time_settles_the_loan_in_every_replay_and_is_recorded_as_accepted_once() {
        walkUntilOffer();
        EscalationDecision letter = letterDecision();
        LocalDate offerDay = letter.businessDate();
        String amount = letter.inputs().get("offer.OFFER-LETTER-SETTLE.amountToPay");

        // Paid on the offer day (after the morning decision), through ingest with the offers the store keeps.
        ingest(offerDay, EventJson.paymentReceived("E-PAY", at(offerDay), LOAN, "P-1", amount, offerDay));
        var stored = loans.findLoan(LOAN).orElseThrow().position();
        assertThat(stored.isFullyPaid()).isTrue();
        assertThat(stored.conditions().waivers()).isNotEmpty().allSatisfy(w -> {
            assertThat(w.approvedBy()).isEqualTo("OFFER-LETTER-SETTLE");
            assertThat(w.on()).isEqualTo(offerDay);
        });
        // Every replay of the history sees the offer: the same settled position later on; without it, not settled.
        LoanHistoryReplay withOffers = new LoanHistoryReplay(loans, settings.replay(), store);
        LoanHistoryReplay.ParsedHistory h = withOffers.require(LOAN);
        assertThat(withOffers.replay(h.loan().terms(), h.events(), offerDay.plusDays(30)).isFullyPaid()).isTrue();
        LoanHistoryReplay without = new LoanHistoryReplay(loans, settings.replay(),
                com.overdue.collections.core.port.SettlementOffers.NONE);
        assertThat(without.replay(h.loan().terms(), h.events(), offerDay.plusDays(30)).isFullyPaid()).isFalse();

        EscalationDecisionUseCase.Result next = useCase.decide(LOAN, offerDay.plusDays(1));
        EscalationDecisionUseCase.Result again = useCase.decide(LOAN, offerDay.plusDays(1));
        walked = offerDay.plusDays(1);
        walkTo(offerDay.plusDays(20));

        assertThat(next.decision().actions()).extracting(EscalationDecision.PlannedAction::actionId)
                .contains("D-L-OFFER-" + offerDay.plusDays(1) + "#OFFER_ACCEPTED#OFFER-LETTER-SETTLE#" + offerDay);
        assertThat(next.decision().inputs()).containsEntry("offer.OFFER-LETTER-SETTLE.outcome", "ACCEPTED");
        assertThat(again.actionsPublished()).isZero();
        assertThat(published).filteredOn(a -> a.action().startsWith("OFFER_")).extracting(CollectionsAction::action)
                .containsExactly("OFFER_MADE", "OFFER_ACCEPTED");
        assertThat(store.find(LOAN).orElseThrow().offers()).singleElement().satisfies(o -> {
            assertThat(o.outcome()).isEqualTo(com.overdue.collections.core.escalation.EscalationState.OfferOutcome.ACCEPTED);
            assertThat(o.resolvedOn()).isEqualTo(offerDay.plusDays(1));
        });
    }

    @Test
    void an_offer_not_taken_up_expires_the_day_after_its_last_day_once_and_a_late_payment_gets_no_waiver() {
        walkUntilOffer();
        EscalationDecision letter = letterDecision();
        LocalDate deadline = LocalDate.parse(letter.inputs().get("offer.OFFER-LETTER-SETTLE.deadline"));
        walkTo(deadline);
        assertThat(published).noneMatch(a -> a.action().equals("OFFER_EXPIRED"));

        EscalationDecisionUseCase.Result expiry = useCase.decide(LOAN, deadline.plusDays(1));
        EscalationDecisionUseCase.Result rerun = useCase.decide(LOAN, deadline.plusDays(1));
        walked = deadline.plusDays(1);
        // Too late: the amount offered no longer settles the loan.
        String amount = letter.inputs().get("offer.OFFER-LETTER-SETTLE.amountToPay");
        ingest(deadline.plusDays(2), EventJson.paymentReceived("E-LATE", at(deadline.plusDays(2)), LOAN, "P-2",
                amount, deadline.plusDays(2)));
        walkTo(deadline.plusDays(10));

        assertThat(expiry.decision().actions()).extracting(EscalationDecision.PlannedAction::actionId)
                .containsExactly("D-L-OFFER-" + deadline.plusDays(1) + "#OFFER_EXPIRED#OFFER-LETTER-SETTLE#"
                        + letter.businessDate());
        assertThat(expiry.decision().explanation()).contains("expired: not paid by " + deadline);
        assertThat(expiry.decision().from()).isEqualTo(expiry.decision().to());
        assertThat(rerun.actionsPublished()).isZero();
        assertThat(published).filteredOn(a -> a.action().equals("OFFER_EXPIRED")).hasSize(1);
        var position = loans.findLoan(LOAN).orElseThrow().position();
        assertThat(position.isFullyPaid()).isFalse();
        assertThat(position.conditions().waivers()).isEmpty();
    }

    private EscalationDecision letterDecision() {
        return store.decisions(LOAN).stream().filter(d -> d.to().equals("LETTER")).findFirst().orElseThrow();
    }

    /** The last business date decided by {@link #walkUntilOffer} or {@link #walkTo}. */
    private LocalDate walked;

    private void walkUntilOffer() {
        for (walked = DUE.plusDays(1); offersPublished().isEmpty(); walked = walked.plusDays(1)) {
            assertThat(walked).isBefore(DUE.plusDays(60));
            useCase.decide(LOAN, walked);
        }
        walked = walked.minusDays(1);
    }

    private void walkTo(LocalDate last) {
        for (LocalDate d = walked.plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            useCase.decide(LOAN, d);
            walked = d;
        }
    }

    private void walk(int days) {
        for (int d = 1; d <= days; d++) {
            useCase.decide(LOAN, DUE.plusDays(d));
        }
    }

    private List<CollectionsAction> offersPublished() {
        return published.stream().filter(a -> a.action().equals("OFFER_MADE")).toList();
    }

    private static Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(SHANGHAI).toInstant();
    }

    private void ingest(LocalDate day, String json) {
        assertThat(new IngestEventUseCase(loans, store, settings, Clock.fixed(at(day), ZoneOffset.UTC)).ingest(json))
                .isInstanceOf(IngestOutcome.Applied.class);
    }
}

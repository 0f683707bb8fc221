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
        assertThat(new IngestEventUseCase(loans, settings, Clock.fixed(at(day), ZoneOffset.UTC)).ingest(json))
                .isInstanceOf(IngestOutcome.Applied.class);
    }
}

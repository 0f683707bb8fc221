package com.overdue.collections.core.product;

import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.config.ConfigSource;

import static com.overdue.collections.core.testing.LoanFixtures.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.overdue.collections.core.application.CollectionsSettings;
import com.overdue.collections.core.application.IngestEventUseCase;
import com.overdue.collections.core.application.IngestOutcome;
import com.overdue.collections.core.ingest.EventRejection;
import com.overdue.collections.core.product.AllocationRule;
import com.overdue.collections.core.ledger.LoanLedger;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.loan.ScheduledInstallment;
import com.overdue.collections.core.port.LoanChange;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.ReviewPage;
import com.overdue.collections.core.port.StoredEvent;
import com.overdue.collections.core.testing.EventJson;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Product configuration from infra/config/products and rates (RULES §3, §4), and what happens without it. */
class ProductConfigurationTest {

    private static final LocalDate JAN_15 = LocalDate.of(2026, 1, 15);
    private final ProductCatalog catalog = EngineConfiguration.products(ConfigSource.classpath());

    private static LoanTerms loan(String loanId, String productCode, String currency) {
        ScheduledInstallment i = new ScheduledInstallment(1, LocalDate.of(2026, 2, 15), Money.of("1000.00", currency),
                Money.of("0.00", currency), Money.of("0.00", currency));
        return new LoanTerms(loanId, "B-" + loanId, productCode, Currency.getInstance(currency), "CN",
                ZoneId.of("Asia/Shanghai"), i.principal(), JAN_15, List.of(i));
    }

    private static IngestOutcome ingest(LoanRepository repository, LoanTerms terms) {
        return new IngestEventUseCase(repository, CollectionsSettings.defaults(4),
                Clock.fixed(shanghai(JAN_15, 12), ZoneOffset.UTC))
                .ingest(EventJson.loanBooked("E-" + terms.loanId(), shanghai(JAN_15, 10), terms));
    }

    @Test
    void the_cn_product_reads_its_penalty_allocation_and_promise_terms_from_configuration() {
        Product cn = catalog.product("CONSUMER-INSTALMENT");
        PenaltyTerms p = cn.penalty();

        assertThat(cn.jurisdiction()).isEqualTo("CN");
        assertThat(cn.currency()).isEqualTo("CNY");
        assertThat(p.annualRate()).isEqualByComparingTo("0.1825");
        assertThat(p.basis()).isEqualTo(DayCountBasis.ACT_365);
        assertThat(p.graceDays()).isEqualTo(3);
        assertThat(p.backdateAfterGrace()).isFalse();
        assertThat(p.maxPenaltyPercentOfPrincipal()).isEqualByComparingTo("50");
        assertThat(p.penaltyOnOverdueInterest()).isFalse();
        assertThat(p.pauseWhileHardship()).isTrue();
        assertThat(p.pauseWhileDispute()).isTrue();
        assertThat(p.maxAnnualRate()).isInstanceOfSatisfying(PenaltyTerms.MultipleCap.class, cap -> {
            assertThat(cap.multiple()).isEqualByComparingTo("4");
            assertThat(cap.series().name()).isEqualTo("CN-LPR-1Y");
        });
        assertThat(cn.allocation()).isEqualTo(AllocationRule.DEFAULT);
        assertThat(cn.promiseHoldGraceDays()).isEqualTo(2);
    }

    @Test
    void the_lpr_in_force_is_the_latest_value_effective_on_or_before_the_day() {
        RateSeries lpr = ((PenaltyTerms.MultipleCap) catalog.product("CONSUMER-INSTALMENT").penalty()
                .maxAnnualRate()).series();

        assertThat(lpr.rateOn(LocalDate.of(2024, 10, 21))).isEqualByComparingTo("0.0310");
        assertThat(lpr.rateOn(LocalDate.of(2025, 5, 19))).isEqualByComparingTo("0.0310");
        assertThat(lpr.rateOn(LocalDate.of(2025, 5, 20))).isEqualByComparingTo("0.0300");
        assertThat(lpr.rateOn(LocalDate.of(2027, 1, 1))).isEqualByComparingTo("0.0300");
        // Before the first value there is no rate: an error, never a guess.
        assertThatThrownBy(() -> lpr.rateOn(LocalDate.of(2024, 10, 20))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CN-LPR-1Y").hasMessageContaining("2024-10-20");
    }

    @Test
    void the_us_product_caps_at_a_fixed_rate_on_act_360() {
        PenaltyTerms us = catalog.product("US-CONSUMER-INSTALMENT").penalty();

        assertThat(us.basis()).isEqualTo(DayCountBasis.ACT_360);
        assertThat(us.graceDays()).isEqualTo(10);
        // 10 % contractual is under the 18 % cap
        assertThat(us.effectiveAnnualRate(JAN_15)).isEqualByComparingTo("0.10");
        assertThat(us.maxAnnualRate()).isEqualTo(new PenaltyTerms.FixedCap(new BigDecimal("0.18")));
    }

    @Test
    void an_unconfigured_product_code_is_an_error_naming_the_code_and_the_configured_ones() {
        assertThat(catalog.contains("SME-REVOLVING")).isFalse();
        assertThatThrownBy(() -> catalog.product("SME-REVOLVING")).isInstanceOf(UnknownProductException.class)
                .hasMessage("no configuration for product \"SME-REVOLVING\" (configured: [CONSUMER-INSTALMENT, "
                        + "US-CONSUMER-INSTALMENT])");
        LoanLedger ledger = new LoanLedger(catalog);
        assertThatThrownBy(() -> ledger.open(loan("L-X", "SME-REVOLVING", "CNY")))
                .isInstanceOf(UnknownProductException.class);
    }

    @Test
    void a_loan_of_an_unconfigured_product_is_rejected_at_ingestion_and_nothing_is_stored() {
        RecordingRepository repository = new RecordingRepository();

        IngestOutcome outcome = ingest(repository, loan("L-X", "SME-REVOLVING", "CNY"));

        assertThat(outcome).isInstanceOfSatisfying(IngestOutcome.Rejected.class, r -> {
            EventRejection rejection = r.rejection();
            assertThat(rejection.field()).isEqualTo("payload.productCode");
            assertThat(rejection.reason()).isEqualTo("names no configured product (configured: "
                    + "[CONSUMER-INSTALMENT, US-CONSUMER-INSTALMENT])");
            assertThat(rejection.loanId()).isEqualTo("L-X");
        });
        assertThat(repository.saved).isEmpty();
    }

    @Test
    void a_loan_in_another_currency_than_its_product_is_rejected_at_ingestion() {
        RecordingRepository repository = new RecordingRepository();

        // CONSUMER-INSTALMENT lends in CNY; booked in USD.
        IngestOutcome outcome = ingest(repository, loan("L-U", "CONSUMER-INSTALMENT", "USD"));

        assertThat(outcome).isInstanceOfSatisfying(IngestOutcome.Rejected.class, r -> {
            assertThat(r.rejection().field()).isEqualTo("payload.currency");
            assertThat(r.rejection().reason()).contains("CNY").contains("USD");
        });
        assertThat(repository.saved).isEmpty();
    }

    @Test
    void a_configured_product_is_booked() {
        RecordingRepository repository = new RecordingRepository();

        IngestOutcome outcome = ingest(repository, loan("L-C", "CONSUMER-INSTALMENT", "CNY"));

        assertThat(outcome).isInstanceOf(IngestOutcome.Applied.class);
        assertThat(repository.saved).singleElement().satisfies(c ->
                assertThat(c.record().terms().productCode()).isEqualTo("CONSUMER-INSTALMENT"));
    }

    /** A repository that has nothing and records what would be saved. */
    private static final class RecordingRepository implements LoanRepository {
        final List<LoanChange> saved = new ArrayList<>();

        @Override
        public Optional<LoanRecord> findLoan(String loanId) {
            return Optional.empty();
        }

        @Override
        public List<StoredEvent> findEvents(String loanId) {
            return List.of();
        }

        @Override
        public void save(LoanChange change) {
            saved.add(change);
        }

        @Override
        public ReviewPage findDueForReview(String timeZone, int shard, LocalDate date, String cursor, int limit) {
            return new ReviewPage(List.of(), null);
        }
    }
}

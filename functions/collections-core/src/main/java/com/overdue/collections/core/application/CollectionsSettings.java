package com.overdue.collections.core.application;

import com.overdue.collections.core.delinquency.DelinquencyEvaluator;
import com.overdue.collections.core.delinquency.DelinquencyPolicy;
import com.overdue.collections.core.ingest.LoanReplay;
import com.overdue.collections.core.ledger.LoanLedger;
import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.config.ConfigSource;
import com.overdue.collections.core.product.ProductCatalog;
import com.overdue.collections.core.reminder.ReminderCadence;

import java.util.Set;
import java.util.stream.Collectors;

/** The engine's rule objects built once from configuration and shared by the use cases. */
public record CollectionsSettings(ProductCatalog products, LoanLedger ledger, LoanReplay replay,
                                  DelinquencyEvaluator evaluator, ReviewSchedule reviewSchedule) {

    /** Without the courtesy reminder for any product. */
    public static CollectionsSettings of(ProductCatalog products, DelinquencyPolicy delinquency, int reviewShards) {
        return of(products, delinquency, reviewShards, null);
    }

    /**
     * With the courtesy reminder for the products that enable it, when the cadence's courtesy is on ({@code null}:
     * off): its {@code daysBeforeDue} sets the extra review of those products' loans.
     */
    public static CollectionsSettings of(ProductCatalog products, DelinquencyPolicy delinquency, int reviewShards,
                                         ReminderCadence.Courtesy courtesy) {
        LoanLedger ledger = new LoanLedger(products);
        Set<String> courtesyProducts = courtesy == null || !courtesy.enabled() ? Set.of()
                : products.productCodes().stream().filter(c -> products.product(c).courtesyReminder())
                .collect(Collectors.toUnmodifiableSet());
        return new CollectionsSettings(products, ledger, new LoanReplay(ledger), new DelinquencyEvaluator(delinquency),
                new ReviewSchedule(reviewShards, courtesyProducts, courtesy == null ? 0 : courtesy.daysBeforeDue()));
    }

    /** The products of {@code config/products} and the default delinquency buckets. */
    public static CollectionsSettings defaults(int reviewShards) {
        return of(EngineConfiguration.products(ConfigSource.classpath()), DelinquencyPolicy.DEFAULT, reviewShards);
    }
}

package com.overdue.collections.core.application;

import com.overdue.collections.core.delinquency.DelinquencyEvaluator;
import com.overdue.collections.core.delinquency.DelinquencyPolicy;
import com.overdue.collections.core.ingest.LoanReplay;
import com.overdue.collections.core.ledger.LoanLedger;
import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.config.ConfigSource;
import com.overdue.collections.core.product.ProductCatalog;

/** The engine's rule objects built once from configuration and shared by the use cases. */
public record CollectionsSettings(ProductCatalog products, LoanLedger ledger, LoanReplay replay,
                                  DelinquencyEvaluator evaluator, ReviewSchedule reviewSchedule) {

    public static CollectionsSettings of(ProductCatalog products, DelinquencyPolicy delinquency, int reviewShards) {
        LoanLedger ledger = new LoanLedger(products);
        return new CollectionsSettings(products, ledger, new LoanReplay(ledger), new DelinquencyEvaluator(delinquency),
                new ReviewSchedule(reviewShards));
    }

    /** The products of {@code config/products} and the default delinquency buckets. */
    public static CollectionsSettings defaults(int reviewShards) {
        return of(EngineConfiguration.products(ConfigSource.classpath()), DelinquencyPolicy.DEFAULT, reviewShards);
    }
}

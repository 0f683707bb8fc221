package com.overdue.collections.core.testing;

import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.config.ConfigSource;

import com.overdue.collections.core.product.AllocationRule;
import com.overdue.collections.core.product.DayCountBasis;
import com.overdue.collections.core.product.PenaltyTerms;
import com.overdue.collections.core.product.Product;
import com.overdue.collections.core.product.ProductCatalog;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Product catalogs for tests. {@link #configured()} is the real configuration of {@code infra/config/products}.
 * {@link #withoutPenalty(AllocationRule)} defines the fixtures' product {@code CONSUMER-INSTALMENT} with a 0 %
 * penalty rate, for tests about allocation, ageing and replay that must not be disturbed by penalty accruing.
 */
public final class TestProducts {

    public static final String CN_PRODUCT = "CONSUMER-INSTALMENT";

    private TestProducts() {
    }

    public static ProductCatalog configured() {
        return EngineConfiguration.products(ConfigSource.classpath());
    }

    public static ProductCatalog withoutPenalty(AllocationRule allocation) {
        return catalog(penalty("0", DayCountBasis.ACT_365, 0, false, "1", "100", false, false, false), allocation);
    }

    /** A catalog with one product, {@code CONSUMER-INSTALMENT} in CNY, with the given penalty terms. */
    public static ProductCatalog catalog(PenaltyTerms penalty, AllocationRule allocation) {
        return new ProductCatalog(Map.of(CN_PRODUCT, new Product(CN_PRODUCT, "CN", "CNY", penalty, allocation, 2)));
    }

    /** A catalog of the given products. */
    public static ProductCatalog catalog(Product... products) {
        Map<String, Product> map = new java.util.HashMap<>();
        for (Product p : products) {
            map.put(p.productCode(), p);
        }
        return new ProductCatalog(map);
    }

    /** Penalty terms with a fixed rate cap. */
    public static PenaltyTerms penalty(String annualRate, DayCountBasis basis, int graceDays, boolean backdate,
                                       String fixedCap, String maxPercentOfPrincipal, boolean onInterest,
                                       boolean pauseWhileHardship, boolean pauseWhileDispute) {
        return new PenaltyTerms(new BigDecimal(annualRate), basis, graceDays, backdate,
                new PenaltyTerms.FixedCap(new BigDecimal(fixedCap)), new BigDecimal(maxPercentOfPrincipal),
                onInterest, pauseWhileHardship, pauseWhileDispute);
    }
}

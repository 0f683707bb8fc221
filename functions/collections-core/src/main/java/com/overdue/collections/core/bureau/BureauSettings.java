package com.overdue.collections.core.bureau;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Credit-bureau reporting configuration ({@code infra/config/bureau/reporting.json}): the furnisher, the cycle, the
 * notice rule per jurisdiction and how each product is reported. Loaded and checked by the configuration package.
 */
public record BureauSettings(FurnisherProfile furnisher, ReportingCycle cycle, Map<String, NoticeRule> noticeRules,
                             Map<String, ProductReporting> products) {

    public BureauSettings {
        Objects.requireNonNull(furnisher, "furnisher");
        Objects.requireNonNull(cycle, "cycle");
        noticeRules = Map.copyOf(noticeRules);
        products = Map.copyOf(products);
    }

    /** How the product is reported; empty when the configuration does not name it. */
    public Optional<ProductReporting> product(String productCode) {
        return Optional.ofNullable(products.get(productCode));
    }

    /** The jurisdiction's rule; a jurisdiction not configured gets the stricter one (notice before the report). */
    public NoticeRule noticeRule(String jurisdiction) {
        return noticeRules.getOrDefault(jurisdiction, NoticeRule.BEFORE_REPORT);
    }

    public BureauSettings withCycle(ReportingCycle newCycle) {
        return new BureauSettings(furnisher, newCycle, noticeRules, products);
    }
}

package com.overdue.collections.core.bureau;

import com.overdue.collections.core.metro2.EcoaCode;
import com.overdue.collections.core.metro2.PortfolioType;
import com.overdue.collections.core.metro2.TermsFrequency;

import java.util.Objects;

/**
 * How a product's loans are reported: in the Metro 2 file with its portfolio and account type, or not at all
 * (e.g. CN consumer loans, which go to the PBOC credit reference centre in its own format, not to US bureaus).
 */
public record ProductReporting(String productCode, boolean metro2, PortfolioType portfolioType, String accountType,
                               TermsFrequency termsFrequency, EcoaCode ecoaCode) {

    public ProductReporting {
        Objects.requireNonNull(productCode, "productCode");
        if (metro2) {
            Objects.requireNonNull(portfolioType, "portfolioType");
            Objects.requireNonNull(accountType, "accountType");
            Objects.requireNonNull(termsFrequency, "termsFrequency");
            Objects.requireNonNull(ecoaCode, "ecoaCode");
        }
    }

    public static ProductReporting notReported(String productCode) {
        return new ProductReporting(productCode, false, null, null, null, null);
    }
}

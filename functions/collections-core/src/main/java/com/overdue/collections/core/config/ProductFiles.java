package com.overdue.collections.core.config;

import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.product.AllocationRule;
import com.overdue.collections.core.product.DayCountBasis;
import com.overdue.collections.core.product.PenaltyTerms;
import com.overdue.collections.core.product.Product;
import com.overdue.collections.core.product.ProductCatalog;
import com.overdue.collections.core.product.RateSeries;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Loads {@code products/} (listed by its index) with the reference rates of {@code rates/} into a catalog. */
final class ProductFiles {

    record ProductIndex(List<String> products) {
    }

    record RateIndex(List<String> series) {
    }

    record RateSeriesFile(String series, String description, List<RateValue> values) {
    }

    record RateValue(String effectiveFrom, BigDecimal annualRate) {
    }

    record ProductFile(String productCode, String description, String jurisdiction, String currency, Penalty penalty,
                       Allocation allocation, PromiseToPay promiseToPay, Boolean courtesyReminder) {
    }

    record Penalty(BigDecimal annualRate, DayCountBasis dayCountBasis, int graceDays, boolean backdateAfterGrace,
                   Cap maxAnnualRate, BigDecimal maxPenaltyPercentOfPrincipal, boolean penaltyOnOverdueInterest,
                   boolean pauseWhileHardship, boolean pauseWhileDispute) {
    }

    /** FIXED names {@code rate}; RATE_MULTIPLE names {@code rateSeries} and {@code multiple} (the schema says which). */
    record Cap(String kind, BigDecimal rate, String rateSeries, BigDecimal multiple) {
    }

    record Allocation(List<Component> order, AllocationRule.Style style) {
    }

    record PromiseToPay(int holdGraceDays) {
    }

    private ProductFiles() {
    }

    static ProductCatalog load(ConfigReader reader) {
        Map<String, RateSeries> rates = new HashMap<>();
        for (String name : reader.read("rates/index.json", "rates/index.schema.json", RateIndex.class).value()
                .series()) {
            var file = reader.read("rates/" + name + ".json", "rates/rate-series.schema.json", RateSeriesFile.class);
            rates.put(name, rateSeries(file));
        }
        Map<String, Product> products = new HashMap<>();
        for (String name : reader.read("products/index.json", "products/index.schema.json", ProductIndex.class)
                .value().products()) {
            var file = reader.read("products/" + name + ".json", "products/product.schema.json", ProductFile.class);
            if (!file.value().productCode().equals(name)) {
                throw file.error("productCode", "\"" + file.value().productCode() + "\" does not match the file name");
            }
            products.put(name, product(file, rates));
        }
        return new ProductCatalog(products);
    }

    private static RateSeries rateSeries(ConfigReader.Parsed<RateSeriesFile> file) {
        Map<LocalDate, BigDecimal> values = new TreeMap<>();
        List<RateValue> list = file.value().values();
        for (int i = 0; i < list.size(); i++) {
            String key = "values[" + i + "].effectiveFrom";
            LocalDate from = file.date(key, list.get(i).effectiveFrom());
            if (values.put(from, list.get(i).annualRate()) != null) {
                throw file.error(key, from + " is listed twice");
            }
        }
        return new RateSeries(file.value().series(), new TreeMap<>(values));
    }

    private static Product product(ConfigReader.Parsed<ProductFile> file, Map<String, RateSeries> rates) {
        ProductFile f = file.value();
        Penalty p = f.penalty();
        Cap c = p.maxAnnualRate();
        PenaltyTerms.RateCap cap;
        if (c.kind().equals("FIXED")) {
            cap = new PenaltyTerms.FixedCap(c.rate());
        } else {
            RateSeries series = rates.get(c.rateSeries());
            if (series == null) {
                throw file.error("penalty.maxAnnualRate.rateSeries", "unknown series \"" + c.rateSeries()
                        + "\" (known: " + rates.keySet() + ")");
            }
            cap = new PenaltyTerms.MultipleCap(series, c.multiple());
        }
        PenaltyTerms penalty = new PenaltyTerms(p.annualRate(), p.dayCountBasis(), p.graceDays(),
                p.backdateAfterGrace(), cap, p.maxPenaltyPercentOfPrincipal(), p.penaltyOnOverdueInterest(),
                p.pauseWhileHardship(), p.pauseWhileDispute());
        return new Product(f.productCode(), f.jurisdiction(), f.currency(), penalty,
                new AllocationRule(f.allocation().order(), f.allocation().style()), f.promiseToPay().holdGraceDays(),
                Boolean.TRUE.equals(f.courtesyReminder()));
    }
}

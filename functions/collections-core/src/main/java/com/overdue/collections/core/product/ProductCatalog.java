package com.overdue.collections.core.product;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.overdue.collections.core.product.AllocationRule;
import com.overdue.collections.core.loan.Component;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The configured products, read once from {@code config/products/} (listed by {@code index.json}; data under
 * {@code infra/config/products} in the repository) with the reference rates of {@code config/rates/}. Every mistake
 * in a file is reported at load with the file and the key, e.g.
 * {@code config/products/X.json: penalty.graceDays: must be a whole number >= 0}.
 */
public final class ProductCatalog {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Product> products;

    public ProductCatalog(Map<String, Product> products) {
        this.products = Map.copyOf(products);
    }

    /** Loads the catalog from the class path under {@code config/}. */
    public static ProductCatalog load() {
        ClassLoader loader = ProductCatalog.class.getClassLoader();
        Map<String, RateSeries> rates = new HashMap<>();
        for (JsonNode name : read(loader, "config/rates/index.json").path("series")) {
            String file = "config/rates/" + name.asText() + ".json";
            rates.put(name.asText(), rateSeries(file, read(loader, file)));
        }
        Map<String, Product> products = new HashMap<>();
        JsonNode index = read(loader, "config/products/index.json").path("products");
        if (!index.isArray() || index.isEmpty()) {
            throw new IllegalStateException("config/products/index.json: products: must list at least one product");
        }
        for (JsonNode name : index) {
            String file = "config/products/" + name.asText() + ".json";
            Product product = product(file, read(loader, file), rates);
            if (!product.productCode().equals(name.asText())) {
                throw new IllegalStateException(file + ": productCode: \"" + product.productCode()
                        + "\" does not match the file name");
            }
            products.put(product.productCode(), product);
        }
        return new ProductCatalog(products);
    }

    public Product product(String productCode) {
        Product p = products.get(productCode);
        if (p == null) {
            throw new UnknownProductException(productCode, Collections.unmodifiableSet(new java.util.TreeSet<>(
                    products.keySet())));
        }
        return p;
    }

    public boolean contains(String productCode) {
        return products.containsKey(productCode);
    }

    public Set<String> productCodes() {
        return products.keySet();
    }

    private static JsonNode read(ClassLoader loader, String file) {
        try (InputStream in = loader.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + ": not found on the class path");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(file + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    private static RateSeries rateSeries(String file, JsonNode n) {
        Map<LocalDate, BigDecimal> values = new TreeMap<>();
        JsonNode list = n.path("values");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalStateException(file + ": values: must list at least one rate");
        }
        for (int i = 0; i < list.size(); i++) {
            String at = "values[" + i + "]";
            values.put(date(file, at + ".effectiveFrom", list.get(i).path("effectiveFrom")),
                    rate(file, at + ".annualRate", list.get(i).path("annualRate")));
        }
        return new RateSeries(text(file, "series", n.path("series")), new TreeMap<>(values));
    }

    private static Product product(String file, JsonNode n, Map<String, RateSeries> rates) {
        JsonNode p = n.path("penalty");
        JsonNode capNode = p.path("maxAnnualRate");
        PenaltyTerms.RateCap cap = switch (text(file, "penalty.maxAnnualRate.kind", capNode.path("kind"))) {
            case "FIXED" -> new PenaltyTerms.FixedCap(rate(file, "penalty.maxAnnualRate.rate", capNode.path("rate")));
            case "RATE_MULTIPLE" -> {
                String series = text(file, "penalty.maxAnnualRate.rateSeries", capNode.path("rateSeries"));
                RateSeries s = rates.get(series);
                if (s == null) {
                    throw new IllegalStateException(file + ": penalty.maxAnnualRate.rateSeries: unknown series \""
                            + series + "\" (known: " + rates.keySet() + ")");
                }
                yield new PenaltyTerms.MultipleCap(s, rate(file, "penalty.maxAnnualRate.multiple",
                        capNode.path("multiple")));
            }
            default -> throw new IllegalStateException(file + ": penalty.maxAnnualRate.kind: must be FIXED or "
                    + "RATE_MULTIPLE");
        };
        DayCountBasis basis;
        try {
            basis = DayCountBasis.valueOf(text(file, "penalty.dayCountBasis", p.path("dayCountBasis")));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": penalty.dayCountBasis: must be ACT_365 or ACT_360");
        }
        BigDecimal maxPercent = rate(file, "penalty.maxPenaltyPercentOfPrincipal",
                p.path("maxPenaltyPercentOfPrincipal"));
        PenaltyTerms penalty = new PenaltyTerms(rate(file, "penalty.annualRate", p.path("annualRate")), basis,
                whole(file, "penalty.graceDays", p.path("graceDays")),
                bool(file, "penalty.backdateAfterGrace", p.path("backdateAfterGrace")), cap, maxPercent,
                bool(file, "penalty.penaltyOnOverdueInterest", p.path("penaltyOnOverdueInterest")),
                bool(file, "penalty.pauseWhileHardship", p.path("pauseWhileHardship")),
                bool(file, "penalty.pauseWhileDispute", p.path("pauseWhileDispute")));
        JsonNode a = n.path("allocation");
        List<Component> order = new ArrayList<>();
        for (JsonNode c : a.path("order")) {
            try {
                order.add(Component.valueOf(c.asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + ": allocation.order: unknown component \"" + c.asText() + "\"");
            }
        }
        AllocationRule allocation;
        try {
            allocation = new AllocationRule(order, AllocationRule.Style.valueOf(text(file, "allocation.style",
                    a.path("style"))));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": allocation: " + e.getMessage());
        }
        return new Product(text(file, "productCode", n.path("productCode")),
                text(file, "jurisdiction", n.path("jurisdiction")), text(file, "currency", n.path("currency")),
                penalty, allocation, whole(file, "promiseToPay.holdGraceDays", n.path("promiseToPay")
                .path("holdGraceDays")));
    }

    private static String text(String file, String key, JsonNode v) {
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalStateException(file + ": " + key + ": is required (a non-empty string)");
        }
        return v.asText();
    }

    private static BigDecimal rate(String file, String key, JsonNode v) {
        try {
            BigDecimal r = new BigDecimal(text(file, key, v));
            if (r.signum() < 0) {
                throw new NumberFormatException();
            }
            return r;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + ": " + key + ": must be a non-negative decimal string");
        }
    }

    private static int whole(String file, String key, JsonNode v) {
        if (!v.isIntegralNumber() || v.asInt() < 0) {
            throw new IllegalStateException(file + ": " + key + ": must be a whole number >= 0");
        }
        return v.asInt();
    }

    private static boolean bool(String file, String key, JsonNode v) {
        if (!v.isBoolean()) {
            throw new IllegalStateException(file + ": " + key + ": must be true or false");
        }
        return v.asBoolean();
    }

    private static LocalDate date(String file, String key, JsonNode v) {
        try {
            return LocalDate.parse(text(file, key, v));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(file + ": " + key + ": must be a date yyyy-MM-dd");
        }
    }
}

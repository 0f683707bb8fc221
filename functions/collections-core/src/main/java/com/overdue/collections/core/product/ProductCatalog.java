package com.overdue.collections.core.product;

import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * The configured products by code (loaded from {@code infra/config/products} and {@code rates} by the configuration
 * package, which reports every mistake with the file and the key).
 */
public final class ProductCatalog {

    private final Map<String, Product> products;

    public ProductCatalog(Map<String, Product> products) {
        this.products = Map.copyOf(products);
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
}

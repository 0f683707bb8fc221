package com.overdue.collections.core.port;

import java.util.function.Consumer;

/**
 * Every loan in the ledger, for the monthly steps that must look at all of them (the credit-bureau export). The daily
 * steps never use it: they read the sparse review index.
 */
public interface LoanCatalog {

    /**
     * Calls {@code action} once per loan. An implementation may call it from several threads at once (a parallel
     * scan), so the action must be thread-safe.
     */
    void forEachLoan(Consumer<LoanRecord> action);
}

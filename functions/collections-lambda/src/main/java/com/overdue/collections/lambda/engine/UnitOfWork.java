package com.overdue.collections.lambda.engine;

import com.overdue.collections.lambda.dynamodb.LoanPartitionScope;

import java.util.function.Supplier;

/**
 * One unit of work of a function (an SQS message, a work item): inside it the loan's partition is read once and
 * shared by everything the use case reads of that loan ({@link LoanPartitionScope}). The functions open it through
 * this class so that they stay out of the storage adapters' package.
 */
public final class UnitOfWork {

    private UnitOfWork() {
    }

    /** Runs {@code work} as one unit of work and returns its result. */
    public static <T> T call(Supplier<T> work) {
        return LoanPartitionScope.call(work);
    }

    /** Runs {@code work} as one unit of work. */
    public static void run(Runnable work) {
        LoanPartitionScope.run(work);
    }

    /**
     * Runs the work item of {@code businessDate} as one unit of work: the loan's read brings the penalty postings
     * from the day before on (the latest one, normally), not the whole posting history.
     */
    public static void runWorkItem(java.time.LocalDate businessDate, Runnable work) {
        LoanPartitionScope.run(businessDate.minusDays(1), work);
    }
}

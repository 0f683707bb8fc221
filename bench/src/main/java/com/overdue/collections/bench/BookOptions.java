package com.overdue.collections.bench;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The options {@code bench scan} and {@code bench accrual} share (a picocli mixin): the shape of the book, the zone
 * and first business date scanned, where the figures go and which consumed capacity DynamoDB Local is asked for.
 */
final class BookOptions {

    @Option(paramLabel = "N", names = "--installments", defaultValue = "12",
            description = "Installments per loan (default: ${DEFAULT-VALUE}).")
    int installments;
    @Option(paramLabel = "N", names = "--shards", defaultValue = "16",
            description = "Review index shards (default: ${DEFAULT-VALUE}).")
    int shards;
    @Option(paramLabel = "ZONE", names = "--zone", defaultValue = "America/New_York",
            description = "Zone scanned (default: ${DEFAULT-VALUE}).")
    ZoneId zone;
    @Option(paramLabel = "yyyy-MM-dd", names = "--business-date", defaultValue = "2026-06-15",
            description = "First business date (default: ${DEFAULT-VALUE}).")
    LocalDate businessDate;
    @Option(paramLabel = "FILE", names = "--results", defaultValue = "bench/RESULTS.md",
            description = "Where the figures are written (default: ${DEFAULT-VALUE}).")
    Path results;
    @Option(paramLabel = "INDEXES|TOTAL", names = "--capacity", defaultValue = "INDEXES",
            description = "ReturnConsumedCapacity: INDEXES or TOTAL (default: ${DEFAULT-VALUE}).")
    ReturnConsumedCapacity mode;

    /** Refuses, with the command's usage, a book without installments or shards. */
    void validate(CommandSpec spec) {
        BenchCli.atLeast(spec, "--installments", installments, 1);
        BenchCli.atLeast(spec, "--shards", shards, 1);
    }
}

package com.overdue.collections.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's DynamoDB request budget, read from the summary a small demo writes. Request counts do not
 * depend on the machine, so this is a plain test; the wall time is in bench/RESULTS.md, never asserted.
 *
 * <p>The whole-run figure (at most 4 requests per event + work item) is measured on the default demo (1,000 loans,
 * 90 days) in bench/RESULTS.md. A run this small cannot show it: the scans' 16 index shards per zone and day and the
 * hourly sweep's shards cost the same for 100 loans as for 1,000. So this test checks each cost at its own unit:
 * what the workers spend per work item, ingestion per event, the sweep per run.
 */
class DemoRequestBudgetTest {

    private static JsonNode summary;
    private static long events;

    @BeforeAll
    static void run_a_small_demo() throws Exception {
        LocalDate from = LocalDate.of(2026, 9, 1);
        LocalDate to = from.plusDays(29);
        List<String> lines = new DemoPortfolio(42, from, to).events(100);
        Path out = Paths.get(System.getProperty("basedir", "."), "target", "demo-request-budget");
        new Simulation(LocalTime.of(6, 0), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                0).run(lines, from, to, out);
        summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        events = lines.size();
    }

    @Test
    void the_summary_prints_requests_per_event_and_work_item() {
        JsonNode budget = summary.path("dynamoDbBudget");
        long perOperation = 0;
        for (JsonNode n : summary.path("dynamoDbRequests")) {
            perOperation += n.asLong();
        }
        assertThat(budget.path("workItems").asLong()).isPositive();
        assertThat(budget.path("events").asLong()).isPositive().isLessThanOrEqualTo(events);
        assertThat(budget.path("requests").asLong()).isEqualTo(perOperation);
        double expected = (double) perOperation / (budget.path("events").asLong() + budget.path("workItems").asLong());
        assertThat(budget.path("requestsPerEventAndWorkItem").asDouble()).isCloseTo(expected, Offset.offset(0.005));
    }

    @Test
    void the_three_workers_read_a_loan_once_and_its_borrower_once_per_work_item() {
        // Before: 6 Queries and 2.5 GetItems per work item (the loan with its events twice, the latest posting, the
        // escalation state twice, the loan again, the borrower's loans, rounds and message one Query each).
        long items = summary.path("dynamoDbBudget").path("workItems").asLong();
        double reads = 0;
        for (String worker : List.of("penaltyAccrual", "reminderFanOut", "escalationDecision")) {
            reads += requests(worker, "Query") + requests(worker, "GetItem");
        }
        assertThat(reads / items).as("reads per work item, three workers").isLessThanOrEqualTo(2.3);
        assertThat((double) total("penaltyAccrual", "reminderFanOut", "escalationDecision") / items)
                .as("requests per work item, three workers").isLessThanOrEqualTo(3.5);
    }

    @Test
    void ingestion_reads_the_loan_once_per_event() {
        long ingest = summary.path("invocationsByFunction").path("ingestEvents").asLong();
        assertThat(ingest).isPositive();
        // One Query of the loan's partition per event (was a Query and a GetItem of the escalation state); a booking
        // also reads the borrower's profile (GetItem), which a booking of 100 loans in 339 events does 100 times.
        assertThat((double) requests("ingestEvents", "Query") / ingest).isLessThanOrEqualTo(1.0);
        assertThat((double) (requests("ingestEvents", "Query") + requests("ingestEvents", "GetItem")) / ingest)
                .isLessThanOrEqualTo(1.35);
    }

    @Test
    void a_sweep_with_nothing_due_queries_each_contact_shard_and_the_outbox_once() {
        long sweeps = summary.path("invocationsByFunction").path("contactSweep").asLong();
        assertThat(sweeps).isPositive();
        // 4 contact shards + 1 outbox shard + the Metro 2 files (was 4 + 4 + 1); paging adds a little.
        assertThat((double) requests("contactSweep", "Query") / sweeps).isLessThanOrEqualTo(6.2);
    }

    private static long requests(String function, String operation) {
        return summary.path("dynamoDbRequestsByFunction").path(function + " " + operation).asLong();
    }

    private static long total(String... functions) {
        long sum = 0;
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>)
                () -> summary.path("dynamoDbRequestsByFunction").fields()) {
            for (String f : functions) {
                if (e.getKey().startsWith(f + " ")) {
                    sum += e.getValue().asLong();
                }
            }
        }
        return sum;
    }
}

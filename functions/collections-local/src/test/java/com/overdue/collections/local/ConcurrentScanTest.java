package com.overdue.collections.local;

import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.WorkItem;
import com.overdue.collections.emulators.EmbeddedDynamoDb;
import com.overdue.collections.emulators.UsLoanEvents;
import com.overdue.collections.lambda.dynamodb.LoanTable;
import com.overdue.collections.lambda.engine.CollectionsEngine;
import com.overdue.collections.lambda.engine.EngineAdapters;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two overdue scans of the same zone and date at once (a Scheduler retry overlapping a slow first attempt, or a
 * manual re-run): the table ends as after one clean scan and no loan's work item of the day is sent twice.
 */
class ConcurrentScanTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate DATE = LocalDate.of(2026, 2, 3); // DPD 19 on the first installment
    private static final int LOANS = 250; // more than two pages of the review index

    /** One table, the loans booked, and what the scans sent. */
    private record World(CollectionsEngine engine, List<WorkItem> sent, EmbeddedDynamoDb dynamo,
                         DynamoDbClient client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            dynamo.close();
        }
    }

    private static World world() {
        EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start();
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        LoanTable.create(client, Simulation.SETTINGS.tableName());
        List<WorkItem> sent = Collections.synchronizedList(new ArrayList<>());
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-01-01T18:00:00Z"));
        CollectionsEngine engine = CollectionsEngine.create(EngineConfiguration.fromClasspath(), Simulation.SETTINGS,
                client, EngineAdapters.builder().workDispatcher(sent::addAll).build(), clock);
        for (int i = 0; i < LOANS; i++) {
            engine.ingest().ingest(UsLoanEvents.booked("E-" + i, "L-" + i));
        }
        clock.set(DATE.atTime(6, 0).atZone(NEW_YORK).toInstant());
        return new World(engine, sent, dynamo, client);
    }

    @Test
    void two_scans_of_the_same_date_at_once_end_as_one_clean_scan_and_send_each_work_item_once() throws Exception {
        Map<String, String> cleanLoans;
        List<String> cleanSent;
        try (World clean = world()) {
            clean.engine().overdueScan().scan(NEW_YORK, DATE);
            cleanLoans = loans(clean.engine());
            cleanSent = keys(clean.sent());
        }
        assertThat(cleanSent).hasSize(LOANS).doesNotHaveDuplicates();

        try (World racing = world()) {
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> scans = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    scans.add(threads.submit(() -> {
                        start.await();
                        return racing.engine().overdueScan().scan(NEW_YORK, DATE);
                    }));
                }
                for (Future<?> scan : scans) {
                    scan.get();
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(keys(racing.sent())).as("work items sent by both scans together")
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(cleanSent);
            assertThat(loans(racing.engine())).isEqualTo(cleanLoans);
        }
    }

    private static List<String> keys(List<WorkItem> items) {
        synchronized (items) {
            return items.stream().map(WorkItem::key).sorted().collect(Collectors.toList());
        }
    }

    /** Each loan as stored: its snapshot as the loan output writes it, its version and next review date. */
    private static Map<String, String> loans(CollectionsEngine engine) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < LOANS; i++) {
            LoanRecord r = engine.repository().findLoan("L-" + i).orElseThrow();
            out.put(r.loanId(), Simulation.loanJson(r, r.position(), r.status()) + " v" + r.version() + " next "
                    + r.nextReviewOn());
        }
        return out;
    }
}

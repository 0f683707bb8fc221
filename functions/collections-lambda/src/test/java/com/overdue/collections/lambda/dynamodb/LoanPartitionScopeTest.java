package com.overdue.collections.lambda.dynamodb;

import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.penalty.PostedPenalty;
import com.overdue.collections.emulators.InProcessDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A work item's read of the loan partition brings the penalty postings from the day before its business date on,
 * by its key range (the older postings are not read at all), an event's read brings none, and the penalty ledger
 * still answers "latest" and "all" right when the latest posting is older than that.
 */
class LoanPartitionScopeTest {

    private static final String TABLE = "scope";
    private static final Currency CNY = Currency.getInstance("CNY");
    private static InProcessDynamoDb dynamo;
    private static final Queries queries = new Queries();
    private static DynamoDbPenaltyLedger ledger;
    private static DynamoDbClient client;
    private static LoanTable table;

    /** The Queries made and the items each returned. */
    private static final class Queries implements ExecutionInterceptor {
        final List<Integer> returned = new ArrayList<>();
        final List<Integer> scanned = new ArrayList<>();

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.response() instanceof QueryResponse r) {
                returned.add(r.count());
                scanned.add(r.scannedCount());
            }
        }
    }

    @BeforeAll
    static void start() {
        dynamo = InProcessDynamoDb.start();
        client = dynamo.client(queries);
        LoanTable.create(client, TABLE);
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        ledger = new DynamoDbPenaltyLedger(enhanced, TABLE);
        table = new LoanTable(enhanced, TABLE);
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    private static PostedPenalty posting(String loanId, LocalDate day, int cumulative) {
        return new PostedPenalty(loanId, day, 0, day, List.of(), List.of(),
                Map.of(1, new Money(BigDecimal.valueOf(cumulative, 2), CNY)));
    }

    private static void postDays(String loanId, LocalDate first, int days) {
        List<PostedPenalty> postings = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            postings.add(posting(loanId, first.plusDays(i), i + 1));
        }
        ledger.postAll(postings);
        queries.returned.clear();
        queries.scanned.clear();
    }

    @Test
    void a_work_item_reads_yesterdays_posting_not_the_history() {
        LocalDate first = LocalDate.of(2026, 6, 1);
        postDays("L-DAILY", first, 60);
        LocalDate businessDate = first.plusDays(60);

        PostedPenalty latest = LoanPartitionScope.call(businessDate.minusDays(1),
                () -> ledger.latest("L-DAILY").orElseThrow());

        assertThat(latest.day()).isEqualTo(first.plusDays(59));
        assertThat(latest.cumulative().get(1).amount()).isEqualByComparingTo("0.60");
        assertThat(queries.returned).as("one Query, returning yesterday's posting only").containsExactly(1);
        assertThat(queries.scanned).as("and reading nothing else: no read units for the history").containsExactly(1);
    }

    @Test
    void the_working_set_is_one_key_range_without_the_loans_other_items() {
        String loanId = "L-RANGE";
        LocalDate first = LocalDate.of(2026, 9, 1);
        postDays(loanId, first, 10);
        for (String sk : List.of("ACTION#A-1", "BUCKET#2026-09-01#1", "BUREAU#2026-09-30", "DECISION#2026-09-09",
                "ESCALATION", "EVT#2026-09-01T00:00:00Z#E-1", "META")) {
            client.putItem(b -> b.tableName(TABLE).item(Map.of(
                    "PK", AttributeValue.fromS(DynamoDbLoanRepository.loanKey(loanId)), "SK", AttributeValue.fromS(sk))));
        }
        queries.returned.clear();
        queries.scanned.clear();

        List<String> workItem = LoanPartitionScope.call(first.plusDays(9),
                () -> List.copyOf(LoanPartitionScope.items(table, loanId).keySet()));
        List<String> event = LoanPartitionScope.call(
                () -> List.copyOf(LoanPartitionScope.items(table, loanId).keySet()));

        assertThat(workItem).containsExactly("DPI#2026-09-10", "ESCALATION", "EVT#2026-09-01T00:00:00Z#E-1", "META");
        assertThat(event).containsExactly("ESCALATION", "EVT#2026-09-01T00:00:00Z#E-1", "META");
        assertThat(queries.scanned).as("each read reads what it returns, nothing filtered out")
                .isEqualTo(queries.returned).containsExactly(4, 3);
    }

    @Test
    void a_latest_posting_older_than_the_window_is_read_on_its_own() {
        LocalDate first = LocalDate.of(2026, 3, 1);
        postDays("L-PAUSED", first, 10);
        LocalDate businessDate = first.plusDays(40); // accrual paused for 30 days

        PostedPenalty latest = LoanPartitionScope.call(businessDate.minusDays(1),
                () -> ledger.latest("L-PAUSED").orElseThrow());

        assertThat(latest.day()).isEqualTo(first.plusDays(9));
        assertThat(queries.returned).as("the scope's read (nothing recent), then the latest alone").containsExactly(0, 1);
    }

    @Test
    void all_postings_are_read_in_full_when_the_scope_left_some_out() {
        LocalDate first = LocalDate.of(2026, 1, 1);
        postDays("L-ALL", first, 12);

        List<PostedPenalty> all = LoanPartitionScope.call(first.plusDays(11), () -> {
            ledger.latest("L-ALL");
            return ledger.all("L-ALL");
        });

        assertThat(all).hasSize(12);
        assertThat(all.get(0).day()).isEqualTo(first);
    }

    @Test
    void an_events_scope_reads_no_posting_and_the_ledger_reads_them_on_its_own() {
        LocalDate first = LocalDate.of(2025, 1, 1);
        postDays("L-EVENT", first, 5);

        List<PostedPenalty> all = LoanPartitionScope.call(() -> {
            assertThat(ledger.latest("L-EVENT").orElseThrow().day()).isEqualTo(first.plusDays(4));
            return ledger.all("L-EVENT");
        });

        assertThat(all).hasSize(5);
        assertThat(queries.returned).as("the scope's read, the latest alone, all alone").containsExactly(0, 1, 5);
    }

    @Test
    void a_loan_that_never_accrued_has_no_latest_posting() {
        queries.returned.clear();
        assertThat(LoanPartitionScope.call(LocalDate.of(2026, 1, 1), () -> ledger.latest("L-NONE"))).isEmpty();
        // The window holds none, which does not tell "none at all" from "older ones": the ledger asks on its own.
        assertThat(queries.returned).containsExactly(0, 0);
    }

    @Test
    void a_scope_decodes_equal_texts_once_and_a_changed_text_anew() {
        List<String> decoded = new ArrayList<>();
        java.util.function.Function<String, String> decoder = text -> {
            decoded.add(text);
            return "decoded " + text;
        };
        String snapshot = "{\"v\":2,\"n\":1}";
        String sameContent = new String(snapshot.toCharArray());
        LoanPartitionScope.run(() -> {
            assertThat(LoanPartitionScope.decoded(snapshot, decoder)).isEqualTo("decoded " + snapshot);
            // Another reader of the same unit of work, with an equal text from its own read: no second decode.
            assertThat(LoanPartitionScope.decoded(sameContent, decoder)).isEqualTo("decoded " + snapshot);
            // A snapshot written in between is another text: decoded on its own.
            assertThat(LoanPartitionScope.decoded("{\"v\":2,\"n\":2}", decoder)).isEqualTo("decoded {\"v\":2,\"n\":2}");
        });
        assertThat(decoded).containsExactly(snapshot, "{\"v\":2,\"n\":2}");
        // The next unit of work starts empty, and without a scope every read decodes.
        LoanPartitionScope.run(() -> LoanPartitionScope.decoded(snapshot, decoder));
        LoanPartitionScope.decoded(snapshot, decoder);
        LoanPartitionScope.decoded(snapshot, decoder);
        assertThat(decoded).hasSize(5);
    }
}

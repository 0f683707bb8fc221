package com.overdue.collections.emulators.crash;

import com.overdue.collections.emulators.EmbeddedDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrashInjectorTest {

    private static EmbeddedDynamoDb dynamo;

    @BeforeAll
    static void start() {
        dynamo = EmbeddedDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    private static DynamoDbClient client(CrashInjector crashes, String table) {
        DynamoDbClient c = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(crashes)).build();
        crashes.suspended(() -> c.createTable(t -> t.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("PK")
                        .attributeType(ScalarAttributeType.S).build())));
        return c;
    }

    private static void put(DynamoDbClient c, String table, String pk) {
        c.putItem(p -> p.tableName(table).item(Map.of("PK", AttributeValue.fromS(pk))));
    }

    private static boolean exists(DynamoDbClient c, CrashInjector crashes, String table, String pk) {
        return crashes.suspended(() -> c.getItem(g -> g.tableName(table)
                .key(Map.of("PK", AttributeValue.fromS(pk)))).hasItem());
    }

    @Test
    void aCrashBeforeTheCallLeavesNoEffectAndOneAfterItKeepsTheEffectButLosesTheResponse() {
        CrashInjector before = CrashInjector.atPoint(0);
        DynamoDbClient a = client(before, "before");
        assertThatThrownBy(() -> put(a, "before", "x")).isInstanceOf(InjectedCrash.class)
                .hasMessageContaining("DynamoDb.PutItem BEFORE");
        assertThat(exists(a, before, "before", "x")).isFalse();
        assertThat(before.crashesByPoint()).containsExactly(Map.entry("DynamoDb.PutItem BEFORE", 1L));

        CrashInjector after = CrashInjector.atPoint(1);
        DynamoDbClient b = client(after, "after");
        assertThatThrownBy(() -> put(b, "after", "x")).isInstanceOf(InjectedCrash.class)
                .hasMessageContaining("DynamoDb.PutItem AFTER");
        assertThat(exists(b, after, "after", "x")).isTrue();
        // once only: the redelivery goes through
        put(b, "after", "y");
        assertThat(after.points()).containsExactly("DynamoDb.PutItem BEFORE", "DynamoDb.PutItem AFTER",
                "DynamoDb.PutItem BEFORE", "DynamoDb.PutItem AFTER");
        assertThat(after.crashes()).isEqualTo(1);
    }

    @Test
    void theSameSeedCrashesAtTheSamePointsAndTheRateIsRoughlyKept() {
        List<Long> first = crashIndexes(CrashInjector.perPoint(7, 0.05));
        List<Long> again = crashIndexes(CrashInjector.perPoint(7, 0.05));
        List<Long> other = crashIndexes(CrashInjector.perPoint(8, 0.05));
        assertThat(first).isEqualTo(again).isNotEqualTo(other);
        assertThat(first.size()).isBetween(60, 140); // 2,000 points at 5 %
    }

    private static List<Long> crashIndexes(CrashInjector crashes) {
        List<Long> at = new ArrayList<>();
        for (long i = 0; i < 1000; i++) {
            try {
                crashes.run("file.x", () -> { });
            } catch (InjectedCrash e) {
                at.add(i);
            }
        }
        assertThat(crashes.crashes()).isEqualTo(at.size());
        return at;
    }

    @Test
    void perAttemptKillsAboutRateOfTheAttemptsOnceEachAndRedeliveryFinishes() {
        CrashInjector crashes = CrashInjector.perAttempt(7, 0.2);
        int died = 0;
        int attempts = 0;
        for (int message = 0; message < 200; message++) {
            boolean done = false;
            while (!done) {
                attempts++;
                crashes.beginAttempt("worker");
                try {
                    for (int call = 0; call < 5; call++) {
                        crashes.run("file.x", () -> { });
                    }
                    crashes.endAttempt();
                    done = true;
                } catch (InjectedCrash e) {
                    crashes.abandonAttempt();
                    died++;
                }
            }
        }
        assertThat(crashes.crashes()).isEqualTo(died);
        assertThat(attempts).isEqualTo(200 + died);
        assertThat(died).isBetween(25, 80);
        assertThat(crashes.crashesByPoint()).containsKeys("file.x BEFORE", "file.x AFTER");
    }

    @Test
    void theSharedInterceptorPassesCallsToTheInstalledInjector() {
        CrashInjector crashes = SharedCrashInjector.use(CrashInjector.atPoint(0));
        try {
            DynamoDbClient c = DynamoDbClient.builder().endpointOverride(dynamo.endpoint())
                    .region(Region.US_EAST_1).httpClient(ApacheHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("l", "l")))
                    .overrideConfiguration(o -> o.addExecutionInterceptor(new SharedCrashInjector())).build();
            assertThatThrownBy(c::listTables).isInstanceOf(InjectedCrash.class);
            assertThat(crashes.crashesByPoint()).containsOnlyKeys("DynamoDb.ListTables BEFORE");
        } finally {
            SharedCrashInjector.reset();
        }
        assertThat(SharedCrashInjector.current().crashes()).isZero();
    }
}

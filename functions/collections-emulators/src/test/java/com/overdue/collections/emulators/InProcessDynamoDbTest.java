package com.overdue.collections.emulators;

import com.overdue.collections.emulators.crash.CrashInjector;
import com.overdue.collections.emulators.crash.InjectedCrash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-process client: DynamoDB Local's engine, with the SDK's interceptor calls around every operation. */
class InProcessDynamoDbTest {

    private static InProcessDynamoDb dynamo;

    @BeforeAll
    static void start() {
        dynamo = InProcessDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    /** Records "phase Service.Operation" for every call it sees, and the class of each failure. */
    private static final class Recorder implements ExecutionInterceptor {
        final List<String> calls = new ArrayList<>();

        private static String name(ExecutionAttributes a) {
            return a.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                    + a.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            calls.add("before " + name(attributes) + " " + context.request().getClass().getSimpleName());
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            calls.add("after " + name(attributes) + " " + context.response().getClass().getSimpleName());
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            calls.add("failed " + name(attributes) + " " + context.exception().getClass().getSimpleName());
        }
    }

    private static void table(DynamoDbClient c, String name) {
        c.createTable(t -> t.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("SK").keyType(KeyType.RANGE).build())
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("PK").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("SK").attributeType(ScalarAttributeType.S).build()));
    }

    private static Map<String, AttributeValue> item(String pk, String sk) {
        return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
    }

    @Test
    void interceptorsSeeEachOperationByItsSdkNameWithItsRequestAndResponse() {
        Recorder recorder = new Recorder();
        DynamoDbClient c = dynamo.client(recorder);
        table(c, "names");
        c.putItem(p -> p.tableName("names").item(item("A", "1")));
        assertThat(c.getItem(g -> g.tableName("names").key(item("A", "1"))).item()).containsKey("SK");

        assertThat(recorder.calls).containsExactly(
                "before DynamoDb.CreateTable CreateTableRequest", "after DynamoDb.CreateTable CreateTableResponse",
                "before DynamoDb.PutItem PutItemRequest", "after DynamoDb.PutItem PutItemResponse",
                "before DynamoDb.GetItem GetItemRequest", "after DynamoDb.GetItem GetItemResponse");
    }

    @Test
    void aPaginatedQueryIsOneCallPerPageNotOneMore() {
        DynamoDbClient setup = dynamo.client();
        table(setup, "pages");
        for (int i = 0; i < 5; i++) {
            setup.putItem(p -> p.tableName("pages").item(item("P", "sk" + System.nanoTime())));
        }
        Recorder recorder = new Recorder();
        DynamoDbClient c = dynamo.client(recorder);
        long items = c.queryPaginator(QueryRequest.builder().tableName("pages").keyConditionExpression("PK = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("P"))).limit(2).build())
                .items().stream().count();

        assertThat(items).isEqualTo(5);
        // pages of 2, 2, 1 and an empty last page after the last evaluated key
        assertThat(recorder.calls).filteredOn(s -> s.startsWith("before")).hasSizeBetween(3, 4)
                .allMatch(s -> s.equals("before DynamoDb.Query QueryRequest"));
        assertThat(recorder.calls).filteredOn(s -> s.startsWith("after"))
                .allMatch(s -> s.equals("after DynamoDb.Query QueryResponse"));
    }

    @Test
    void serviceErrorsAreTheSdksOwnExceptionsAndReachOnExecutionFailure() {
        Recorder recorder = new Recorder();
        DynamoDbClient c = dynamo.client(recorder);
        table(c, "errors");
        c.putItem(p -> p.tableName("errors").item(item("E", "1")));

        assertThatThrownBy(() -> c.putItem(p -> p.tableName("errors").item(item("E", "1"))
                .conditionExpression("attribute_not_exists(PK)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> c.transactWriteItems(t -> t.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName("errors").item(item("E", "2")).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName("errors").item(item("E", "1"))
                        .conditionExpression("attribute_not_exists(PK)").build()).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                        .extracting(r -> r.code()).containsExactly("None", "ConditionalCheckFailed"));
        assertThat(recorder.calls).contains("failed DynamoDb.PutItem ConditionalCheckFailedException",
                "failed DynamoDb.TransactWriteItems TransactionCanceledException");
        // the cancelled transaction wrote nothing
        assertThat(c.getItem(g -> g.tableName("errors").key(item("E", "2"))).hasItem()).isFalse();
    }

    @Test
    void aCrashBeforeACallMeansItNeverHappenedAndAfterItMeansItDid() {
        DynamoDbClient setup = dynamo.client();
        table(setup, "crashes");
        // points: CreateTable is not made through the injected client; PutItem#0 is points 0 (BEFORE), 1 (AFTER)
        CrashInjector before = CrashInjector.atPoint(0);
        assertThatThrownBy(() -> dynamo.client(before).putItem(p -> p.tableName("crashes").item(item("C", "before"))))
                .isInstanceOf(InjectedCrash.class);
        CrashInjector after = CrashInjector.atPoint(1);
        assertThatThrownBy(() -> dynamo.client(after).putItem(p -> p.tableName("crashes").item(item("C", "after"))))
                .isInstanceOf(InjectedCrash.class);

        assertThat(before.crashesByPoint()).containsOnlyKeys("DynamoDb.PutItem BEFORE");
        assertThat(after.crashesByPoint()).containsOnlyKeys("DynamoDb.PutItem AFTER");
        assertThat(setup.getItem(g -> g.tableName("crashes").key(item("C", "before"))).hasItem()).isFalse();
        assertThat(setup.getItem(g -> g.tableName("crashes").key(item("C", "after"))).hasItem()).isTrue();
    }

    @Test
    void aFilteredQueryReportsWhatItScannedBesideWhatItReturned() {
        DynamoDbClient c = dynamo.client();
        table(c, "filtered");
        for (String sk : List.of("A", "B", "C")) {
            c.putItem(p -> p.tableName("filtered").item(Map.of("PK", AttributeValue.fromS("F"),
                    "SK", AttributeValue.fromS(sk), "keep", AttributeValue.fromBool(!sk.equals("B")))));
        }
        QueryResponse r = c.query(q -> q.tableName("filtered").keyConditionExpression("PK = :f")
                .filterExpression("keep = :t").expressionAttributeValues(Map.of(":f", AttributeValue.fromS("F"),
                        ":t", AttributeValue.fromBool(true))).consistentRead(true));

        assertThat(r.count()).isEqualTo(2);
        assertThat(r.scannedCount()).isEqualTo(3);
    }
}

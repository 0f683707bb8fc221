package com.overdue.collections.emulators;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SdkV1Bridge} against DynamoDB Local's own v2 client: two engines, the same requests in the same order, one
 * through the bridge and one through the library's JSON converters; every response and every exception must be
 * equal. The requests cover each operation the bridge converts, every attribute type, pagination, an index,
 * conditions that fail (with and without the old item), transactions that are cancelled, and capacity reports.
 */
class SdkV1BridgeTest {

    private InProcessDynamoDb bridged;
    private InProcessDynamoDb library;
    private DynamoDbClient viaBridge;
    private DynamoDbClient viaLibrary;

    @BeforeEach
    void start() {
        bridged = InProcessDynamoDb.start();
        library = InProcessDynamoDb.start();
        viaBridge = bridged.client();
        viaLibrary = library.libraryClient();
        for (DynamoDbClient c : List.of(viaBridge, viaLibrary)) {
            c.createTable(t -> t.tableName("tbl").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE))
                    .attributeDefinitions(string("PK"), string("SK"), string("GPK"), string("GSK"))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("gsi")
                            .keySchema(key("GPK", KeyType.HASH), key("GSK", KeyType.RANGE))
                            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
        }
    }

    @AfterEach
    void stop() {
        bridged.close();
        library.close();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    private static Map<String, AttributeValue> k(String pk, String sk) {
        return Map.of("PK", s(pk), "SK", s(sk));
    }

    /** An item with every attribute type, nested. */
    private static Map<String, AttributeValue> everyType(String pk, String sk, int i) {
        return Map.ofEntries(
                Map.entry("PK", s(pk)), Map.entry("SK", s(sk)),
                Map.entry("GPK", s("G" + (i % 2))), Map.entry("GSK", s(String.format("%03d", i))),
                Map.entry("n", n(i + ".50")),
                Map.entry("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[]{0, 1, (byte) 255, (byte) i}))),
                Map.entry("ss", AttributeValue.fromSs(List.of("x", "y" + i))),
                Map.entry("ns", AttributeValue.fromNs(List.of("1", "2.5", "-" + i))),
                Map.entry("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("a"),
                        SdkBytes.fromByteArray(new byte[]{(byte) i})))),
                Map.entry("m", AttributeValue.fromM(Map.of("inner", s("v"), "deep",
                        AttributeValue.fromM(Map.of("l", AttributeValue.fromL(List.of(n("1"), s("two")))))))),
                Map.entry("l", AttributeValue.fromL(List.of(AttributeValue.fromBool(true),
                        AttributeValue.fromNul(true), AttributeValue.fromL(List.of()), AttributeValue.fromM(Map.of()))))
                , Map.entry("bool", AttributeValue.fromBool(i % 2 == 0)), Map.entry("gone", AttributeValue.fromNul(true)),
                Map.entry("empty", s("")));
    }

    /** The requests, in order; each must be one the bridge converts (asserted), unless it is listed as legacy. */
    private static List<DynamoDbRequest> requests() {
        List<DynamoDbRequest> r = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            r.add(PutItemRequest.builder().tableName("tbl").item(everyType("L1", "EVT#" + i, i))
                    .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build());
        }
        // A conditional put that fails, returning the old item in the exception; one that fails without it.
        r.add(PutItemRequest.builder().tableName("tbl").item(everyType("L1", "EVT#1", 9))
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", "PK"))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build());
        r.add(PutItemRequest.builder().tableName("tbl").item(everyType("L1", "EVT#1", 9))
                .conditionExpression("attribute_not_exists(PK)").build());
        // A put that replaces, returning the old item.
        r.add(PutItemRequest.builder().tableName("tbl").item(everyType("L1", "EVT#2", 20))
                .returnValues(ReturnValue.ALL_OLD).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
        r.add(UpdateItemRequest.builder().tableName("tbl").key(k("L1", "META"))
                .updateExpression("SET #v = if_not_exists(#v, :zero) + :one, #s = :s ADD #set :add")
                .expressionAttributeNames(Map.of("#v", "version", "#s", "state", "#set", "tags"))
                .expressionAttributeValues(Map.of(":zero", n("0"), ":one", n("1"), ":s", s("OPEN"),
                        ":add", AttributeValue.fromSs(List.of("a", "b"))))
                .returnValues(ReturnValue.ALL_NEW).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build());
        r.add(UpdateItemRequest.builder().tableName("tbl").key(k("L1", "META"))
                .updateExpression("SET #s = :s").conditionExpression("#v = :two")
                .expressionAttributeNames(Map.of("#v", "version", "#s", "state"))
                .expressionAttributeValues(Map.of(":two", n("2"), ":s", s("CLOSED")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build());
        r.add(UpdateItemRequest.builder().tableName("tbl").key(k("L1", "META"))
                .updateExpression("REMOVE tags SET #s = :s").expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":s", s("CURED"))).returnValues(ReturnValue.UPDATED_OLD).build());
        r.add(GetItemRequest.builder().tableName("tbl").key(k("L1", "EVT#3")).build());
        r.add(GetItemRequest.builder().tableName("tbl").key(k("L1", "missing")).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
        r.add(GetItemRequest.builder().tableName("tbl").key(k("L1", "EVT#4")).projectionExpression("#m.deep, bs")
                .expressionAttributeNames(Map.of("#m", "m")).build());
        // Queries: a page with a continuation key, the next page from it, backwards, filtered, on the index, count.
        r.add(QueryRequest.builder().tableName("tbl").keyConditionExpression("PK = :pk AND begins_with(SK, :p)")
                .expressionAttributeValues(Map.of(":pk", s("L1"), ":p", s("EVT#"))).limit(3)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
        r.add(QueryRequest.builder().tableName("tbl").keyConditionExpression("PK = :pk AND begins_with(SK, :p)")
                .expressionAttributeValues(Map.of(":pk", s("L1"), ":p", s("EVT#"))).limit(3)
                .exclusiveStartKey(k("L1", "EVT#2")).build());
        r.add(QueryRequest.builder().tableName("tbl").keyConditionExpression("PK = :pk")
                .filterExpression("attribute_not_exists(#b) OR #b = :t")
                .expressionAttributeNames(Map.of("#b", "bool"))
                .expressionAttributeValues(Map.of(":pk", s("L1"), ":t", AttributeValue.fromBool(true)))
                .scanIndexForward(false).consistentRead(true).build());
        r.add(QueryRequest.builder().tableName("tbl").indexName("gsi").keyConditionExpression("GPK = :g AND GSK > :f")
                .expressionAttributeValues(Map.of(":g", s("G1"), ":f", s("001"))).projectionExpression("PK, SK, n")
                .build());
        r.add(QueryRequest.builder().tableName("tbl").keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s("L1"))).select(Select.COUNT).build());
        r.add(ScanRequest.builder().tableName("tbl").segment(0).totalSegments(2).limit(4).build());
        r.add(ScanRequest.builder().tableName("tbl").segment(1).totalSegments(2).filterExpression("contains(ss, :x)")
                .expressionAttributeValues(Map.of(":x", s("x"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build());
        // A transaction that applies; one cancelled by its condition check (reasons per item).
        r.add(TransactWriteItemsRequest.builder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .transactItems(
                        TransactWriteItem.builder().put(Put.builder().tableName("tbl").item(everyType("L2", "META", 3))
                                .conditionExpression("attribute_not_exists(PK)").build()).build(),
                        TransactWriteItem.builder().update(Update.builder().tableName("tbl").key(k("L1", "META"))
                                .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "state"))
                                .expressionAttributeValues(Map.of(":s", s("OPEN"))).build()).build(),
                        TransactWriteItem.builder().delete(Delete.builder().tableName("tbl").key(k("L1", "EVT#6"))
                                .build()).build(),
                        TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("tbl")
                                .key(k("L1", "EVT#0")).conditionExpression("attribute_exists(PK)").build()).build())
                .build());
        r.add(TransactWriteItemsRequest.builder()
                .transactItems(
                        TransactWriteItem.builder().put(Put.builder().tableName("tbl").item(everyType("L3", "META", 4))
                                .build()).build(),
                        TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("tbl")
                                .key(k("L1", "EVT#0")).conditionExpression("attribute_not_exists(PK)")
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                                .build()).build())
                .build());
        r.add(BatchWriteItemRequest.builder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).requestItems(
                Map.of("tbl", List.of(
                        WriteRequest.builder().putRequest(PutRequest.builder().item(everyType("L4", "A", 1)).build())
                                .build(),
                        WriteRequest.builder().putRequest(PutRequest.builder().item(everyType("L4", "B", 2)).build())
                                .build(),
                        WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(k("L1", "EVT#5")).build())
                                .build()))).build());
        r.add(BatchGetItemRequest.builder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).requestItems(
                Map.of("tbl", KeysAndAttributes.builder().keys(k("L4", "A"), k("L4", "B"), k("L1", "EVT#5"))
                        .consistentRead(true).build())).build());
        r.add(DeleteItemRequest.builder().tableName("tbl").key(k("L4", "A")).returnValues(ReturnValue.ALL_OLD)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
        r.add(DeleteItemRequest.builder().tableName("tbl").key(k("L4", "B")).conditionExpression("n = :n")
                .expressionAttributeValues(Map.of(":n", n("7"))).build());
        // An error DynamoDB Local reports for a bad request, not a failed condition.
        r.add(QueryRequest.builder().tableName("tbl").keyConditionExpression("PK = :missing").build());
        r.add(GetItemRequest.builder().tableName("no-such-table").key(k("L1", "META")).build());
        return r;
    }

    /** What a call gave: its response, or the exception's class, status, code, message and payload. */
    private static Object outcome(DynamoDbClient client, DynamoDbRequest request) {
        try {
            if (request instanceof PutItemRequest p) {
                return client.putItem(p);
            } else if (request instanceof UpdateItemRequest u) {
                return client.updateItem(u);
            } else if (request instanceof DeleteItemRequest d) {
                return client.deleteItem(d);
            } else if (request instanceof GetItemRequest g) {
                return client.getItem(g);
            } else if (request instanceof QueryRequest q) {
                return client.query(q);
            } else if (request instanceof ScanRequest s) {
                return client.scan(s);
            } else if (request instanceof TransactWriteItemsRequest t) {
                return client.transactWriteItems(t);
            } else if (request instanceof BatchWriteItemRequest b) {
                return client.batchWriteItem(b);
            } else if (request instanceof BatchGetItemRequest b) {
                return client.batchGetItem(b);
            }
            throw new IllegalArgumentException(request.getClass().getName());
        } catch (AwsServiceException e) {
            List<Object> failure = new ArrayList<>(List.of(e.getClass().getName(), e.statusCode(),
                    String.valueOf(e.awsErrorDetails().errorCode()), String.valueOf(e.awsErrorDetails().errorMessage())));
            if (e instanceof TransactionCanceledException t) {
                failure.add(t.cancellationReasons());
            }
            if (e instanceof ConditionalCheckFailedException c) {
                failure.add(c.item());
            }
            return failure;
        }
    }

    @Test
    void everyConvertedRequestGivesWhatDynamoDbLocalsOwnClientGives() {
        List<DynamoDbRequest> requests = requests();
        int failures = 0;
        for (DynamoDbRequest request : requests) {
            assertThat(SdkV1Bridge.convertible(request)).as("converted: %s", request).isTrue();
            Object expected = outcome(viaLibrary, request);
            Object actual = outcome(viaBridge, request);
            assertThat(actual).as("%s", request).isEqualTo(expected);
            if (expected instanceof List<?>) {
                failures++;
            }
            if (request instanceof PutItemRequest put && put.returnValuesOnConditionCheckFailure() != null) {
                // The old item in the bridge's exception is the item as stored, attribute for attribute.
                Map<String, AttributeValue> stored = viaBridge.getItem(g -> g.tableName("tbl")
                        .key(Map.of("PK", put.item().get("PK"), "SK", put.item().get("SK")))).item();
                try {
                    viaBridge.putItem(put);
                } catch (ConditionalCheckFailedException e) {
                    assertThat(e.item()).isEqualTo(stored);
                }
            }
        }
        // The sequence exercises failures too: 2 conditional puts, 1 update, 1 transaction, 1 delete, 2 bad requests.
        assertThat(failures).isEqualTo(7);
        // And the two engines hold the same items afterwards.
        ScanRequest all = ScanRequest.builder().tableName("tbl").build();
        assertThat(viaBridge.scan(all).items()).hasSize(8).isEqualTo(viaLibrary.scan(all).items());
    }

    @Test
    void anAttributeNamedNulComesBackAsStored() {
        // An attribute named "nul" (the SDK's member name for NULL): DynamoDB Local's own v2 client returns such
        // an item with one more attribute, "null", that it never held (its JSON round trip maps the member name);
        // the bridge returns it as stored.
        Map<String, AttributeValue> item = Map.of("PK", s("L9"), "SK", s("META"), "nul", AttributeValue.fromNul(true));
        viaBridge.putItem(p -> p.tableName("tbl").item(item));
        assertThat(viaBridge.getItem(g -> g.tableName("tbl").key(k("L9", "META"))).item()).isEqualTo(item);
        assertThatThrownBy(() -> viaBridge.putItem(p -> p.tableName("tbl").item(item)
                .conditionExpression("attribute_not_exists(PK)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> assertThat(e.item()).isEqualTo(item));
    }

    @Test
    void aRequestWithALegacyParameterGoesThroughTheLibrarysClientAndStillWorks() {
        viaBridge.putItem(PutItemRequest.builder().tableName("tbl").item(everyType("L1", "EVT#0", 0)).build());
        QueryRequest legacy = QueryRequest.builder().tableName("tbl")
                .keyConditions(Map.of("PK", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                        .attributeValueList(s("L1")).build())).build();
        assertThat(SdkV1Bridge.convertible(legacy)).isFalse();
        assertThat(viaBridge.query(legacy).items()).hasSize(1);
        // A member set explicitly, even empty, is sent by the SDK, so it counts as set.
        assertThat(SdkV1Bridge.convertible(PutItemRequest.builder().tableName("tbl").item(k("a", "b"))
                .expected(Map.of()).build())).isFalse();
        // A nested member the bridge does not convert is seen too.
        assertThat(SdkV1Bridge.convertible(BatchGetItemRequest.builder().requestItems(Map.of("t",
                KeysAndAttributes.builder().keys(k("a", "b")).attributesToGet("PK").build())).build())).isFalse();
        assertThat(SdkV1Bridge.convertible(BatchGetItemRequest.builder().requestItems(Map.of("t",
                KeysAndAttributes.builder().keys(k("a", "b")).build())).build())).isTrue();
    }
}

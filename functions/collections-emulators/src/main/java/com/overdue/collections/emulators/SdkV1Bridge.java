package com.overdue.collections.emulators;

import com.amazonaws.AmazonServiceException;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
import com.amazonaws.services.dynamodbv2.local.shared.access.awssdkv2.converters.AwsServiceExceptionConverter;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Calls DynamoDB Local's SDK v1 interface with SDK v2 requests converted field by field, for the operations the
 * adapters use on their hot paths. DynamoDB Local's own v2 client ({@code LocalDynamoDbClient}) reaches the same v1
 * interface by writing each v2 request to JSON and reading it back as a v1 request, and each v1 result the same way
 * back (Jackson {@code writeValueAsString} + {@code readValue}, per request and per attribute value): a profile of
 * the default demo had a quarter of its samples there (docs/architecture.md, "The local runner's DynamoDB").
 *
 * <p>A request is converted here only when every field it sets is one this class converts ({@link #SUPPORTED});
 * any other field (the legacy {@code KeyConditions}, {@code Expected}, {@code AttributesToGet}, ...) or operation
 * returns {@code null} from {@link #call}, and the caller uses DynamoDB Local's v2 client: nothing is silently
 * dropped. Exceptions are DynamoDB Local's v1 exceptions converted by its own {@code AwsServiceExceptionConverter},
 * the converter its v2 client uses, so a {@code ConditionalCheckFailedException} or a
 * {@code TransactionCanceledException} with its cancellation reasons is the same either way. InProcessDynamoDbTest
 * runs the same requests through both paths and compares responses and exceptions.
 *
 * <p>Why not a library: the SDKs ship no v1 ↔ v2 model converter (the v1 → v2 migration tool rewrites source code),
 * and DynamoDB Local's converters are the JSON ones above.
 */
final class SdkV1Bridge {

    /** The members (SDK v2 {@link SdkField#memberName()}) this class converts, per request type. */
    private static final Map<Class<?>, Set<String>> SUPPORTED = Map.of(
            GetItemRequest.class, Set.of("TableName", "Key", "ConsistentRead", "ProjectionExpression",
                    "ExpressionAttributeNames", "ReturnConsumedCapacity"),
            PutItemRequest.class, Set.of("TableName", "Item", "ConditionExpression", "ExpressionAttributeNames",
                    "ExpressionAttributeValues", "ReturnValues", "ReturnConsumedCapacity",
                    "ReturnValuesOnConditionCheckFailure"),
            UpdateItemRequest.class, Set.of("TableName", "Key", "UpdateExpression", "ConditionExpression",
                    "ExpressionAttributeNames", "ExpressionAttributeValues", "ReturnValues", "ReturnConsumedCapacity",
                    "ReturnValuesOnConditionCheckFailure"),
            DeleteItemRequest.class, Set.of("TableName", "Key", "ConditionExpression", "ExpressionAttributeNames",
                    "ExpressionAttributeValues", "ReturnValues", "ReturnConsumedCapacity",
                    "ReturnValuesOnConditionCheckFailure"),
            QueryRequest.class, Set.of("TableName", "IndexName", "KeyConditionExpression", "FilterExpression",
                    "ProjectionExpression", "ExpressionAttributeNames", "ExpressionAttributeValues",
                    "ExclusiveStartKey", "Limit", "ScanIndexForward", "ConsistentRead", "Select",
                    "ReturnConsumedCapacity"),
            ScanRequest.class, Set.of("TableName", "IndexName", "FilterExpression", "ProjectionExpression",
                    "ExpressionAttributeNames", "ExpressionAttributeValues", "ExclusiveStartKey", "Limit", "Segment",
                    "TotalSegments", "ConsistentRead", "Select", "ReturnConsumedCapacity"),
            TransactWriteItemsRequest.class, Set.of("TransactItems", "ReturnConsumedCapacity",
                    "ClientRequestToken"),
            BatchGetItemRequest.class, Set.of("RequestItems", "ReturnConsumedCapacity"),
            BatchWriteItemRequest.class, Set.of("RequestItems", "ReturnConsumedCapacity"));

    /** The members converted in the nested structures, checked like a request's. */
    private static final Map<Class<?>, Set<String>> SUPPORTED_NESTED = Map.of(
            TransactWriteItem.class, Set.of("Put", "Update", "Delete", "ConditionCheck"),
            Put.class, Set.of("TableName", "Item", "ConditionExpression", "ExpressionAttributeNames",
                    "ExpressionAttributeValues", "ReturnValuesOnConditionCheckFailure"),
            Update.class, Set.of("TableName", "Key", "UpdateExpression", "ConditionExpression",
                    "ExpressionAttributeNames", "ExpressionAttributeValues", "ReturnValuesOnConditionCheckFailure"),
            Delete.class, Set.of("TableName", "Key", "ConditionExpression", "ExpressionAttributeNames",
                    "ExpressionAttributeValues", "ReturnValuesOnConditionCheckFailure"),
            ConditionCheck.class, Set.of("TableName", "Key", "ConditionExpression", "ExpressionAttributeNames",
                    "ExpressionAttributeValues", "ReturnValuesOnConditionCheckFailure"),
            KeysAndAttributes.class, Set.of("Keys", "ConsistentRead", "ProjectionExpression",
                    "ExpressionAttributeNames"),
            WriteRequest.class, Set.of("PutRequest", "DeleteRequest"),
            PutRequest.class, Set.of("Item"),
            DeleteRequest.class, Set.of("Key"));

    private final AmazonDynamoDB v1;

    SdkV1Bridge(AmazonDynamoDB v1) {
        this.v1 = v1;
    }

    /**
     * The response to {@code request} from DynamoDB Local's v1 interface, or {@code null} when this class does not
     * convert the operation or one of the fields the request sets (the caller then uses the v2 client).
     *
     * @throws software.amazon.awssdk.awscore.exception.AwsServiceException what DynamoDB Local threw, converted
     */
    Object call(DynamoDbRequest request) {
        if (!convertible(request)) {
            return null;
        }
        try {
            if (request instanceof GetItemRequest r) {
                return getItem(r);
            } else if (request instanceof PutItemRequest r) {
                return putItem(r);
            } else if (request instanceof UpdateItemRequest r) {
                return updateItem(r);
            } else if (request instanceof DeleteItemRequest r) {
                return deleteItem(r);
            } else if (request instanceof QueryRequest r) {
                return query(r);
            } else if (request instanceof ScanRequest r) {
                return scan(r);
            } else if (request instanceof TransactWriteItemsRequest r) {
                return transactWriteItems(r);
            } else if (request instanceof BatchGetItemRequest r) {
                return batchGetItem(r);
            } else if (request instanceof BatchWriteItemRequest r) {
                return batchWriteItem(r);
            }
            return null;
        } catch (AmazonServiceException e) {
            throw AwsServiceExceptionConverter.convert(e);
        }
    }

    /** Whether every member {@code request} sets, and every member of its nested structures, is converted here. */
    static boolean convertible(DynamoDbRequest request) {
        Set<String> supported = SUPPORTED.get(request.getClass());
        return supported != null && setsOnly(request, supported);
    }

    private static boolean setsOnly(SdkPojo pojo, Set<String> supported) {
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value == null || isAutoConstructedEmpty(value)) {
                continue;
            }
            if (!supported.contains(field.memberName()) || !nestedConvertible(value)) {
                return false;
            }
        }
        return true;
    }

    /** The SDK's "not set" collections ({@code DefaultSdkAutoConstructList}/{@code Map}) are empty and not sent. */
    private static boolean isAutoConstructedEmpty(Object value) {
        return value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>
                || value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>;
    }

    private static boolean nestedConvertible(Object value) {
        // A map's values are what it nests (its keys are table or attribute names).
        Object nested = value instanceof Map<?, ?> m ? m.values() : value;
        if (nested instanceof Collection<?> elements) {
            for (Object element : elements) {
                if (!nestedConvertible(element)) {
                    return false;
                }
            }
            return true;
        }
        Set<String> supported = SUPPORTED_NESTED.get(value.getClass());
        if (supported != null) {
            return setsOnly((SdkPojo) value, supported);
        }
        // Scalars, enums and attribute values, which toV1 converts whole.
        return !(value instanceof SdkPojo) || value instanceof AttributeValue;
    }

    // ---- operations ----

    private GetItemResponse getItem(GetItemRequest r) {
        var result = v1.getItem(new com.amazonaws.services.dynamodbv2.model.GetItemRequest()
                .withTableName(r.tableName())
                .withKey(toV1(r.key()))
                .withConsistentRead(r.consistentRead())
                .withProjectionExpression(r.projectionExpression())
                .withExpressionAttributeNames(names(r.hasExpressionAttributeNames(), r.expressionAttributeNames()))
                .withReturnConsumedCapacity(r.returnConsumedCapacityAsString()));
        return GetItemResponse.builder()
                .item(fromV1(result.getItem()))
                .consumedCapacity(capacity(result.getConsumedCapacity()))
                .build();
    }

    private PutItemResponse putItem(PutItemRequest r) {
        var result = v1.putItem(new com.amazonaws.services.dynamodbv2.model.PutItemRequest()
                .withTableName(r.tableName())
                .withItem(toV1(r.item()))
                .withConditionExpression(r.conditionExpression())
                .withExpressionAttributeNames(names(r.hasExpressionAttributeNames(), r.expressionAttributeNames()))
                .withExpressionAttributeValues(values(r.hasExpressionAttributeValues(),
                        r.expressionAttributeValues()))
                .withReturnValues(r.returnValuesAsString())
                .withReturnConsumedCapacity(r.returnConsumedCapacityAsString())
                .withReturnValuesOnConditionCheckFailure(r.returnValuesOnConditionCheckFailureAsString()));
        return PutItemResponse.builder()
                .attributes(fromV1(result.getAttributes()))
                .consumedCapacity(capacity(result.getConsumedCapacity()))
                .itemCollectionMetrics(metrics(result.getItemCollectionMetrics()))
                .build();
    }

    private UpdateItemResponse updateItem(UpdateItemRequest r) {
        var result = v1.updateItem(new com.amazonaws.services.dynamodbv2.model.UpdateItemRequest()
                .withTableName(r.tableName())
                .withKey(toV1(r.key()))
                .withUpdateExpression(r.updateExpression())
                .withConditionExpression(r.conditionExpression())
                .withExpressionAttributeNames(names(r.hasExpressionAttributeNames(), r.expressionAttributeNames()))
                .withExpressionAttributeValues(values(r.hasExpressionAttributeValues(),
                        r.expressionAttributeValues()))
                .withReturnValues(r.returnValuesAsString())
                .withReturnConsumedCapacity(r.returnConsumedCapacityAsString())
                .withReturnValuesOnConditionCheckFailure(r.returnValuesOnConditionCheckFailureAsString()));
        return UpdateItemResponse.builder()
                .attributes(fromV1(result.getAttributes()))
                .consumedCapacity(capacity(result.getConsumedCapacity()))
                .itemCollectionMetrics(metrics(result.getItemCollectionMetrics()))
                .build();
    }

    private DeleteItemResponse deleteItem(DeleteItemRequest r) {
        var result = v1.deleteItem(new com.amazonaws.services.dynamodbv2.model.DeleteItemRequest()
                .withTableName(r.tableName())
                .withKey(toV1(r.key()))
                .withConditionExpression(r.conditionExpression())
                .withExpressionAttributeNames(names(r.hasExpressionAttributeNames(), r.expressionAttributeNames()))
                .withExpressionAttributeValues(values(r.hasExpressionAttributeValues(),
                        r.expressionAttributeValues()))
                .withReturnValues(r.returnValuesAsString())
                .withReturnConsumedCapacity(r.returnConsumedCapacityAsString())
                .withReturnValuesOnConditionCheckFailure(r.returnValuesOnConditionCheckFailureAsString()));
        return DeleteItemResponse.builder()
                .attributes(fromV1(result.getAttributes()))
                .consumedCapacity(capacity(result.getConsumedCapacity()))
                .itemCollectionMetrics(metrics(result.getItemCollectionMetrics()))
                .build();
    }

    private QueryResponse query(QueryRequest r) {
        var result = v1.query(new com.amazonaws.services.dynamodbv2.model.QueryRequest()
                .withTableName(r.tableName())
                .withIndexName(r.indexName())
                .withKeyConditionExpression(r.keyConditionExpression())
                .withFilterExpression(r.filterExpression())
                .withProjectionExpression(r.projectionExpression())
                .withExpressionAttributeNames(names(r.hasExpressionAttributeNames(), r.expressionAttributeNames()))
                .withExpressionAttributeValues(values(r.hasExpressionAttributeValues(),
                        r.expressionAttributeValues()))
                .withExclusiveStartKey(r.hasExclusiveStartKey() ? toV1(r.exclusiveStartKey()) : null)
                .withLimit(r.limit())
                .withScanIndexForward(r.scanIndexForward())
                .withConsistentRead(r.consistentRead())
                .withSelect(r.selectAsString())
                .withReturnConsumedCapacity(r.returnConsumedCapacityAsString()));
        return QueryResponse.builder()
                .items(items(result.getItems()))
                .count(result.getCount())
                .scannedCount(result.getScannedCount())
                .lastEvaluatedKey(fromV1(result.getLastEvaluatedKey()))
                .consumedCapacity(capacity(result.getConsumedCapacity()))
                .build();
    }

    private ScanResponse scan(ScanRequest r) {
        var result = v1.scan(new com.amazonaws.services.dynamodbv2.model.ScanRequest()
                .withTableName(r.tableName())
                .withIndexName(r.indexName())
                .withFilterExpression(r.filterExpression())
                .withProjectionExpression(r.projectionExpression())
                .withExpressionAttributeNames(names(r.hasExpressionAttributeNames(), r.expressionAttributeNames()))
                .withExpressionAttributeValues(values(r.hasExpressionAttributeValues(),
                        r.expressionAttributeValues()))
                .withExclusiveStartKey(r.hasExclusiveStartKey() ? toV1(r.exclusiveStartKey()) : null)
                .withLimit(r.limit())
                .withSegment(r.segment())
                .withTotalSegments(r.totalSegments())
                .withConsistentRead(r.consistentRead())
                .withSelect(r.selectAsString())
                .withReturnConsumedCapacity(r.returnConsumedCapacityAsString()));
        return ScanResponse.builder()
                .items(items(result.getItems()))
                .count(result.getCount())
                .scannedCount(result.getScannedCount())
                .lastEvaluatedKey(fromV1(result.getLastEvaluatedKey()))
                .consumedCapacity(capacity(result.getConsumedCapacity()))
                .build();
    }

    private TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) {
        List<com.amazonaws.services.dynamodbv2.model.TransactWriteItem> items = new ArrayList<>();
        for (TransactWriteItem item : r.transactItems()) {
            items.add(transactItem(item));
        }
        var result = v1.transactWriteItems(new com.amazonaws.services.dynamodbv2.model.TransactWriteItemsRequest()
                .withTransactItems(items)
                .withClientRequestToken(r.clientRequestToken())
                .withReturnConsumedCapacity(r.returnConsumedCapacityAsString()));
        return TransactWriteItemsResponse.builder()
                .consumedCapacity(capacities(result.getConsumedCapacity()))
                .build();
    }

    private static com.amazonaws.services.dynamodbv2.model.TransactWriteItem transactItem(TransactWriteItem item) {
        var v1Item = new com.amazonaws.services.dynamodbv2.model.TransactWriteItem();
        if (item.put() != null) {
            Put p = item.put();
            v1Item.setPut(new com.amazonaws.services.dynamodbv2.model.Put()
                    .withTableName(p.tableName())
                    .withItem(toV1(p.item()))
                    .withConditionExpression(p.conditionExpression())
                    .withExpressionAttributeNames(names(p.hasExpressionAttributeNames(),
                            p.expressionAttributeNames()))
                    .withExpressionAttributeValues(values(p.hasExpressionAttributeValues(),
                            p.expressionAttributeValues()))
                    .withReturnValuesOnConditionCheckFailure(p.returnValuesOnConditionCheckFailureAsString()));
        }
        if (item.update() != null) {
            Update u = item.update();
            v1Item.setUpdate(new com.amazonaws.services.dynamodbv2.model.Update()
                    .withTableName(u.tableName())
                    .withKey(toV1(u.key()))
                    .withUpdateExpression(u.updateExpression())
                    .withConditionExpression(u.conditionExpression())
                    .withExpressionAttributeNames(names(u.hasExpressionAttributeNames(),
                            u.expressionAttributeNames()))
                    .withExpressionAttributeValues(values(u.hasExpressionAttributeValues(),
                            u.expressionAttributeValues()))
                    .withReturnValuesOnConditionCheckFailure(u.returnValuesOnConditionCheckFailureAsString()));
        }
        if (item.delete() != null) {
            Delete d = item.delete();
            v1Item.setDelete(new com.amazonaws.services.dynamodbv2.model.Delete()
                    .withTableName(d.tableName())
                    .withKey(toV1(d.key()))
                    .withConditionExpression(d.conditionExpression())
                    .withExpressionAttributeNames(names(d.hasExpressionAttributeNames(),
                            d.expressionAttributeNames()))
                    .withExpressionAttributeValues(values(d.hasExpressionAttributeValues(),
                            d.expressionAttributeValues()))
                    .withReturnValuesOnConditionCheckFailure(d.returnValuesOnConditionCheckFailureAsString()));
        }
        if (item.conditionCheck() != null) {
            ConditionCheck c = item.conditionCheck();
            v1Item.setConditionCheck(new com.amazonaws.services.dynamodbv2.model.ConditionCheck()
                    .withTableName(c.tableName())
                    .withKey(toV1(c.key()))
                    .withConditionExpression(c.conditionExpression())
                    .withExpressionAttributeNames(names(c.hasExpressionAttributeNames(),
                            c.expressionAttributeNames()))
                    .withExpressionAttributeValues(values(c.hasExpressionAttributeValues(),
                            c.expressionAttributeValues()))
                    .withReturnValuesOnConditionCheckFailure(c.returnValuesOnConditionCheckFailureAsString()));
        }
        return v1Item;
    }

    private BatchGetItemResponse batchGetItem(BatchGetItemRequest r) {
        Map<String, com.amazonaws.services.dynamodbv2.model.KeysAndAttributes> requestItems = new LinkedHashMap<>();
        r.requestItems().forEach((table, keys) -> requestItems.put(table, keysToV1(keys)));
        var result = v1.batchGetItem(new com.amazonaws.services.dynamodbv2.model.BatchGetItemRequest()
                .withRequestItems(requestItems)
                .withReturnConsumedCapacity(r.returnConsumedCapacityAsString()));
        Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
        if (result.getResponses() != null) {
            result.getResponses().forEach((table, items) -> responses.put(table, items(items)));
        }
        Map<String, KeysAndAttributes> unprocessed = new LinkedHashMap<>();
        if (result.getUnprocessedKeys() != null) {
            result.getUnprocessedKeys().forEach((table, keys) -> unprocessed.put(table, keysFromV1(keys)));
        }
        return BatchGetItemResponse.builder()
                .responses(responses)
                .unprocessedKeys(unprocessed)
                .consumedCapacity(capacities(result.getConsumedCapacity()))
                .build();
    }

    private static com.amazonaws.services.dynamodbv2.model.KeysAndAttributes keysToV1(KeysAndAttributes k) {
        List<Map<String, com.amazonaws.services.dynamodbv2.model.AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> key : k.keys()) {
            keys.add(toV1(key));
        }
        return new com.amazonaws.services.dynamodbv2.model.KeysAndAttributes()
                .withKeys(keys)
                .withConsistentRead(k.consistentRead())
                .withProjectionExpression(k.projectionExpression())
                .withExpressionAttributeNames(names(k.hasExpressionAttributeNames(), k.expressionAttributeNames()));
    }

    private static KeysAndAttributes keysFromV1(com.amazonaws.services.dynamodbv2.model.KeysAndAttributes k) {
        return KeysAndAttributes.builder()
                .keys(items(k.getKeys()))
                .consistentRead(k.getConsistentRead())
                .projectionExpression(k.getProjectionExpression())
                .expressionAttributeNames(k.getExpressionAttributeNames())
                .build();
    }

    private BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest r) {
        Map<String, List<com.amazonaws.services.dynamodbv2.model.WriteRequest>> requestItems = new LinkedHashMap<>();
        r.requestItems().forEach((table, writes) -> {
            List<com.amazonaws.services.dynamodbv2.model.WriteRequest> v1Writes = new ArrayList<>();
            for (WriteRequest w : writes) {
                var v1Write = new com.amazonaws.services.dynamodbv2.model.WriteRequest();
                if (w.putRequest() != null) {
                    v1Write.setPutRequest(new com.amazonaws.services.dynamodbv2.model.PutRequest()
                            .withItem(toV1(w.putRequest().item())));
                }
                if (w.deleteRequest() != null) {
                    v1Write.setDeleteRequest(new com.amazonaws.services.dynamodbv2.model.DeleteRequest()
                            .withKey(toV1(w.deleteRequest().key())));
                }
                v1Writes.add(v1Write);
            }
            requestItems.put(table, v1Writes);
        });
        var result = v1.batchWriteItem(new com.amazonaws.services.dynamodbv2.model.BatchWriteItemRequest()
                .withRequestItems(requestItems)
                .withReturnConsumedCapacity(r.returnConsumedCapacityAsString()));
        Map<String, List<WriteRequest>> unprocessed = new LinkedHashMap<>();
        if (result.getUnprocessedItems() != null) {
            result.getUnprocessedItems().forEach((table, writes) -> {
                List<WriteRequest> v2Writes = new ArrayList<>();
                for (var w : writes) {
                    WriteRequest.Builder b = WriteRequest.builder();
                    if (w.getPutRequest() != null) {
                        b.putRequest(PutRequest.builder().item(fromV1(w.getPutRequest().getItem())).build());
                    }
                    if (w.getDeleteRequest() != null) {
                        b.deleteRequest(DeleteRequest.builder().key(fromV1(w.getDeleteRequest().getKey())).build());
                    }
                    v2Writes.add(b.build());
                }
                unprocessed.put(table, v2Writes);
            });
        }
        return BatchWriteItemResponse.builder()
                .unprocessedItems(unprocessed)
                .consumedCapacity(capacities(result.getConsumedCapacity()))
                .build();
    }

    // ---- values ----

    private static Map<String, String> names(boolean set, Map<String, String> names) {
        return set ? names : null;
    }

    private static Map<String, com.amazonaws.services.dynamodbv2.model.AttributeValue> values(
            boolean set, Map<String, AttributeValue> values) {
        return set ? toV1(values) : null;
    }

    static Map<String, com.amazonaws.services.dynamodbv2.model.AttributeValue> toV1(Map<String, AttributeValue> m) {
        if (m == null) {
            return null;
        }
        Map<String, com.amazonaws.services.dynamodbv2.model.AttributeValue> out = new LinkedHashMap<>(m.size() * 2);
        m.forEach((name, value) -> out.put(name, toV1(value)));
        return out;
    }

    static com.amazonaws.services.dynamodbv2.model.AttributeValue toV1(AttributeValue v) {
        var out = new com.amazonaws.services.dynamodbv2.model.AttributeValue();
        switch (v.type()) {
            case S -> out.setS(v.s());
            case N -> out.setN(v.n());
            case B -> out.setB(ByteBuffer.wrap(v.b().asByteArray()));
            case SS -> out.setSS(v.ss());
            case NS -> out.setNS(v.ns());
            case BS -> out.setBS(map(v.bs(), b -> ByteBuffer.wrap(b.asByteArray())));
            case M -> out.setM(toV1(v.m()));
            case L -> out.setL(map(v.l(), SdkV1Bridge::toV1));
            case BOOL -> out.setBOOL(v.bool());
            case NUL -> out.setNULL(v.nul());
            default -> throw new IllegalArgumentException("attribute value of unknown type " + v.type());
        }
        return out;
    }

    static Map<String, AttributeValue> fromV1(Map<String, com.amazonaws.services.dynamodbv2.model.AttributeValue> m) {
        if (m == null) {
            return null;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>(m.size() * 2);
        m.forEach((name, value) -> out.put(name, fromV1(value)));
        return out;
    }

    static AttributeValue fromV1(com.amazonaws.services.dynamodbv2.model.AttributeValue v) {
        AttributeValue.Builder b = AttributeValue.builder();
        if (v.getS() != null) {
            b.s(v.getS());
        } else if (v.getN() != null) {
            b.n(v.getN());
        } else if (v.getB() != null) {
            b.b(SdkBytes.fromByteBuffer(v.getB().duplicate()));
        } else if (v.getSS() != null) {
            b.ss(v.getSS());
        } else if (v.getNS() != null) {
            b.ns(v.getNS());
        } else if (v.getBS() != null) {
            b.bs(map(v.getBS(), buffer -> SdkBytes.fromByteBuffer(buffer.duplicate())));
        } else if (v.getM() != null) {
            b.m(fromV1(v.getM()));
        } else if (v.getL() != null) {
            b.l(map(v.getL(), SdkV1Bridge::fromV1));
        } else if (v.getBOOL() != null) {
            b.bool(v.getBOOL());
        } else if (v.getNULL() != null) {
            b.nul(v.getNULL());
        } else {
            throw new IllegalArgumentException("attribute value without a type from DynamoDB Local");
        }
        return b.build();
    }

    private static List<Map<String, AttributeValue>> items(
            List<Map<String, com.amazonaws.services.dynamodbv2.model.AttributeValue>> items) {
        return items == null ? null : map(items, SdkV1Bridge::fromV1);
    }

    private static <A, B> List<B> map(Collection<A> in, Function<A, B> f) {
        List<B> out = new ArrayList<>(in.size());
        for (A a : in) {
            out.add(f.apply(a));
        }
        return out;
    }

    // ---- capacity and metrics ----

    private static List<ConsumedCapacity> capacities(List<com.amazonaws.services.dynamodbv2.model.ConsumedCapacity> c) {
        return c == null ? null : map(c, SdkV1Bridge::capacity);
    }

    private static ConsumedCapacity capacity(com.amazonaws.services.dynamodbv2.model.ConsumedCapacity c) {
        if (c == null) {
            return null;
        }
        return ConsumedCapacity.builder()
                .tableName(c.getTableName())
                .capacityUnits(c.getCapacityUnits())
                .readCapacityUnits(c.getReadCapacityUnits())
                .writeCapacityUnits(c.getWriteCapacityUnits())
                .table(capacityOf(c.getTable()))
                .localSecondaryIndexes(capacityMap(c.getLocalSecondaryIndexes()))
                .globalSecondaryIndexes(capacityMap(c.getGlobalSecondaryIndexes()))
                .build();
    }

    private static Map<String, Capacity> capacityMap(Map<String, com.amazonaws.services.dynamodbv2.model.Capacity> m) {
        if (m == null) {
            return null;
        }
        Map<String, Capacity> out = new LinkedHashMap<>();
        m.forEach((index, capacity) -> out.put(index, capacityOf(capacity)));
        return out;
    }

    private static Capacity capacityOf(com.amazonaws.services.dynamodbv2.model.Capacity c) {
        return c == null ? null : Capacity.builder()
                .capacityUnits(c.getCapacityUnits())
                .readCapacityUnits(c.getReadCapacityUnits())
                .writeCapacityUnits(c.getWriteCapacityUnits())
                .build();
    }

    private static ItemCollectionMetrics metrics(com.amazonaws.services.dynamodbv2.model.ItemCollectionMetrics m) {
        return m == null ? null : ItemCollectionMetrics.builder()
                .itemCollectionKey(fromV1(m.getItemCollectionKey()))
                .sizeEstimateRangeGB(m.getSizeEstimateRangeGB())
                .build();
    }
}

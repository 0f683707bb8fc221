package com.overdue.collections.lambda.iam;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IAM actions a DynamoDB request needs, each with the partition-key prefix ({@code LOAN#}, {@code BORROWER#}) or
 * the index it touches. A transaction is authorised item by item (IAM has no TransactWriteItems action: each put,
 * update, delete or condition check needs its own action), so it yields one entry per item.
 */
final class LeadingKeys {

    private static final String PARTITION_KEY = "PK";

    private LeadingKeys() {
    }

    /** Lines {@code dynamodb:<Action> <prefix-or-index>}; {@code operation} is the SDK operation name. */
    static Set<String> calls(String operation, DynamoDbRequest request) {
        Set<String> out = new TreeSet<>();
        if (request instanceof TransactWriteItemsRequest r) {
            for (TransactWriteItem item : r.transactItems()) {
                if (item.put() != null) {
                    out.add("dynamodb:PutItem " + prefix(item.put().item()));
                } else if (item.update() != null) {
                    out.add("dynamodb:UpdateItem " + prefix(item.update().key()));
                } else if (item.delete() != null) {
                    out.add("dynamodb:DeleteItem " + prefix(item.delete().key()));
                } else if (item.conditionCheck() != null) {
                    out.add("dynamodb:ConditionCheckItem " + prefix(item.conditionCheck().key()));
                }
            }
            return out;
        }
        if (request instanceof TransactGetItemsRequest r) {
            r.transactItems().forEach(item -> out.add("dynamodb:GetItem " + prefix(item.get().key())));
            return out;
        }
        for (String target : of(request)) {
            out.add("dynamodb:" + operation + " " + target);
        }
        if (out.isEmpty()) {
            out.add("dynamodb:" + operation);
        }
        return out;
    }

    private static Set<String> of(DynamoDbRequest request) {
        Set<String> out = new TreeSet<>();
        if (request instanceof GetItemRequest r) {
            add(out, r.key());
        } else if (request instanceof PutItemRequest r) {
            add(out, r.item());
        } else if (request instanceof UpdateItemRequest r) {
            add(out, r.key());
        } else if (request instanceof DeleteItemRequest r) {
            add(out, r.key());
        } else if (request instanceof QueryRequest r) {
            if (r.indexName() != null) {
                out.add("index:" + r.indexName());
            } else {
                out.add(prefix(queriedPartition(r)));
            }
        } else if (request instanceof ScanRequest r) {
            out.add(r.indexName() == null ? "scan" : "scan:index:" + r.indexName());
        } else if (request instanceof BatchWriteItemRequest r) {
            r.requestItems().values().forEach(writes -> writes.forEach(w -> add(out,
                    w.putRequest() != null ? w.putRequest().item() : w.deleteRequest().key())));
        } else if (request instanceof BatchGetItemRequest r) {
            r.requestItems().values().forEach(keys -> keys.keys().forEach(key -> add(out, key)));
        }
        return out;
    }

    private static void add(Set<String> out, Map<String, AttributeValue> item) {
        out.add(prefix(item));
    }

    private static String prefix(Map<String, AttributeValue> item) {
        AttributeValue pk = item == null ? null : item.get(PARTITION_KEY);
        return prefix(pk == null ? null : pk.s());
    }

    /** The value compared with the partition key in {@code PK = :v} (or {@code #n = :v} with #n naming PK). */
    private static String queriedPartition(QueryRequest r) {
        String expression = r.keyConditionExpression();
        if (expression == null) {
            return null;
        }
        Set<String> names = new TreeSet<>(Set.of(PARTITION_KEY));
        if (r.expressionAttributeNames() != null) {
            r.expressionAttributeNames().forEach((placeholder, name) -> {
                if (PARTITION_KEY.equals(name)) {
                    names.add(placeholder);
                }
            });
        }
        for (String name : names) {
            Matcher m = Pattern.compile(Pattern.quote(name) + "\\s*=\\s*(:\\w+)").matcher(expression);
            if (m.find() && r.expressionAttributeValues() != null) {
                AttributeValue value = r.expressionAttributeValues().get(m.group(1));
                return value == null ? null : value.s();
            }
        }
        return null;
    }

    private static String prefix(String partitionKey) {
        if (partitionKey == null) {
            return "unknown";
        }
        int hash = partitionKey.indexOf('#');
        return hash < 0 ? partitionKey : partitionKey.substring(0, hash + 1);
    }
}

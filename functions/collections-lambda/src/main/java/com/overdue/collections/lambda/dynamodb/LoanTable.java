package com.overdue.collections.lambda.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The single table {@code collections}: typed views of its item kinds (schemas built at run time, never held in
 * static fields, for the native image) and, for local runs and tests, its creation with the same keys and index as
 * template.yaml.
 */
public final class LoanTable {

    public static final String REVIEW_INDEX = "review";

    final DynamoDbTable<LoanItem> loans;
    final DynamoDbTable<EventItem> events;
    final DynamoDbTable<DelinquencyChangeItem> changes;
    final DynamoDbTable<BorrowerItem> borrowers;
    final DynamoDbTable<PenaltyItem> penalties;
    /** Untyped view, for one query that returns items of several kinds of one partition. */
    final DynamoDbTable<EnhancedDocument> documents;
    final String tableName;

    public LoanTable(DynamoDbEnhancedClient enhanced, String tableName) {
        this.tableName = tableName;
        this.loans = enhanced.table(tableName, ItemSchemas.loan());
        this.events = enhanced.table(tableName, ItemSchemas.event());
        this.changes = enhanced.table(tableName, ItemSchemas.delinquencyChange());
        this.borrowers = enhanced.table(tableName, ItemSchemas.borrower());
        this.penalties = enhanced.table(tableName, ItemSchemas.penalty());
        this.documents = enhanced.table(tableName, TableSchema.documentSchemaBuilder()
                .addIndexPartitionKey(TableMetadata.primaryIndexName(), "PK", AttributeValueType.S)
                .addIndexSortKey(TableMetadata.primaryIndexName(), "SK", AttributeValueType.S)
                .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                .build());
    }

    /** Creates the table as template.yaml declares it; an existing table is left as it is. */
    public static void create(DynamoDbClient client, String tableName) {
        try {
            client.createTable(CreateTableRequest.builder()
                    .tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            attribute("PK"), attribute("SK"), attribute("reviewShard"), attribute("reviewAt"))
                    .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                            .indexName(REVIEW_INDEX)
                            .keySchema(key("reviewShard", KeyType.HASH), key("reviewAt", KeyType.RANGE))
                            .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                            .build())
                    .build());
            client.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        } catch (ResourceInUseException alreadyThere) {
            // idempotent: the table exists
        }
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}

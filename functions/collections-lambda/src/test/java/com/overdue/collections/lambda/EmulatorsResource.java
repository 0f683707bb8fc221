package com.overdue.collections.lambda;

import com.overdue.collections.emulators.EmbeddedDynamoDb;
import com.overdue.collections.emulators.MotoServer;
import com.overdue.collections.lambda.dynamodb.LoanTable;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the emulators the functions talk to in tests (DynamoDB Local in-process, moto for SQS), creates the table
 * and the work queue, and points the Quarkus AWS clients at them.
 */
public class EmulatorsResource implements QuarkusTestResourceLifecycleManager {

    public static final String TABLE = "collections-test";
    public static final int SHARDS = 4;
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    static URI dynamoEndpoint;
    static URI motoEndpoint;
    static String workQueueUrl;

    private EmbeddedDynamoDb dynamo;
    private MotoServer moto;

    @Override
    public Map<String, String> start() {
        dynamo = EmbeddedDynamoDb.start();
        moto = MotoServer.start();
        dynamoEndpoint = dynamo.endpoint();
        motoEndpoint = moto.endpoint();
        try (DynamoDbClient client = dynamoDb()) {
            LoanTable.create(client, TABLE);
        }
        try (SqsClient sqs = sqs()) {
            workQueueUrl = sqs.createQueue(b -> b.queueName("collections-work")).queueUrl();
        }
        Map<String, String> config = new HashMap<>();
        client(config, "dynamodb", dynamoEndpoint);
        for (String service : new String[]{"sqs", "sns", "ses", "s3"}) {
            client(config, service, motoEndpoint);
        }
        config.put("collections.table-name", TABLE);
        config.put("collections.work-queue-url", workQueueUrl);
        config.put("collections.review-shards", Integer.toString(SHARDS));
        return config;
    }

    private static void client(Map<String, String> config, String service, URI endpoint) {
        config.put("quarkus." + service + ".endpoint-override", endpoint.toString());
        config.put("quarkus." + service + ".aws.region", "us-east-1");
        config.put("quarkus." + service + ".aws.credentials.type", "static");
        config.put("quarkus." + service + ".aws.credentials.static-provider.access-key-id", "test");
        config.put("quarkus." + service + ".aws.credentials.static-provider.secret-access-key", "test");
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().endpointOverride(dynamoEndpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).build();
    }

    public static SqsClient sqs() {
        return SqsClient.builder().endpointOverride(motoEndpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).build();
    }

    public static String workQueueUrl() {
        return workQueueUrl;
    }

    @Override
    public void stop() {
        if (moto != null) {
            moto.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
    }
}

package com.overdue.collections.lambda;

import com.overdue.collections.emulators.EmbeddedDynamoDb;
import com.overdue.collections.emulators.MotoServer;
import com.overdue.collections.lambda.dynamodb.LoanTable;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

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
    static String workTopicArn;
    static String actionsTopicArn;
    static String allActionsQueueUrl;
    static String legalNoticeQueueUrl;

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
        try (SqsClient sqs = sqs(); SnsClient sns = sns()) {
            // As in template.yaml: the scan publishes to a topic; each worker's queue is subscribed, raw delivery.
            workTopicArn = sns.createTopic(b -> b.name("collections-work")).topicArn();
            workQueueUrl = sqs.createQueue(b -> b.queueName("collections-work-test")).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(workQueueUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(b -> b.topicArn(workTopicArn).protocol("sqs").endpoint(queueArn)
                    .attributes(Map.of("RawMessageDelivery", "true")));
            // As in template.yaml: collection actions go to a topic; one queue takes all, one filters LEGAL_NOTICE.
            actionsTopicArn = sns.createTopic(b -> b.name("collections-actions")).topicArn();
            allActionsQueueUrl = subscribedQueue(sqs, sns, actionsTopicArn, "collections-actions-all", null);
            legalNoticeQueueUrl = subscribedQueue(sqs, sns, actionsTopicArn, "collections-legal-notice",
                    "{\"action\":[\"LEGAL_NOTICE\"]}");
        }
        Map<String, String> config = new HashMap<>();
        client(config, "dynamodb", dynamoEndpoint);
        for (String service : new String[]{"sqs", "sns", "ses", "s3"}) {
            client(config, service, motoEndpoint);
        }
        config.put("collections.table-name", TABLE);
        config.put("collections.work-topic-arn", workTopicArn);
        config.put("collections.review-shards", Integer.toString(SHARDS));
        config.put("collections.actions-topic-arn", actionsTopicArn);
        return config;
    }

    private static String subscribedQueue(SqsClient sqs, SnsClient sns, String topicArn, String name,
                                          String filterPolicy) {
        String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        Map<String, String> attributes = new HashMap<>(Map.of("RawMessageDelivery", "true"));
        if (filterPolicy != null) {
            attributes.put("FilterPolicyScope", "MessageAttributes");
            attributes.put("FilterPolicy", filterPolicy);
        }
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(arn).attributes(attributes));
        return url;
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

    public static SnsClient sns() {
        return SnsClient.builder().endpointOverride(motoEndpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).build();
    }

    public static String workQueueUrl() {
        return workQueueUrl;
    }

    public static String allActionsQueueUrl() {
        return allActionsQueueUrl;
    }

    public static String legalNoticeQueueUrl() {
        return legalNoticeQueueUrl;
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

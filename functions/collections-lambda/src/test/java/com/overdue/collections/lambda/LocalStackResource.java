package com.overdue.collections.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.overdue.collections.emulators.LocalStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The LocalStack lane's emulator: LocalStack community in host mode with template.yaml deployed into its
 * CloudFormation (scripts/localstack/deploy.py: SAM transform by LocalStack, event source mappings disabled), and
 * every Quarkus AWS client pointed at it with the deployed physical names.
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    static URI endpoint;
    /** deploy.py's document: parameters, outputs, resources (logical id → type, physicalId), keptSettings. */
    static JsonNode stack;
    static Duration startup;
    static Duration deploy;

    private LocalStack localStack;

    /** The repository root: {@code collections.repo.root} (set by the pom), else the folder holding template.yaml. */
    static Path repoRoot() {
        String configured = System.getProperty("collections.repo.root");
        if (configured != null && !configured.isBlank() && Files.isRegularFile(Path.of(configured, "template.yaml"))) {
            return Path.of(configured);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("template.yaml"))) {
                return p;
            }
        }
        throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }

    @Override
    public Map<String, String> start() {
        Path root = repoRoot();
        long t0 = System.nanoTime();
        localStack = LocalStack.start(root.resolve("scripts/localstack/plugins"));
        long t1 = System.nanoTime();
        Path document = localStack.deploy(root.resolve("scripts/localstack/deploy.py"), root.resolve("template.yaml"),
                Duration.ofSeconds(240));
        long t2 = System.nanoTime();
        startup = Duration.ofNanos(t1 - t0);
        deploy = Duration.ofNanos(t2 - t1);
        endpoint = localStack.endpoint();
        try {
            stack = MAPPER.readTree(document.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>();
        for (String service : new String[]{"dynamodb", "sqs", "sns", "ses", "s3"}) {
            config.put("quarkus." + service + ".endpoint-override", endpoint.toString());
            config.put("quarkus." + service + ".aws.region", "us-east-1");
            config.put("quarkus." + service + ".aws.credentials.type", "static");
            config.put("quarkus." + service + ".aws.credentials.static-provider.access-key-id", "test");
            config.put("quarkus." + service + ".aws.credentials.static-provider.secret-access-key", "test");
        }
        config.put("quarkus.s3.path-style-access", "true");
        // What the template's Globals put in each function's environment, from the deployed stack.
        config.put("collections.table-name", output("CollectionsTableName"));
        config.put("collections.work-topic-arn", output("WorkTopicArn"));
        config.put("collections.actions-topic-arn", output("ActionsTopicArn"));
        config.put("collections.report-bucket", output("ReportsBucketName"));
        config.put("collections.review-shards", stack.path("parameters").path("ReviewShards").asText());
        return config;
    }

    static String output(String key) {
        JsonNode value = stack.path("outputs").path(key);
        if (value.isMissingNode()) {
            throw new IllegalStateException("stack output " + key + " missing: " + stack.path("outputs"));
        }
        return value.asText();
    }

    /** The physical id of a deployed resource (a queue's URL, a topic's ARN, a table's or bucket's name). */
    static String physicalId(String logicalId) {
        JsonNode value = stack.path("resources").path(logicalId).path("physicalId");
        if (value.isMissingNode() || value.isNull()) {
            throw new IllegalStateException("resource " + logicalId + " not deployed");
        }
        return value.asText();
    }

    static SqsClient sqs() {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .build();
    }

    static S3Client s3() {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .forcePathStyle(true).build();
    }

    static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).build();
    }

    @Override
    public void stop() {
        if (localStack != null) {
            localStack.close();
        }
    }
}

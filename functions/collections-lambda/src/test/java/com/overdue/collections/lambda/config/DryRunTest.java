package com.overdue.collections.lambda.config;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DryRunTest {

    @Test
    void a_dry_run_goes_through_the_pipeline_and_sends_nothing() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             DynamoDbClient dynamoDb = client(server)) {
            boolean stopped = DryRun.send(() -> dynamoDb.getItem(b -> b.tableName("t")
                    .key(Map.of("pk", AttributeValue.fromS("WARMUP#"), "sk", AttributeValue.fromS("WARMUP#")))
                    .overrideConfiguration(DryRun.STOP_BEFORE_SENDING)));

            assertThat(stopped).isTrue();
            server.setSoTimeout(200);
            assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void a_request_without_the_stop_is_sent_and_reported() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             DynamoDbClient dynamoDb = client(server)) {
            server.close();  // connection refused: the request really went out
            assertThatThrownBy(() -> DryRun.send(() -> dynamoDb.describeLimits()))
                    .hasMessageNotContaining("dry run");
        }
    }

    private static DynamoDbClient client(ServerSocket server) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getLocalPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }
}

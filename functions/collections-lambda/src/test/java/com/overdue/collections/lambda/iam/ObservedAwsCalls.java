package com.overdue.collections.lambda.iam;

import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records which AWS API operations each function really calls while the Quarkus function tests drive it, so that
 * {@code scripts/check-iam.sh} can hold template.yaml's per-function IAM policy to exactly that: every call observed
 * must be allowed, and every DynamoDB action allowed must have been observed. Registered on the SDK clients of the test
 * application by {@code META-INF/microprofile-config.properties} ({@code quarkus.<service>.interceptors}).
 *
 * <p>A call counts for the function the test application exports ({@code quarkus.funqy.export}) when it is made on a
 * thread other than JUnit's {@code main} thread: the tests seed data through the use cases on {@code main}, and the
 * function itself runs on the Lambda mock event server's threads. Lines {@code <service>:<Operation>} are appended to
 * {@code target/observed-aws-calls/<export>.txt}, once per operation and test JVM; a DynamoDB call also names the
 * partition-key prefix it touches ({@code dynamodb:GetItem LOAN#}) or the index it queries
 * ({@code dynamodb:Query index:review}), which is what a {@code dynamodb:LeadingKeys} condition is checked against.
 */
public final class ObservedAwsCalls implements ExecutionInterceptor {

    private static final Path DIRECTORY = Path.of("target", "observed-aws-calls");
    private static final String RESET_DONE = "collections.observed-aws-calls.reset";
    /** Set by the LocalStack lane's surefire execution: its calls are not the fast suite's and must not reset them. */
    private static final String OFF = "collections.observed-aws-calls.off";
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if ("main".equals(Thread.currentThread().getName()) || Boolean.getBoolean(OFF)) {
            return;
        }
        String export = ConfigProvider.getConfig().getOptionalValue("quarkus.funqy.export", String.class)
                .orElse("unknown");
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (context.request() instanceof DynamoDbRequest request) {
            LeadingKeys.calls(operation, request).forEach(line -> record(export, line));
        } else {
            record(export, attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase() + ":" + operation);
        }
    }

    private static void record(String export, String line) {
        if (SEEN.add(export + " " + line)) {
            append(export, line);
        }
    }

    private static synchronized void append(String export, String call) {
        try {
            // Once per test JVM (Quarkus loads this class again for every application it starts): start empty.
            if (System.getProperty(RESET_DONE) == null) {
                System.setProperty(RESET_DONE, "true");
                if (Files.isDirectory(DIRECTORY)) {
                    try (var files = Files.list(DIRECTORY)) {
                        for (Path file : (Iterable<Path>) files::iterator) {
                            Files.delete(file);
                        }
                    }
                }
            }
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(export + ".txt"), call + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.overdue.collections.emulators;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * DynamoDB Local's own in-process engine ({@link DynamoDBEmbedded}), in memory, behind an SDK v2
 * {@link DynamoDbClient}: the same storage engine, query and condition evaluation as {@link EmbeddedDynamoDb}, without
 * HTTP. A request is converted from the SDK's model to DynamoDB Local's, not marshalled to JSON, sent over loopback,
 * parsed by Jetty and DynamoDB Local and back again; the operations the adapters use go to DynamoDB Local's v1
 * interface through {@link SdkV1Bridge}, field by field, instead of its v2 client's JSON round trip. The local
 * runner uses it: a profile of the default demo over HTTP had the main thread in the SDK's marshalling and Apache HttpClient for 46 % of its samples and DynamoDB
 * Local's Jetty and JSON threads beside it (docs/architecture.md, "The local runner's DynamoDB").
 *
 * <p>The Lambda functions and their Quarkus tests keep the HTTP endpoint ({@link EmbeddedDynamoDb}, moto,
 * LocalStack): that is the path that runs in AWS. What the local runner needs of the SDK pipeline is its
 * {@link ExecutionInterceptor}s (the request counter, the crash injector); {@link #client} calls them around each
 * operation as the SDK would: {@code beforeExecution} before the call (a crash there means it never happened),
 * {@code afterExecution} after DynamoDB Local applied it, {@code onExecutionFailure} when it threw. The contexts
 * carry the request, the response and the exception; there is no HTTP request or response
 * ({@code httpRequest()} is {@code null}, the optional ones are empty), so an interceptor that reads HTTP parts
 * does not belong here. Execution attributes carry {@link SdkExecutionAttribute#SERVICE_NAME} ({@code DynamoDb})
 * and {@link SdkExecutionAttribute#OPERATION_NAME} ({@code PutItem}, {@code Query}, ...), as the SDK sets them.
 */
public final class InProcessDynamoDb implements AutoCloseable {

    private static final String SERVICE_NAME = "DynamoDb";

    private final AmazonDynamoDBLocal local;

    private InProcessDynamoDb(AmazonDynamoDBLocal local) {
        this.local = local;
    }

    /**
     * Starts an empty in-memory DynamoDB Local in this JVM (about 0.1 s; no port). Telemetry is off, as the server's
     * {@code -disableTelemetry} turns it off for {@link EmbeddedDynamoDb}: {@code create(true)} is the embedded
     * form of that switch, without which DynamoDB Local would also write {@code dynamodb-local-metadata.json} into
     * the working directory.
     */
    public static InProcessDynamoDb start() {
        EmbeddedDynamoDb.configureNativeLibrary();
        return new InProcessDynamoDb(DynamoDBEmbedded.create(true));
    }

    /**
     * A client on this instance that calls {@code interceptors} around every operation, in the order given (the
     * SDK's order for {@code beforeExecution}; {@code afterExecution} and {@code onExecutionFailure} too, which
     * matters only to interceptors that depend on each other, and these do not). Closing it does not stop the
     * engine; {@link #close} does.
     */
    public DynamoDbClient client(ExecutionInterceptor... interceptors) {
        DynamoDbClient target = local.dynamoDbClient();
        List<ExecutionInterceptor> chain = List.of(interceptors);
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[]{DynamoDbClient.class},
                new Intercepting(target, new SdkV1Bridge(local.amazonDynamoDB()), chain));
    }

    /** DynamoDB Local's own v2 client on this instance, without the bridge or interceptors (for comparing). */
    DynamoDbClient libraryClient() {
        return local.dynamoDbClient();
    }

    @Override
    public void close() {
        local.shutdown();
    }

    /** Whether {@code method} is one service operation: {@code XxxResponse xxx(XxxRequest)}. */
    static boolean isOperation(Method method) {
        return method.getParameterCount() == 1 && DynamoDbRequest.class.isAssignableFrom(method.getParameterTypes()[0])
                && DynamoDbResponse.class.isAssignableFrom(method.getReturnType());
    }

    /** {@code putItem} → {@code PutItem}: the SDK's operation name. */
    static String operationName(Method method) {
        String name = method.getName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private record Intercepting(DynamoDbClient target, SdkV1Bridge bridge, List<ExecutionInterceptor> chain)
            implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (!isOperation(method)) {
                if (method.getName().equals("waiter") && method.getParameterCount() == 0) {
                    // The interface's default throws; a waiter polls DescribeTable through this proxy.
                    return DynamoDbWaiter.builder().client((DynamoDbClient) proxy).build();
                }
                if (method.isDefault()) {
                    // Paginators and the Consumer<Builder> overloads: the SDK's own default methods, which come
                    // back through this proxy for each underlying call, so each page is counted once.
                    return InvocationHandler.invokeDefault(proxy, method, args);
                }
                if (method.getDeclaringClass() == Object.class) {
                    return switch (method.getName()) {
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "toString" -> "InProcessDynamoDb client";
                        default -> call(target, method, args);
                    };
                }
                return call(target, method, args);
            }
            ExecutionAttributes attributes = ExecutionAttributes.builder()
                    .put(SdkExecutionAttribute.SERVICE_NAME, SERVICE_NAME)
                    .put(SdkExecutionAttribute.OPERATION_NAME, operationName(method))
                    .build();
            SdkRequest request = (SdkRequest) args[0];
            for (ExecutionInterceptor interceptor : chain) {
                interceptor.beforeExecution(() -> request, attributes);
            }
            SdkResponse response;
            try {
                Object direct = bridge.call((DynamoDbRequest) request);
                response = (SdkResponse) (direct != null ? direct : call(target, method, args));
            } catch (RuntimeException e) {
                Failed failed = new Failed(request, e);
                for (ExecutionInterceptor interceptor : chain) {
                    interceptor.onExecutionFailure(failed, attributes);
                }
                throw e;
            }
            After after = new After(request, response);
            for (ExecutionInterceptor interceptor : chain) {
                interceptor.afterExecution(after, attributes);
            }
            return response;
        }

        private static Object call(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** The context after an operation: its request and response; no HTTP parts (there was no HTTP). */
    private record After(SdkRequest request, SdkResponse response) implements Context.AfterExecution {
        @Override
        public SdkHttpRequest httpRequest() {
            return null;
        }

        @Override
        public Optional<RequestBody> requestBody() {
            return Optional.empty();
        }

        @Override
        public Optional<AsyncRequestBody> asyncRequestBody() {
            return Optional.empty();
        }

        @Override
        public SdkHttpResponse httpResponse() {
            return null;
        }

        @Override
        public Optional<org.reactivestreams.Publisher<ByteBuffer>> responsePublisher() {
            return Optional.empty();
        }

        @Override
        public Optional<InputStream> responseBody() {
            return Optional.empty();
        }
    }

    /** The context of a failed operation: its request and the exception DynamoDB Local threw. */
    private record Failed(SdkRequest request, Throwable exception) implements Context.FailedExecution {
        @Override
        public Optional<SdkHttpRequest> httpRequest() {
            return Optional.empty();
        }

        @Override
        public Optional<SdkHttpResponse> httpResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SdkResponse> response() {
            return Optional.empty();
        }
    }
}

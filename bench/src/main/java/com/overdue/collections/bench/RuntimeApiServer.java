package com.overdue.collections.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local AWS Lambda Runtime API (the endpoints a runtime interface client polls, version 2018-06-01) for one
 * function process: {@code GET /runtime/invocation/next} hands out the queued invocations one at a time (blocking
 * until one is queued), {@code POST /runtime/invocation/{id}/response} and {@code .../error} complete them, and
 * {@code POST /runtime/init/error} records a failed init. It notes when the runtime first asked for work (its init
 * is over then) and when each invocation was handed out and answered, in {@link System#nanoTime()}.
 */
public final class RuntimeApiServer implements AutoCloseable {

    static final String PREFIX = "/2018-06-01/runtime";

    /** One invocation's outcome: the body the function returned (or its error), and when. */
    public record Outcome(String requestId, boolean error, String body, long handedOutNanos, long answeredNanos) {
        public long nanos() {
            return answeredNanos - handedOutNanos;
        }
    }

    private record Pending(String requestId, String event, CompletableFuture<Outcome> outcome) {
    }

    private final HttpServer server;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Long> handedOut = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> firstNext = new CompletableFuture<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final AtomicLong ids = new AtomicLong();

    private RuntimeApiServer(HttpServer server) {
        this.server = server;
    }

    /** A server on a free loopback port. */
    public static RuntimeApiServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        RuntimeApiServer api = new RuntimeApiServer(http);
        http.createContext(PREFIX + "/", api::handle);
        http.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        return api;
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues one invocation; the future completes when the function answers it. */
    public CompletableFuture<Outcome> invoke(String event) {
        Pending p = new Pending("req-" + ids.incrementAndGet(), event, new CompletableFuture<>());
        queue.add(p);
        return p.outcome();
    }

    /** When (nanoTime) the runtime first asked for an invocation: the end of its init. */
    public long awaitFirstNext(long timeout, TimeUnit unit) throws Exception {
        CompletableFuture<Object> either = CompletableFuture.anyOf(firstNext, initError);
        Object first = either.get(timeout, unit);
        if (first instanceof String error) {
            throw new IllegalStateException("init failed: " + error);
        }
        return (Long) first;
    }

    public static Outcome await(CompletableFuture<Outcome> outcome, long timeout, TimeUnit unit) throws Exception {
        try {
            return outcome.get(timeout, unit);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer within " + timeout + " " + unit, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (method.equals("GET") && path.equals("/invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && path.equals("/init/error")) {
                initError.complete(new String(body, StandardCharsets.UTF_8));
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.startsWith("/invocation/")
                    && (path.endsWith("/response") || path.endsWith("/error"))) {
                long now = System.nanoTime();
                String rest = path.substring("/invocation/".length());
                String id = rest.substring(0, rest.lastIndexOf('/'));
                Pending p = inFlight.remove(id);
                if (p == null) {
                    reply(exchange, 400, "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                p.outcome().complete(new Outcome(id, path.endsWith("/error"),
                        new String(body, StandardCharsets.UTF_8), handedOut.remove(id), now));
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                reply(exchange, 404, "{\"errorMessage\":\"not found\",\"errorType\":\"NotFound\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void next(HttpExchange exchange) throws IOException, InterruptedException {
        firstNext.complete(System.nanoTime());
        Pending p = queue.take();
        inFlight.put(p.requestId(), p);
        byte[] event = p.event().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", p.requestId());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + 60_000));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:000000000000:function:coldstart-bench");
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        handedOut.put(p.requestId(), System.nanoTime());
        exchange.sendResponseHeaders(200, event.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(event);
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

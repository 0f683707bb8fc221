package com.overdue.collections.bench;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local Runtime API speaks the protocol a runtime interface client expects (no timings asserted). */
class RuntimeApiServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void next_hands_out_queued_invocations_with_their_headers_and_response_completes_them() throws Exception {
        try (RuntimeApiServer api = RuntimeApiServer.start()) {
            CompletableFuture<RuntimeApiServer.Outcome> first = api.invoke("{\"n\":1}");
            CompletableFuture<RuntimeApiServer.Outcome> second = api.invoke("{\"n\":2}");

            HttpResponse<String> next = get(api, "/invocation/next");
            assertThat(next.statusCode()).isEqualTo(200);
            assertThat(next.body()).isEqualTo("{\"n\":1}");
            String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            assertThat(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").map(Long::parseLong).orElseThrow())
                    .isGreaterThan(System.currentTimeMillis());
            assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn")).isPresent();
            assertThat(api.awaitFirstNext(1, TimeUnit.SECONDS)).isPositive();

            assertThat(post(api, "/invocation/" + id + "/response", "{\"ok\":true}").statusCode()).isEqualTo(202);
            RuntimeApiServer.Outcome done = RuntimeApiServer.await(first, 5, TimeUnit.SECONDS);
            assertThat(done.error()).isFalse();
            assertThat(done.body()).isEqualTo("{\"ok\":true}");
            assertThat(done.nanos()).isNotNegative();

            HttpResponse<String> again = get(api, "/invocation/next");
            assertThat(again.body()).isEqualTo("{\"n\":2}");
            String id2 = again.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            assertThat(id2).isNotEqualTo(id);
            post(api, "/invocation/" + id2 + "/error", "{\"errorMessage\":\"boom\",\"errorType\":\"X\"}");
            RuntimeApiServer.Outcome failed = RuntimeApiServer.await(second, 5, TimeUnit.SECONDS);
            assertThat(failed.error()).isTrue();
            assertThat(failed.body()).contains("boom");

            assertThat(post(api, "/invocation/unknown/response", "{}").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void an_init_error_is_reported_instead_of_the_first_next() throws Exception {
        try (RuntimeApiServer api = RuntimeApiServer.start()) {
            assertThat(post(api, "/init/error", "{\"errorMessage\":\"no handler\"}").statusCode()).isEqualTo(202);
            assertThatThrownBy(() -> api.awaitFirstNext(5, TimeUnit.SECONDS)).hasMessageContaining("no handler");
        }
    }

    private HttpResponse<String> get(RuntimeApiServer api, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(api, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(RuntimeApiServer api, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(api, path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(RuntimeApiServer api, String path) {
        return URI.create("http://" + api.address() + RuntimeApiServer.PREFIX + path);
    }
}

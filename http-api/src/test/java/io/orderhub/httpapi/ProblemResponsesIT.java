package io.orderhub.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProblemResponsesIT extends GuardRailsTestBase {

    @Test
    void namesEachInvalidFieldInSnakeCaseWith422() {
        HttpResponse<String> response = client(SHOP_KEY)
                .post("/api/v1/orders", "{\"source\": \"woocommerce\", \"reference\": \"\", \"amount\": -1}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("\"type\":\"https://orderhub.io/problems/validation-failed\"")
                .contains("\"field\":\"reference\"")
                .contains("\"field\":\"amount\"")
                .contains("\"code\":\"VALIDATION_FAILED\"");
    }

    @Test
    void answers400NamingAFieldOfTheWrongJsonType() {
        HttpResponse<String> response = client(SHOP_KEY)
                .post("/api/v1/orders", "{\"source\": \"woocommerce\", \"reference\": \"r\", \"amount\": \"ten\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"amount\"").contains("malformed-request");
    }

    @Test
    void answers413ForABodyOverOneMebibyte() {
        HttpResponse<String> response = client(SHOP_KEY)
                .send("POST", "/api/v1/orders", new byte[1024 * 1024 + 1], Map.of("Content-Type", "application/json"));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("payload-too-large");
    }

    @Test
    void answers413ForAChunkedBodyOverOneMebibyteThatTheIdempotencyKeyFilterReads() throws Exception {
        byte[] body = new byte[1024 * 1024 + 1];
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/orders"))
                .header("Authorization", "Bearer " + SHOP_KEY)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "chunked-" + UUID.randomUUID())
                // No length known in advance: sent chunked, so only reading finds it too large.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("payload-too-large");
    }

    @Test
    void answers405And415() {
        assertThat(client(SHOP_KEY)
                        .send("DELETE", "/api/v1/orders", new byte[0], Map.of())
                        .statusCode())
                .isEqualTo(405);
        assertThat(client(SHOP_KEY)
                        .send("POST", "/api/v1/orders", "x".getBytes(), Map.of("Content-Type", "text/plain"))
                        .statusCode())
                .isEqualTo(415);
    }

    @Test
    void answers404ForAnIdThatCannotExist() {
        HttpResponse<String> response = client(SHOP_KEY).get("/api/v1/orders/not-a-uuid");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("not-found");
    }

    @Test
    void returnsTheCallersRequestIdOrMintsOne() {
        HttpResponse<String> given = client(SHOP_KEY)
                .send("GET", "/api/v1/orders/" + UUID.randomUUID(), new byte[0], Map.of("X-Request-Id", "shop-req-42"));
        HttpResponse<String> minted = client(SHOP_KEY).get("/api/v1/orders/" + UUID.randomUUID());

        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("shop-req-42");
        assertThat(minted.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(UUID.fromString(id)).isNotNull());
    }
}

package io.orderhub.orders;

import io.orderhub.testsupport.ApiClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/** A channel talking to order-service over HTTP, with the answers parsed for assertions. */
public final class OrderApi {

    /** Decimals read exactly as the service wrote them (47.49, 0.00), so tests see its JSON as it is. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final ApiClient client;

    private OrderApi(ApiClient client) {
        this.client = client;
    }

    public static OrderApi on(int port, String apiKey) {
        return new OrderApi(ApiClient.of("http://localhost:" + port, apiKey));
    }

    public OrderApi withKey(String apiKey) {
        return new OrderApi(client.withKey(apiKey));
    }

    public Answer create(Object body) {
        return new Answer(client.post("/api/v1/orders", body.toString()));
    }

    public Answer create(Object body, String idempotencyKey) {
        return new Answer(client.post("/api/v1/orders", body.toString(), ApiClient.idempotencyKey(idempotencyKey)));
    }

    /** Creates the order and answers its id, failing unless the answer is 201. */
    public UUID place(Object body) {
        Answer created = create(body);
        if (created.status() != 201) {
            throw new AssertionError("Expected 201, got " + created.status() + ": " + created.text());
        }
        return UUID.fromString(created.data().get("id").asString());
    }

    public Answer get(UUID id) {
        return new Answer(client.get("/api/v1/orders/" + id));
    }

    public Answer get(String path) {
        return new Answer(client.get(path));
    }

    public Answer history(UUID id) {
        return new Answer(client.get("/api/v1/orders/" + id + "/history"));
    }

    public Answer transition(UUID id, String status, String reason) {
        return transition(id, status, reason, Map.of());
    }

    public Answer transition(UUID id, String status, String reason, Map<String, String> headers) {
        String body = reason == null
                ? "{\"status\": \"" + status + "\"}"
                : "{\"status\": \"" + status + "\", \"reason\": \"" + reason + "\"}";
        return new Answer(client.post("/api/v1/orders/" + id + "/transitions", body, headers));
    }

    public Answer post(String path, String body) {
        return new Answer(client.post(path, body));
    }

    public Answer put(String path, String body) {
        return send("PUT", path, body);
    }

    public Answer patch(String path, String body) {
        return send("PATCH", path, body);
    }

    private Answer send(String method, String path, String body) {
        return new Answer(client.send(
                method,
                path,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json")));
    }

    /** An answer: status, headers and the body as JSON. */
    public record Answer(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String text() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public JsonNode data() {
            return json().get("data");
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status() + " " + text();
        }
    }

    public static JsonMapper json() {
        return JSON;
    }
}

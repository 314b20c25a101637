package io.orderhub.callbacks;

import static org.awaitility.Awaitility.await;

import io.orderhub.testsupport.ApiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The callbacks API as an operator or a channel calls it. */
public final class DispatcherApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiClient client;

    public DispatcherApi(int port, String apiKey) {
        this.client = ApiClient.of("http://localhost:" + port, apiKey);
    }

    public ApiClient client() {
        return client;
    }

    /** Every delivery of an order, newest first. */
    public List<JsonNode> deliveriesOf(UUID orderId) {
        HttpResponse<String> response = client.get("/api/v1/callbacks/deliveries?order_id=" + orderId + "&limit=200");
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET deliveries answered " + response.statusCode() + ": " + response.body());
        }
        List<JsonNode> deliveries = new ArrayList<>();
        json(response.body()).path("data").forEach(deliveries::add);
        return deliveries;
    }

    /** Waits until the order has a delivery in this status (as the API shows it) and answers that delivery. */
    public JsonNode awaitDelivery(UUID orderId, String status) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> deliveriesOf(orderId).stream()
                                .filter(d -> d.path("status").asString().equals(status))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}

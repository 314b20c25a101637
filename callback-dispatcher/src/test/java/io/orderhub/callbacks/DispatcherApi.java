package io.orderhub.callbacks;

import io.orderhub.testsupport.ApiClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
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

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}

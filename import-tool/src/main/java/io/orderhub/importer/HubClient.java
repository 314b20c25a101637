package io.orderhub.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * The hub's admin import endpoints, through its edge, with the admin key. A refusal the hub may lift by itself
 * (429, 502, 503, 504, or no connection: a service restarting) is retried with growing pauses; any other
 * answer is returned as it is.
 */
final class HubClient {

    /** The hub's answer: its status and body ({@code data} of an envelope, or the problem document). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status == 200 || status == 201;
        }

        JsonNode data() {
            return body.path("data");
        }

        String problem() {
            return status + " " + body.path("title").asText("") + ": "
                    + body.path("detail").asText(body.toString());
        }
    }

    private static final Set<Integer> RETRIABLE = Set.of(429, 502, 503, 504);
    private static final int ATTEMPTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String key;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    HubClient(String hub, String key) {
        this.base = URI.create(hub.endsWith("/") ? hub : hub + "/");
        this.key = key;
    }

    Answer put(String path, Object body) throws InterruptedException {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        IOException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (!RETRIABLE.contains(response.statusCode()) || attempt == ATTEMPTS) {
                    return new Answer(response.statusCode(), parse(response.body()));
                }
            } catch (IOException e) {
                failure = e;
            }
            Thread.sleep(Math.min(10_000L, 250L << attempt));
        }
        throw new IllegalStateException("The hub at " + base + " did not answer " + path + ": " + failure);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("detail", "not JSON");
        }
    }
}

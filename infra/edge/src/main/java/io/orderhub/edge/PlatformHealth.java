package io.orderhub.edge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /health} of the whole platform: 200 only when all four services answer their own health with
 * 200, asked in parallel with a short timeout.
 */
@RestController
class PlatformHealth {

    private final EdgeProperties properties;
    private final HttpClient http;

    PlatformHealth(EdgeProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.healthTimeout())
                .build();
    }

    @GetMapping({"/health", "/api/v1/health"})
    ResponseEntity<Map<String, Object>> health() {
        Map<String, CompletableFuture<String>> checks = new LinkedHashMap<>();
        properties.services().forEach((name, uri) -> checks.put(name, check(uri)));
        Map<String, String> services = new LinkedHashMap<>();
        checks.forEach((name, check) -> services.put(name, check.join()));
        boolean up = services.values().stream().allMatch("UP"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("services", services);
        return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(body);
    }

    private CompletableFuture<String> check(URI service) {
        HttpRequest request = HttpRequest.newBuilder(service.resolve("/health"))
                .timeout(properties.healthTimeout())
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() == 200 ? "UP" : "DOWN")
                .exceptionally(failure -> "DOWN");
    }
}

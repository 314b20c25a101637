package io.orderhub.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Spring Boot tests switch trace export, and with it propagation, off: this one turns it on. */
@AutoConfigureTracing
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT extends GuardRailsTestBase {

    @Test
    void continuesTheCallersW3cTraceInTheLogLinesOfTheRequest(CapturedOutput output) {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String reference = "traced-" + UUID.randomUUID();

        HttpResponse<String> response = client(SHOP_KEY)
                .send(
                        "POST",
                        "/api/v1/orders",
                        order("woocommerce", reference, "1.00").getBytes(StandardCharsets.UTF_8),
                        Map.of(
                                "Content-Type",
                                "application/json",
                                "traceparent",
                                "00-" + traceId + "-00f067aa0ba902b7-01"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(output.getOut().lines().filter(line -> line.contains("Placing widget order " + reference)))
                .singleElement()
                .asString()
                .contains(traceId)
                .contains(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void exposesPrometheusMetricsPerRouteAndStatus() {
        client(SHOP_KEY).get("/api/v1/orders/" + UUID.randomUUID());

        HttpResponse<String> metrics = client(null).get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count")
                .contains("uri=\"/api/v1/orders/{id}\"")
                .contains("status=\"404\"")
                .contains("hikaricp_connections");
    }

    @Test
    void reportsTheConnectionPoolInTheHealth() {
        HttpResponse<String> health = client(null).get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body())
                .contains("\"pool\"")
                .contains("\"active\"")
                .contains("\"awaiting\"")
                .contains("\"db\"");
    }

    @Test
    void servesTheOpenApiDescription() {
        HttpResponse<String> docs = client(null).get("/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"").contains("/api/v1/orders");
    }
}

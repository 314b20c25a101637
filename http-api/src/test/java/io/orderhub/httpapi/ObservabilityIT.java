package io.orderhub.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.httpapi.problem.ProblemType;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Spring Boot tests switch trace export, and with it propagation, off: this one turns it on. */
@AutoConfigureTracing
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT extends GuardRailsTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
        JsonNode api = JSON.readTree(docs.body());
        assertThat(api.get("openapi").asString()).startsWith("3.");
        assertThat(api.at("/info/title").asString()).isEqualTo("Order Hub guard-rails-test");
        assertThat(api.at("/info/version").asString()).isEqualTo("v1");
        assertThat(api.at("/info/description").asString()).contains("ARCHITECTURE.md");
        assertThat(api.at("/paths").propertyNames()).contains("/api/v1/orders", "/api/v1/orders/{id}");
    }

    @Test
    void describesTheBearerKeyAsRequiredExceptOnPublicPaths() {
        JsonNode api = JSON.readTree(client(null).get("/v3/api-docs").body());

        assertThat(api.at("/components/securitySchemes/bearer/type").asString()).isEqualTo("http");
        assertThat(api.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
        assertThat(api.get("security").valueStream().map(requirement -> requirement.has("bearer")))
                .containsExactly(true);
        JsonNode health = api.at("/paths/~1api~1v1~1health/get");
        assertThat(health.get("security")).as("health needs no key").isEmpty();
        assertThat(health.at("/responses/401").isMissingNode()).isTrue();
        assertThat(api.at("/paths").propertyNames())
                .as("the container's error page is no operation")
                .doesNotContain("/error");
        JsonNode create = api.at("/paths/~1api~1v1~1orders/post");
        assertThat(create.has("security")).as("the global requirement applies").isFalse();
        assertThat(create.path("parameters")
                        .valueStream()
                        .map(p -> p.get("name").asString()))
                .as("the caller is the security scheme, not a parameter")
                .doesNotContain("caller");
    }

    @Test
    void describesTheProblemAnswersOfTheGuardRailsOnEveryAuthenticatedOperation() {
        JsonNode api = JSON.readTree(client(null).get("/v3/api-docs").body());

        JsonNode problem = api.at("/components/schemas/Problem");
        assertThat(problem.get("properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "errors", "success", "error");
        assertThat(problem.at("/properties/error/properties").propertyNames()).contains("code", "message");
        assertThat(problem.at("/properties/errors/items/properties").propertyNames())
                .contains("field", "message");

        JsonNode get = api.at("/paths/~1api~1v1~1orders~1{id}/get");
        assertThat(get.get("responses").propertyNames()).contains("400", "401", "403", "404", "422", "429");
        assertThat(get.get("responses").propertyNames()).doesNotContain("409");
        JsonNode validation = get.at("/responses/422/content/application~1problem+json");
        assertThat(validation.at("/schema/$ref").asString()).isEqualTo("#/components/schemas/Problem");
        assertThat(validation.at("/examples/validation-failed/value/type").asString())
                .isEqualTo(ProblemType.VALIDATION_FAILED.type().toString());
        assertThat(validation.at("/examples/validation-failed/value/error/code").asString())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(get.at("/responses/429/headers").propertyNames())
                .contains("Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
        assertThat(api.at("/components/headers").propertyNames()).contains("Retry-After", "RateLimit-Reset");
    }

    @Test
    void describesTheOptionalIdempotencyKeyAndItsConflictOnWrites() {
        JsonNode api = JSON.readTree(client(null).get("/v3/api-docs").body());

        JsonNode create = api.at("/paths/~1api~1v1~1orders/post");
        assertThat(create.get("parameters")
                        .valueStream()
                        .filter(p -> p.get("name").asString().equals("Idempotency-Key")))
                .singleElement()
                .satisfies(key -> {
                    assertThat(key.get("in").asString()).isEqualTo("header");
                    assertThat(key.path("required").asBoolean(false)).isFalse();
                });
        assertThat(create.at("/responses/409/content/application~1problem+json/examples")
                        .propertyNames())
                .contains(ProblemType.CONFLICT.slug(), ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT.slug());
        assertThat(api.at("/paths/~1api~1v1~1orders~1{id}/get").has("parameters")
                        && api.at("/paths/~1api~1v1~1orders~1{id}/get/parameters")
                                .valueStream()
                                .anyMatch(p -> p.get("name").asString().equals("Idempotency-Key")))
                .as("reads take no Idempotency-Key")
                .isFalse();
    }
}

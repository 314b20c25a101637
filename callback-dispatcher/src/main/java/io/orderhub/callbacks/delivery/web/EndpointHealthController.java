package io.orderhub.callbacks.delivery.web;

import io.orderhub.callbacks.delivery.Caller;
import io.orderhub.callbacks.delivery.EndpointHealth;
import io.orderhub.callbacks.delivery.FindEndpointHealth;
import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RequiresScope;
import io.orderhub.httpapi.apikey.Scope;
import io.orderhub.httpapi.response.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How each endpoint answered over the attempts held: for the console's Callbacks page. */
@RestController
class EndpointHealthController {

    private final FindEndpointHealth health;

    EndpointHealthController(FindEndpointHealth health) {
        this.health = health;
    }

    record HealthView(
            String name,
            long attempts,
            long delivered,
            BigDecimal successRate,
            long averageLatencyMs,
            long p95LatencyMs,
            Instant lastAttemptAt) {

        static HealthView of(EndpointHealth health) {
            return new HealthView(
                    health.endpoint().toLowerCase(Locale.ROOT),
                    health.attempts(),
                    health.delivered(),
                    BigDecimal.valueOf(health.delivered())
                            .divide(BigDecimal.valueOf(health.attempts()), 4, RoundingMode.HALF_UP),
                    health.averageLatencyMs(),
                    health.p95LatencyMs(),
                    health.lastAttemptAt());
        }
    }

    @Operation(summary = "Each endpoint's health over the attempts held", description = """
                    Per endpoint (`name` as in the endpoints list), over the delivery attempts the dispatcher \
                    still holds (deliveries are purged after their retention): `attempts`, `delivered` (answered \
                    2xx), `success_rate` (delivered ÷ attempts, 0 to 1), `average_latency_ms`, \
                    `p95_latency_ms` and `last_attempt_at`. Endpoints without attempts are absent; whether one \
                    is disabled, and since when, is in the endpoints list. A channel key sees its own.""")
    @RequiresScope(Scope.CALLBACKS_READ)
    @GetMapping("/api/v1/callbacks/endpoints/health")
    Map<String, Object> health(ApiKey caller) {
        return ApiResponse.of(health.all(new Caller(caller.channel(), caller.isAdmin())).stream()
                .map(HealthView::of)
                .toList());
    }
}

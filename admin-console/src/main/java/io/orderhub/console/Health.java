package io.orderhub.console;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /health}, where the platform's launcher and every service answer it: the actuator's health. */
@RestController
class Health {

    private final HealthEndpoint health;

    Health(HealthEndpoint health) {
        this.health = health;
    }

    @GetMapping("/health")
    ResponseEntity<String> health() {
        boolean up = Status.UP.equals(health.health().getStatus());
        return ResponseEntity.status(up ? 200 : 503)
                .header("Content-Type", "application/json")
                .body(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }
}

package io.orderhub.httpapi.health;

import jakarta.annotation.security.PermitAll;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contract's health paths, answered by the actuator's health endpoint (database, Kafka, disk), with
 * its status mapping: 200 when up, 503 otherwise. Kubernetes probes use
 * {@code /actuator/health/liveness|readiness}.
 */
@RestController
class HealthController {

    private final HealthEndpoint health;
    private final HttpCodeStatusMapper statusMapper;

    HealthController(HealthEndpoint health, HttpCodeStatusMapper statusMapper) {
        this.health = health;
        this.statusMapper = statusMapper;
    }

    @PermitAll
    @GetMapping({"/health", "/api/v1/health"})
    ResponseEntity<HealthDescriptor> health() {
        HealthDescriptor descriptor = health.health();
        return ResponseEntity.status(statusMapper.getStatusCode(descriptor.getStatus()))
                .body(descriptor);
    }
}

package io.orderhub.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

class NotReadyIT extends GuardRailsTestBase {

    @Autowired
    ApplicationContext context;

    @AfterEach
    void ready() {
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void answersRetriable503ToTheApiUntilReady() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);

        HttpResponse<String> refused = client(SHOP_KEY).post("/api/v1/orders", order("woocommerce", "not-ready", "10"));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("service-unavailable").contains("starting or stopping");

        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(client(SHOP_KEY)
                        .post("/api/v1/orders", order("woocommerce", "not-ready", "10"))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void letsHealthAndProbesThroughWhileNotReady() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);

        HttpResponse<String> health = client(null).get("/health");
        HttpResponse<String> readiness = client(null).get("/actuator/health/readiness");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"readinessState\"").contains("OUT_OF_SERVICE");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("OUT_OF_SERVICE");
        assertThat(client(null).get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }
}

package io.orderhub.orders.order;

import static io.orderhub.testsupport.ApiClient.idempotencyKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.testsupport.ApiClient;
import io.orderhub.testsupport.OrderhubTestEnvironment;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** order-service's API sits behind the shared guard rails. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "API_KEYS=pos:pos-guard-rails-key")
@ContextConfiguration(initializers = OrderhubTestEnvironment.class)
class OrderApiGuardRailsIT {

    @LocalServerPort
    int port;

    @Test
    void refusesARequestWithoutAKeyAndReplaysAnIdempotentCreate() {
        String body = """
                {"source": "pos", "source_order_id": "%s", "currency": "EUR", "grand_total": 9.90}
                """.formatted(UUID.randomUUID());
        ApiClient pos = ApiClient.of("http://localhost:" + port, "pos-guard-rails-key");

        HttpResponse<String> anonymous = pos.withKey(null).post("/api/v1/orders", body);
        HttpResponse<String> created = pos.post("/api/v1/orders", body, idempotencyKey("pos-1"));
        HttpResponse<String> replayed = pos.post("/api/v1/orders", body, idempotencyKey("pos-1"));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(replayed.body()).isEqualTo(created.body());
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }
}

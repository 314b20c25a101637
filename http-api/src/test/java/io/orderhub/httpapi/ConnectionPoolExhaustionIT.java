package io.orderhub.httpapi;

import static io.orderhub.testsupport.ApiClient.idempotencyKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.httpapi.testapp.PlaceWidgetOrder;
import io.orderhub.httpapi.testapp.WidgetController;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * One connection in the pool, with the shared connection timeout: what a client sees when none is free.
 * (Flyway migrates through connections of its own: it needs two at once.)
 */
@TestPropertySource(
        properties = {
            "DB_POOL_SIZE=1",
            "spring.flyway.url=${spring.datasource.url}",
            "spring.flyway.user=${spring.datasource.username}",
            "spring.flyway.password=${spring.datasource.password}"
        })
class ConnectionPoolExhaustionIT extends GuardRailsTestBase {

    @Autowired
    PlaceWidgetOrder orders;

    /** The bound below is on the wait for a connection, not on a first request's warm-up. */
    @BeforeEach
    void warmUp() {
        assertThat(client(SHOP_KEY).get("/api/v1/orders/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
    }

    @AfterEach
    void reset() {
        WidgetController.gate.countDown();
        WidgetController.gate = new CountDownLatch(0);
        WidgetController.holding = new CountDownLatch(0);
        WidgetController.audited.set(false);
    }

    @Test
    void answers503WithRetryAfterWithinThreeSecondsWhileAnotherRequestHoldsTheOnlyConnection() throws Exception {
        WidgetController.gate = new CountDownLatch(1);
        WidgetController.holding = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> report =
                CompletableFuture.supplyAsync(() -> client(SHOP_KEY).get("/api/v1/orders/report"));
        assertThat(WidgetController.holding.await(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        HttpResponse<String> refused = client(SHOP_KEY).get("/api/v1/orders/" + UUID.randomUUID());
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(waited).isLessThan(Duration.ofSeconds(3));
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body())
                .contains("\"type\":\"https://orderhub.io/problems/service-unavailable\"")
                .contains("\"status\":503")
                .doesNotContainIgnoringCase("hikari")
                .doesNotContainIgnoringCase("sql")
                .doesNotContainIgnoringCase("connection");

        WidgetController.gate.countDown();
        assertThat(report.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void answers503FromAHandlerThatFindsNoConnectionAndRunsTheSameIdempotencyKeyAgainOnRetry() {
        String reference = "pool-" + UUID.randomUUID();
        String key = "key-" + UUID.randomUUID();
        String body = order("woocommerce", reference, "12.00");
        // A first write of the same shape, so that the bound below is on the wait for a connection.
        assertThat(client(SHOP_KEY)
                        .post(
                                "/api/v1/orders",
                                order("woocommerce", "warm-" + UUID.randomUUID(), "1.00"),
                                idempotencyKey("key-" + UUID.randomUUID()))
                        .statusCode())
                .isEqualTo(201);
        WidgetController.audited.set(true);

        long started = System.nanoTime();
        HttpResponse<String> refused = client(SHOP_KEY).post("/api/v1/orders", body, idempotencyKey(key));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(waited).isLessThan(Duration.ofSeconds(3));
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body()).contains("\"type\":\"https://orderhub.io/problems/service-unavailable\"");
        assertThat(orders.count(reference)).isZero();

        WidgetController.audited.set(false);
        HttpResponse<String> retried = client(SHOP_KEY).post("/api/v1/orders", body, idempotencyKey(key));

        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(orders.count(reference)).isEqualTo(1);
    }
}

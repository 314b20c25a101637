package io.orderhub.callbacks;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.orderhub.events.OrderStatus;
import io.orderhub.testsupport.OrderhubTestEnvironment;
import io.orderhub.testsupport.TestKafka;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The SSRF guard with its defaults ({@code CALLBACK_REQUIRE_HTTPS=true}, private networks not allowed): a
 * receiver on this machine, reachable over http and https, gets nothing — neither through plain http, nor
 * through a name that resolves to loopback, nor through a loopback literal — and each refusal is recorded.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.consumer.group-id=target-guard-it-${random.uuid}",
            "API_KEYS=admin:admin-guard-key",
            "POS_CALLBACK_SECRET=pos-guard-secret",
            "B2B_CALLBACK_SECRET=b2b-guard-secret",
            "MARKET_CALLBACK_SECRET=market-guard-secret",
            "CALLBACK_RETRY_SCHEDULE=100ms"
        })
@ContextConfiguration(initializers = OrderhubTestEnvironment.class)
@DirtiesContext
class TargetGuardIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    static final WireMockServer RECEIVER =
            new WireMockServer(options().dynamicPort().dynamicHttpsPort());

    static {
        RECEIVER.start();
        RECEIVER.stubFor(post(anyUrl()).willReturn(ok()));
    }

    private static EventProducer orders;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void receivers(DynamicPropertyRegistry registry) {
        registry.add("POS_CALLBACK_URL", () -> "http://localhost:" + RECEIVER.port() + "/pos");
        registry.add("B2B_CALLBACK_URL", () -> "https://localhost:" + RECEIVER.httpsPort() + "/b2b");
        registry.add("MARKET_CALLBACK_URL", () -> "https://127.0.0.1:" + RECEIVER.httpsPort() + "/market");
    }

    @BeforeAll
    static void connect() {
        orders = new EventProducer(TestKafka.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        orders.close();
        RECEIVER.stop();
    }

    @Test
    void refusesPlainHttpWhenHttpsIsRequired() {
        JsonNode delivery = deadLettered("pos");

        assertThat(delivery.path("attempts")).allSatisfy(attempt -> {
            assertThat(attempt.path("outcome").asString()).isEqualTo("refused");
            assertThat(attempt.path("error").asString()).contains("plain http is refused");
        });
        assertThat(RECEIVER.getAllServeEvents()).isEmpty();
    }

    @Test
    void refusesANameThatResolvesToLoopback() {
        JsonNode delivery = deadLettered("b2b");

        assertThat(delivery.path("last_error").asString())
                .contains("localhost resolves to a loopback address")
                .contains("CALLBACK_ALLOW_PRIVATE_NETWORKS");
        assertThat(RECEIVER.getAllServeEvents()).isEmpty();
    }

    @Test
    void refusesALoopbackAddressLiteral() {
        JsonNode delivery = deadLettered("market");

        assertThat(delivery.path("last_error").asString()).contains("127.0.0.1 resolves to a loopback address");
        assertThat(delivery.path("attempts").get(0).path("latency_ms").asLong()).isZero();
        assertThat(RECEIVER.getAllServeEvents()).isEmpty();
    }

    /** Two attempts (the schedule has one retry), both refused, then dead-lettered. */
    private JsonNode deadLettered(String channel) {
        OrderEvents order = OrderEvents.anOrder(channel, "G-" + UUID.randomUUID());
        orders.send(order.statusChanged(2, OrderStatus.CONFIRMED));
        DispatcherApi admin = new DispatcherApi(port, "admin-guard-key");
        JsonNode delivery = await().atMost(WAIT)
                .until(
                        () -> admin.deliveriesOf(order.orderId()),
                        list -> list.size() == 1
                                && list.get(0).path("status").asString().equals("dead_lettered"))
                .get(0);
        assertThat(delivery.path("attempt_count").asInt()).isEqualTo(2);
        return delivery;
    }
}

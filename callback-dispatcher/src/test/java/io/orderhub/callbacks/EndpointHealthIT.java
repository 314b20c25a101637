package io.orderhub.callbacks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.orderhub.events.OrderStatus;
import io.orderhub.testsupport.OrderhubTestEnvironment;
import io.orderhub.testsupport.TestKafka;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * Endpoint health from the attempts the dispatcher holds, in a context of its own (its own database): a steady
 * receiver answers every callback, a shaky one fails each callback once before it answers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.consumer.group-id=endpoint-health-it-${random.uuid}",
            "API_KEYS=admin:admin-health-key,steady:steady-health-key",
            "RATE_LIMIT=100000/1m",
            "CALLBACK_REQUIRE_HTTPS=false",
            "CALLBACK_ALLOW_PRIVATE_NETWORKS=true",
            "CALLBACK_RETRY_SCHEDULE=100ms,100ms,100ms",
            "STEADY_CALLBACK_SECRET=steady-callback-secret",
            "SHAKY_CALLBACK_SECRET=shaky-callback-secret"
        })
@ContextConfiguration(initializers = OrderhubTestEnvironment.class)
@DirtiesContext
class EndpointHealthIT {

    static final WireMockServer RECEIVER = new WireMockServer(options().dynamicPort());

    static {
        RECEIVER.start();
        RECEIVER.stubFor(post(anyUrl()).atPriority(10).willReturn(ok()));
    }

    private static EventProducer orders;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void receivers(DynamicPropertyRegistry registry) {
        registry.add("STEADY_CALLBACK_URL", () -> RECEIVER.baseUrl() + "/steady");
        registry.add("SHAKY_CALLBACK_URL", () -> RECEIVER.baseUrl() + "/shaky");
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
    void countsAttemptsDeliveriesAndLatencyPerEndpoint() {
        DispatcherApi admin = new DispatcherApi(port, "admin-health-key");
        Instant before = Instant.now();
        List<OrderEvents> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            OrderEvents steady = OrderEvents.anOrder("steady", "S-" + i);
            orders.send(steady.statusChanged(2, OrderStatus.CONFIRMED));
            sent.add(steady);
        }
        for (int i = 0; i < 2; i++) {
            OrderEvents shaky = OrderEvents.anOrder("shaky", "K-" + i);
            String scenario = "shaky-" + shaky.orderId();
            RECEIVER.stubFor(post(urlEqualTo("/shaky"))
                    .withRequestBody(containing(shaky.orderId().toString()))
                    .inScenario(scenario)
                    .whenScenarioStateIs(STARTED)
                    .willReturn(aResponse().withStatus(500))
                    .willSetStateTo("failed once"));
            orders.send(shaky.statusChanged(2, OrderStatus.CONFIRMED));
            sent.add(shaky);
        }
        sent.forEach(order -> admin.awaitDelivery(order.orderId(), "delivered"));

        JsonNode health = health(admin);

        assertThat(health.valueStream().map(h -> h.path("name").asString())).containsExactly("shaky", "steady");
        JsonNode shaky = health.get(0);
        assertThat(shaky.path("attempts").asLong()).isEqualTo(4);
        assertThat(shaky.path("delivered").asLong()).isEqualTo(2);
        assertThat(shaky.path("success_rate").decimalValue()).isEqualByComparingTo("0.5");
        JsonNode steady = health.get(1);
        assertThat(steady.path("attempts").asLong()).isEqualTo(3);
        assertThat(steady.path("success_rate").decimalValue()).isEqualByComparingTo("1");
        // Of three attempts the 95th percentile is the slowest, at least the average.
        assertThat(steady.path("p95_latency_ms").asLong())
                .isGreaterThanOrEqualTo(steady.path("average_latency_ms").asLong());
        assertThat(Instant.parse(steady.path("last_attempt_at").asString())).isAfterOrEqualTo(before);

        // A channel's key sees its own endpoint only.
        JsonNode own = DispatcherApi.json(new DispatcherApi(port, "steady-health-key")
                        .client()
                        .get("/api/v1/callbacks/endpoints/health")
                        .body())
                .path("data");
        assertThat(own.valueStream().map(h -> h.path("name").asString())).containsExactly("steady");
    }

    private static JsonNode health(DispatcherApi admin) {
        HttpResponse<String> answer = admin.client().get("/api/v1/callbacks/endpoints/health");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return DispatcherApi.json(answer.body()).path("data");
    }
}

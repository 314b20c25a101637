package io.orderhub.webhooks;

import static io.orderhub.webhooks.TestVectors.BTCPAY_SECRET;
import static io.orderhub.webhooks.TestVectors.STRIPE_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.events.ProviderEvent;
import io.orderhub.local.kafka.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka goes away while providers keep sending: the gateway must answer 5xx with {@code Retry-After}
 * within the provider's patience and publish nothing of the refused delivery; when the broker is back, the
 * provider's retry is published. The broker is this test's own, on a port it keeps across the restart,
 * so the producer finds it again where it left it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"STRIPE_WEBHOOK_SECRET=" + STRIPE_SECRET, "BTCPAY_WEBHOOK_SECRET=" + BTCPAY_SECRET})
@Import(FixedClock.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BrokerOutageIT {

    private static final long NOW = FixedClock.NOW.getEpochSecond();
    /** The gateway's worst case: 2 s metadata wait, 4 s delivery timeout, 1 s margin — well inside this. */
    private static final Duration PROVIDER_PATIENCE = Duration.ofSeconds(10);

    private static KafkaBroker broker;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void ownBroker(DynamicPropertyRegistry registry) {
        try {
            broker = KafkaBroker.start(
                    Files.createTempDirectory("webhook-outage-kafka"),
                    0,
                    List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC"),
                    true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
        registry.add("orderhub.schema-registry.url", () -> "mock://");
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void answers503WhileKafkaIsDownPublishesNothingAndPublishesTheRetryOnceItIsBack() {
        WebhookHttp http = new WebhookHttp(port);
        String before = "evt_" + UUID.randomUUID();
        String during = "evt_" + UUID.randomUUID();
        String beforeBody = paymentIntentEvent(before, "pi_before");
        String duringBody = paymentIntentEvent(during, "pi_during");
        String duringSignature = Signing.stripe(duringBody, STRIPE_SECRET, NOW);
        assertThat(http.stripe(beforeBody, Signing.stripe(beforeBody, STRIPE_SECRET, NOW))
                        .statusCode())
                .isEqualTo(200);
        double failuresBefore = publishFailures();

        broker.stop();
        Instant sent = Instant.now();
        HttpResponse<String> refused = http.stripe(duringBody, duringSignature);
        Duration answeredAfter = Duration.between(sent, Instant.now());

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
        JsonNode problem = JsonMapper.builder().build().readTree(refused.body());
        assertThat(problem.path("type").stringValue()).isEqualTo("https://orderhub.io/problems/broker-unavailable");
        assertThat(problem.path("error").path("code").stringValue()).isEqualTo("BROKER_UNAVAILABLE");
        assertThat(answeredAfter).isLessThan(PROVIDER_PATIENCE);
        assertThat(publishFailures()).isEqualTo(failuresBefore + 1);

        broker.restart();
        assertThat(published(during))
                .as("the refused delivery is not published later")
                .isEmpty();

        // The provider retries the same delivery until it gets a 2xx.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> http.stripe(duringBody, duringSignature).statusCode(), status -> status == 200);

        assertThat(published(during)).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("pi_during");
            assertThat(record.value().getPayload()).isEqualTo(duringBody);
        });
        assertThat(published(before)).hasSize(1);
    }

    private List<ConsumerRecord<String, ProviderEvent>> published(String providerEventId) {
        return PublishedEvents.withProviderEventId(broker.bootstrapServers(), providerEventId);
    }

    private double publishFailures() {
        Counter counter = meters.find("orderhub.webhooks.publish.failures")
                .tags("provider", "stripe")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static String paymentIntentEvent(String id, String paymentIntent) {
        return """
                {"id": "%s", "object": "event", "type": "payment_intent.succeeded", "created": %d,
                 "data": {"object": {"id": "%s", "object": "payment_intent"}}}""".formatted(id, NOW, paymentIntent);
    }
}

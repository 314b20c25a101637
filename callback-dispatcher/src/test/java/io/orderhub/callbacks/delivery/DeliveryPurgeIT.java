package io.orderhub.callbacks.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.callbacks.DispatcherApi;
import io.orderhub.callbacks.EventProducer;
import io.orderhub.callbacks.OrderEvents;
import io.orderhub.callbacks.sending.SendResult;
import io.orderhub.events.OrderStatus;
import io.orderhub.messaging.id.Ids;
import io.orderhub.testsupport.OrderhubTestEnvironment;
import io.orderhub.testsupport.SettableClock;
import io.orderhub.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The retention purge on the real database, with deliveries made the real way (order events on the real
 * broker, receivers over HTTP): finished deliveries last changed before the retention go, with their attempts;
 * open ones stay however old, and so do recent ones. The test's clock moves time on, and the purge is called
 * as its schedule calls it. Retention one day, batches of two (a run takes several), and the schedule's one
 * retry lies weeks ahead, so a failed delivery stays failed while the clock moves.
 *
 * <p>Other test classes' order events reach this context too (its consumer group reads from the start), as
 * deliveries skipped for want of an endpoint; assertions therefore name this test's own deliveries.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.consumer.group-id=delivery-purge-it-${random.uuid}",
            "API_KEYS=admin:admin-purge-key",
            "RATE_LIMIT=100000/1m",
            "CALLBACK_REQUIRE_HTTPS=false",
            "CALLBACK_ALLOW_PRIVATE_NETWORKS=true",
            "PURGE_SHOP_CALLBACK_SECRET=purge-shop-callback-secret",
            "PURGE_GONE_CALLBACK_SECRET=purge-gone-callback-secret",
            "PURGE_HELD_CALLBACK_SECRET=purge-held-callback-secret",
            "CALLBACK_RETRY_SCHEDULE=30d",
            "CALLBACK_DELIVERY_RETENTION=1d",
            "orderhub.callbacks.purge-batch-size=2"
        })
@ContextConfiguration(initializers = OrderhubTestEnvironment.class)
@Import(MutableClock.class)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class DeliveryPurgeIT {

    private static final String SHOP_PATH = "/shop/callback";
    private static final String GONE_PATH = "/gone/callback";
    private static final Duration PAST_THE_RETENTION = Duration.ofDays(2);

    static final WireMockServer RECEIVER = new WireMockServer(options().dynamicPort());

    static {
        RECEIVER.start();
        RECEIVER.stubFor(post(urlEqualTo(SHOP_PATH)).atPriority(10).willReturn(ok()));
        RECEIVER.stubFor(post(urlEqualTo(GONE_PATH)).willReturn(aResponse().withStatus(410)));
    }

    private static EventProducer orders;

    @LocalServerPort
    int port;

    @Autowired
    DeliveryPurge purge;

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    @Autowired
    SettableClock clock;

    private DispatcherApi admin;

    @DynamicPropertySource
    static void receivers(DynamicPropertyRegistry registry) {
        // Channels of this test only; each gone channel's 410 disables its endpoint for good.
        registry.add("PURGE_SHOP_CALLBACK_URL", () -> RECEIVER.baseUrl() + SHOP_PATH);
        registry.add("PURGE_GONE_CALLBACK_URL", () -> RECEIVER.baseUrl() + GONE_PATH);
        registry.add("PURGE_HELD_CALLBACK_URL", () -> RECEIVER.baseUrl() + GONE_PATH);
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

    @BeforeEach
    void client() {
        admin = new DispatcherApi(port, "admin-purge-key");
    }

    @Test
    void purgesFinishedDeliveriesPastTheRetentionWithTheirAttempts(CapturedOutput output) {
        OrderEvents delivered = OrderEvents.anOrder("purge-shop", "S-1");
        OrderEvents overtaken = OrderEvents.anOrder("purge-shop", "S-2");
        OrderEvents gone = OrderEvents.anOrder("purge-gone", "G-1");
        OrderEvents unconfigured = OrderEvents.anOrder("purge-none", "N-1");
        orders.send(delivered.statusChanged(2, OrderStatus.CONFIRMED));
        orders.send(overtaken.statusChanged(3, OrderStatus.PROCESSING));
        orders.send(gone.statusChanged(2, OrderStatus.CONFIRMED));
        orders.send(unconfigured.statusChanged(2, OrderStatus.CONFIRMED));
        JsonNode sent = admin.awaitDelivery(delivered.orderId(), "delivered");
        JsonNode deadLettered = admin.awaitDelivery(gone.orderId(), "dead_lettered");
        admin.awaitDelivery(unconfigured.orderId(), "skipped");
        admin.awaitDelivery(overtaken.orderId(), "delivered");
        // Version 2 published again after 3 was delivered: recorded as superseded, never sent.
        orders.send(overtaken.statusChanged(2, OrderStatus.CONFIRMED));
        admin.awaitDelivery(overtaken.orderId(), "superseded");
        assertThat(sent.path("attempts")).hasSize(1);
        assertThat(deadLettered.path("attempts")).hasSize(1);
        List<UUID> finished = Stream.of(delivered, overtaken, gone, unconfigured)
                .flatMap(order -> admin.deliveriesOf(order.orderId()).stream())
                .map(delivery -> UUID.fromString(delivery.path("id").asString()))
                .toList();
        assertThat(finished).hasSize(5);
        clock.advance(PAST_THE_RETENTION);
        double countedBefore = purgedCount();

        int purged = purge.purge();

        assertThat(Stream.of(delivered, overtaken, gone, unconfigured))
                .allSatisfy(
                        order -> assertThat(admin.deliveriesOf(order.orderId())).isEmpty());
        assertThat(finished).allSatisfy(id -> assertThat(deliveries.find(id)).isEmpty());
        assertThat(deliveries.attemptsOf(finished)).isEmpty();
        assertThat(purged).isGreaterThanOrEqualTo(finished.size());
        assertThat(purgedCount() - countedBefore).isEqualTo(purged);
        assertThat(output).contains("Purged " + purged + " callback deliveries and ");
        assertThat(admin.client()
                        .post("/api/v1/callbacks/deliveries/" + sent.path("id").asString() + "/replay", "")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void keepsOpenDeliveriesHoweverOldAndFinishedOnesWithinTheRetention() {
        OrderEvents failing = OrderEvents.anOrder("purge-shop", "S-3");
        RECEIVER.stubFor(post(urlEqualTo(SHOP_PATH))
                .withRequestBody(
                        matchingJsonPath("$.order_id", equalTo(failing.orderId().toString())))
                .atPriority(1)
                .willReturn(aResponse().withStatus(500)));
        OrderEvents disabling = OrderEvents.anOrder("purge-held", "H-1");
        OrderEvents held = OrderEvents.anOrder("purge-held", "H-2");
        orders.send(failing.statusChanged(2, OrderStatus.CONFIRMED));
        orders.send(disabling.statusChanged(2, OrderStatus.CONFIRMED));
        admin.awaitDelivery(failing.orderId(), "failed");
        // Its 410 disabled the endpoint: the channel's next delivery is held pending.
        admin.awaitDelivery(disabling.orderId(), "dead_lettered");
        orders.send(held.statusChanged(2, OrderStatus.CONFIRMED));
        admin.awaitDelivery(held.orderId(), "pending");
        clock.advance(PAST_THE_RETENTION);
        OrderEvents recent = OrderEvents.anOrder("purge-shop", "S-4");
        orders.send(recent.statusChanged(2, OrderStatus.CONFIRMED));
        admin.awaitDelivery(recent.orderId(), "delivered");

        purge.purge();

        assertThat(admin.deliveriesOf(failing.orderId())).singleElement().satisfies(delivery -> {
            assertThat(delivery.path("status").asString()).isEqualTo("failed");
            assertThat(delivery.path("attempts")).hasSize(1);
        });
        assertThat(admin.deliveriesOf(held.orderId()))
                .singleElement()
                .satisfies(delivery ->
                        assertThat(delivery.path("status").asString()).isEqualTo("pending"));
        assertThat(admin.deliveriesOf(recent.orderId())).singleElement().satisfies(delivery -> {
            assertThat(delivery.path("status").asString()).isEqualTo("delivered");
            assertThat(delivery.path("attempts")).hasSize(1);
        });
        assertThat(admin.deliveriesOf(disabling.orderId()))
                .as("finished long ago")
                .isEmpty();
    }

    @Test
    void instancesPurgingAtOnceNeitherFailNorLeaveFinishedDeliveriesBehind() throws Exception {
        List<UUID> finished = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            finished.add(storeDelivered());
        }
        clock.advance(PAST_THE_RETENTION);
        double countedBefore = purgedCount();

        int purged = 0;
        ExecutorService instances = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Integer>> runs = List.of(purge::purge, purge::purge, purge::purge);
            for (Future<Integer> run : instances.invokeAll(runs)) {
                purged += run.get();
            }
        } finally {
            instances.shutdown();
        }

        assertThat(finished).allSatisfy(id -> assertThat(deliveries.find(id)).isEmpty());
        assertThat(deliveries.attemptsOf(finished)).isEmpty();
        assertThat(purged).isGreaterThanOrEqualTo(finished.size());
        assertThat(purgedCount() - countedBefore).isEqualTo(purged);
    }

    /** A delivery of an endpoint no dispatcher here serves, delivered at the first attempt as a worker does it. */
    private UUID storeDelivered() {
        UUID id = Ids.next();
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            OrderChange change =
                    new OrderChange(UUID.randomUUID(), UUID.randomUUID(), 2, "bulk", "order.status_changed", "{}", now);
            Delivery pending = Delivery.pending(id, change, "BULK", null, now);
            deliveries.insert(pending);
            Delivery claimed = deliveries.claim(pending, UUID.randomUUID(), now.plusSeconds(60));
            SendResult ok = new SendResult(
                    SendResult.Outcome.DELIVERED, 200, null, 12, "", null, "https://bulk.example.org/callback");
            deliveries.insertAttempt(
                    Ids.next(), new Attempt(id, claimed.attempts(), now, ok.url(), "delivered", 200, "", 12, null));
            deliveries.save(claimed.delivered(ok, now));
        });
        return id;
    }

    private double purgedCount() {
        return meters.get(DeliveryMetrics.PURGED).counter().count();
    }
}

package io.orderhub.callbacks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.orderhub.callbacks.OrderEvents.aSucceededPayment;
import static io.orderhub.callbacks.Receivers.callbacksFor;
import static io.orderhub.callbacks.jooq.Tables.ORDER_STATE;
import static io.orderhub.messaging.jooq.Tables.INBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.events.CallbackEvent;
import io.orderhub.events.CallbackEventType;
import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderEventType;
import io.orderhub.events.OrderStatus;
import io.orderhub.testsupport.OrderhubTestEnvironment;
import io.orderhub.testsupport.TestKafka;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The dispatcher end to end within its service: real order events on the real broker, its real database,
 * and the channels' receivers as real HTTP servers on this machine (so private targets and plain http are
 * allowed here, as in the local run). The retry schedule is 3 × 100 ms, so "past the schedule" takes a
 * second, not three days.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.consumer.group-id=callback-delivery-it-${random.uuid}",
            "API_KEYS=admin:admin-callbacks-key,pos:pos-callbacks-key,woocommerce:woo-callbacks-key",
            "RATE_LIMIT=100000/1m",
            "CALLBACK_REQUIRE_HTTPS=false",
            "CALLBACK_ALLOW_PRIVATE_NETWORKS=true",
            "CALLBACK_RETRY_SCHEDULE=100ms,100ms,100ms",
            "WOOCOMMERCE_CALLBACK_SECRET=" + CallbackDeliveryIT.PLUGIN_SECRET,
            "POS_CALLBACK_SECRET=" + CallbackDeliveryIT.POS_SECRET,
            "MARKET_CALLBACK_SECRET=" + CallbackDeliveryIT.MARKET_SECRET
        })
@ContextConfiguration(initializers = OrderhubTestEnvironment.class)
@DirtiesContext
class CallbackDeliveryIT {

    static final String PLUGIN_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String POS_SECRET = "pos-callback-secret";
    static final String MARKET_SECRET = "market-callback-secret";
    static final String PLUGIN_PATH = "/wp-json/order-hub/v1/callback";
    static final String POS_PATH = "/pos/callback";
    static final String MARKET_PATH = "/market/callback";
    private static final Duration WAIT = Duration.ofSeconds(30);

    static final WireMockServer RECEIVER = new WireMockServer(options().dynamicPort());

    static {
        RECEIVER.start();
        RECEIVER.stubFor(post(anyUrl()).atPriority(10).willReturn(ok()));
    }

    private static CallbackEventLog callbackEvents;
    private static EventProducer orders;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DSLContext db;

    private DispatcherApi admin;

    @DynamicPropertySource
    static void receivers(DynamicPropertyRegistry registry) {
        registry.add("WOOCOMMERCE_CALLBACK_URL", () -> RECEIVER.baseUrl() + PLUGIN_PATH);
        registry.add("POS_CALLBACK_URL", () -> RECEIVER.baseUrl() + POS_PATH);
        registry.add("MARKET_CALLBACK_URL", () -> RECEIVER.baseUrl() + MARKET_PATH);
    }

    @BeforeAll
    static void connect() {
        callbackEvents = CallbackEventLog.record();
        orders = new EventProducer(TestKafka.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        callbackEvents.close();
        orders.close();
        RECEIVER.stop();
    }

    @BeforeEach
    void client() {
        admin = new DispatcherApi(port, "admin-callbacks-key");
    }

    @Test
    void paidOrderReachesThePluginRouteWithBothSignaturesValid() {
        OrderEvents order = OrderEvents.anOrder("woocommerce", "10023");
        UUID paymentId = UUID.randomUUID();
        Instant paidAt = Instant.parse("2025-03-01T10:15:30.123456Z");
        OrderEvent paid = order.event(
                OrderEventType.STATUS_CHANGED,
                2,
                OrderStatus.PAID,
                "47.49",
                "0",
                aSucceededPayment(paymentId, "stripe", "47.49"),
                paidAt);

        orders.send(order.created());
        orders.send(paid);

        LoggedRequest callback = await().atMost(WAIT)
                .until(() -> callbacksFor(RECEIVER, PLUGIN_PATH, order.orderId()), list -> list.size() == 1)
                .get(0);
        byte[] body = callback.getBody();
        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"event_id\":\"" + paid.getEventId() + "\",\"type\":\"order.status_changed\","
                        + "\"order_id\":\"" + order.orderId() + "\",\"source\":\"woocommerce\","
                        + "\"source_order_id\":\"10023\",\"status\":\"paid\",\"version\":2,\"paid_amount\":47.49,"
                        + "\"refunded_amount\":0.00,\"payment\":{\"payment_id\":\"" + paymentId + "\","
                        + "\"provider\":\"stripe\",\"status\":\"succeeded\",\"amount\":47.49,\"refunded_amount\":0.00,"
                        + "\"version\":2},\"timestamp\":\"2025-03-01T10:15:30.123Z\"}");
        assertThat(callback.getHeader("Content-Type")).startsWith("application/json");
        assertThat(callback.getHeader("X-Order-Hub-Signature"))
                .isEqualTo(Receivers.orderHubSignature(PLUGIN_SECRET, body));
        String webhookId = callback.getHeader("webhook-id");
        String timestamp = callback.getHeader("webhook-timestamp");
        assertThat(Long.parseLong(timestamp))
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(callback.getHeader("webhook-signature"))
                .isEqualTo(Receivers.standardWebhooksSignature(PLUGIN_SECRET, webhookId, timestamp, body));

        JsonNode delivery = await().atMost(WAIT)
                .until(
                        () -> admin.deliveriesOf(order.orderId()),
                        list -> list.size() == 1
                                && list.get(0).path("status").asString().equals("delivered"))
                .get(0);
        assertThat(delivery.path("id").asString()).isEqualTo(webhookId);
        assertThat(delivery.path("order_version").asLong()).isEqualTo(2);
        assertThat(delivery.path("channel").asString()).isEqualTo("woocommerce");
        assertThat(delivery.path("attempt_count").asInt()).isEqualTo(1);
        assertThat(delivery.path("attempts").get(0).path("response_code").asInt())
                .isEqualTo(200);
        assertThat(delivery.path("payload").path("payment").path("payment_id").asString())
                .isEqualTo(paymentId.toString());

        CallbackEvent delivered = callbackEvents.await(UUID.fromString(webhookId), CallbackEventType.DELIVERED);
        assertThat(delivered.getOrderId()).isEqualTo(order.orderId());
        assertThat(delivered.getOrderVersion()).isEqualTo(2);
        assertThat(delivered.getResponseStatus()).isEqualTo(200);
        assertThat(meters.get("orderhub.callbacks.delivery.latency")
                        .tag("channel", "woocommerce")
                        .timer()
                        .count())
                .isPositive();
    }

    @Test
    void eachChannelsCallbackVerifiesOnlyWithThatChannelsOwnSecret() {
        OrderEvents shopOrder = OrderEvents.anOrder("woocommerce", "10077");
        OrderEvents posOrder = OrderEvents.anOrder("pos", "T-2077");

        orders.send(shopOrder.statusChanged(2, OrderStatus.CONFIRMED));
        orders.send(posOrder.statusChanged(2, OrderStatus.CONFIRMED));

        LoggedRequest shop = await().atMost(WAIT)
                .until(() -> callbacksFor(RECEIVER, PLUGIN_PATH, shopOrder.orderId()), list -> !list.isEmpty())
                .get(0);
        LoggedRequest pos = await().atMost(WAIT)
                .until(() -> callbacksFor(RECEIVER, POS_PATH, posOrder.orderId()), list -> !list.isEmpty())
                .get(0);
        assertVerifiesOnlyWith(shop, PLUGIN_SECRET, POS_SECRET);
        assertVerifiesOnlyWith(pos, POS_SECRET, PLUGIN_SECRET);
    }

    private static void assertVerifiesOnlyWith(LoggedRequest callback, String own, String other) {
        byte[] body = callback.getBody();
        String id = callback.getHeader("webhook-id");
        String timestamp = callback.getHeader("webhook-timestamp");
        assertThat(callback.getHeader("X-Order-Hub-Signature"))
                .isEqualTo(Receivers.orderHubSignature(own, body))
                .isNotEqualTo(Receivers.orderHubSignature(other, body));
        assertThat(callback.getHeader("webhook-signature"))
                .isEqualTo(Receivers.standardWebhooksSignature(own, id, timestamp, body))
                .isNotEqualTo(Receivers.standardWebhooksSignature(other, id, timestamp, body));
    }

    @Test
    void receiverFailingTwiceGetsTheSameWebhookIdThreeTimesThenSucceeds() {
        OrderEvents order = OrderEvents.anOrder("pos", "T-1001");
        String scenario = "flaky-" + order.orderId();
        RECEIVER.stubFor(forOrder(POS_PATH, order.orderId())
                .inScenario(scenario)
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody("database is down"))
                .willSetStateTo("failed once"));
        RECEIVER.stubFor(forOrder(POS_PATH, order.orderId())
                .inScenario(scenario)
                .whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("failed twice"));
        RECEIVER.stubFor(forOrder(POS_PATH, order.orderId())
                .inScenario(scenario)
                .whenScenarioStateIs("failed twice")
                .willReturn(ok()));

        orders.send(order.statusChanged(2, OrderStatus.CONFIRMED));

        JsonNode delivery = admin.awaitDelivery(order.orderId(), "delivered");
        List<LoggedRequest> callbacks = callbacksFor(RECEIVER, POS_PATH, order.orderId());
        assertThat(callbacks).hasSize(3);
        assertThat(callbacks)
                .extracting(request -> request.getHeader("webhook-id"))
                .containsOnly(delivery.path("id").asString());
        assertThat(callbacks)
                .extracting(LoggedRequest::getBodyAsString)
                .containsOnly(callbacks.get(0).getBodyAsString());
        assertThat(callbacks)
                .allSatisfy(request -> assertThat(request.getHeader("webhook-signature"))
                        .isEqualTo(Receivers.standardWebhooksSignature(
                                POS_SECRET,
                                request.getHeader("webhook-id"),
                                request.getHeader("webhook-timestamp"),
                                request.getBody())));
        assertThat(delivery.path("attempt_count").asInt()).isEqualTo(3);
        assertThat(delivery.path("attempts")
                        .valueStream()
                        .map(a -> a.path("response_code").asInt()))
                .containsExactly(500, 503, 200);
        assertThat(delivery.path("attempts").get(0).path("response_excerpt").asString())
                .isEqualTo("database is down");
        UUID deliveryId = UUID.fromString(delivery.path("id").asString());
        callbackEvents.await(deliveryId, CallbackEventType.DELIVERED);
        assertThat(callbackEvents.of(deliveryId))
                .extracting(CallbackEvent::getType)
                .containsExactly(
                        CallbackEventType.ATTEMPT_FAILED,
                        CallbackEventType.ATTEMPT_FAILED,
                        CallbackEventType.DELIVERED);
    }

    @Test
    void receiverDownPastTheScheduleDeadLettersAndReplayDelivers() {
        OrderEvents order = OrderEvents.anOrder("pos", "T-1002");
        StubMapping down = RECEIVER.stubFor(forOrder(POS_PATH, order.orderId())
                .atPriority(1)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));

        orders.send(order.paid(2, aSucceededPayment(UUID.randomUUID(), "manual", "47.49")));

        JsonNode dead = admin.awaitDelivery(order.orderId(), "dead_lettered");
        assertThat(dead.path("attempt_count").asInt()).isEqualTo(4);
        assertThat(dead.path("last_response_code").asInt()).isEqualTo(503);
        assertThat(callbacksFor(RECEIVER, POS_PATH, order.orderId())).hasSize(4);
        UUID deadId = UUID.fromString(dead.path("id").asString());
        callbackEvents.await(deadId, CallbackEventType.DEAD_LETTERED);

        RECEIVER.removeStub(down);
        HttpResponse<String> replayed = admin.client().post("/api/v1/callbacks/deliveries/" + deadId + "/replay", "");

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);
        JsonNode replay = DispatcherApi.json(replayed.body()).path("data");
        assertThat(replay.path("replay_of").asString()).isEqualTo(deadId.toString());
        UUID replayId = UUID.fromString(replay.path("id").asString());
        await().atMost(WAIT)
                .until(() -> admin.deliveriesOf(order.orderId()).stream()
                        .anyMatch(d -> d.path("id").asString().equals(replayId.toString())
                                && d.path("status").asString().equals("delivered")));
        List<LoggedRequest> callbacks = callbacksFor(RECEIVER, POS_PATH, order.orderId());
        assertThat(callbacks).hasSize(5);
        LoggedRequest last = callbacks.get(4);
        assertThat(last.getHeader("webhook-id")).isEqualTo(replayId.toString());
        assertThat(last.getBodyAsString()).isEqualTo(callbacks.get(0).getBodyAsString());
        callbackEvents.await(replayId, CallbackEventType.DELIVERED);
    }

    @Test
    void olderVersionsAreNeverDeliveredAfterNewerOnes() {
        OrderEvents order = OrderEvents.anOrder("pos", "T-1003");
        RECEIVER.stubFor(forOrder(POS_PATH, order.orderId())
                .withRequestBody(matchingJsonPath("$.version", equalTo("2")))
                .atPriority(1)
                .willReturn(ok().withFixedDelay(1500)));

        orders.send(order.statusChanged(2, OrderStatus.CONFIRMED));
        await().atMost(WAIT)
                .until(() -> !callbacksFor(RECEIVER, POS_PATH, order.orderId()).isEmpty());
        // Version 2 is on the wire (the receiver holds it 1.5 s); 3 and 4 arrive meanwhile.
        orders.send(order.statusChanged(3, OrderStatus.PROCESSING));
        orders.send(order.statusChanged(4, OrderStatus.SHIPPED));

        await().atMost(WAIT)
                .until(() -> admin.deliveriesOf(order.orderId()).stream()
                        .anyMatch(d -> d.path("order_version").asLong() == 4
                                && d.path("status").asString().equals("delivered")));
        // Version 3 again, late (an event published twice): recorded, never sent.
        orders.send(order.statusChanged(3, OrderStatus.PROCESSING));
        await().atMost(WAIT).until(() -> admin.deliveriesOf(order.orderId()).size() == 4);

        assertThat(callbacksFor(RECEIVER, POS_PATH, order.orderId()))
                .extracting(request -> DispatcherApi.json(request.getBodyAsString())
                        .path("version")
                        .asLong())
                .containsExactly(2L, 4L);
        Map<Long, List<String>> statusesByVersion = admin.deliveriesOf(order.orderId()).stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        d -> d.path("order_version").asLong(),
                        java.util.stream.Collectors.mapping(
                                d -> d.path("status").asString(), java.util.stream.Collectors.toList())));
        assertThat(statusesByVersion)
                .containsEntry(2L, List.of("delivered"))
                .containsEntry(3L, List.of("superseded", "superseded"))
                .containsEntry(4L, List.of("delivered"));
    }

    @Test
    void anImportedOrderIsNeverCalledBackAndOnlyItsLaterChangesAre() {
        OrderEvents order = OrderEvents.anOrder("woocommerce", "imported-1001");
        OrderEvent imported = OrderEvent.newBuilder(order.statusChanged(3, OrderStatus.PROCESSING))
                .setType(OrderEventType.CREATED)
                .setImported(true)
                .build();
        OrderEvent olderChangeReadAgain = order.statusChanged(2, OrderStatus.PAID);
        OrderEvent shipped = order.statusChanged(4, OrderStatus.SHIPPED);

        orders.send(imported);
        // The import's event is CREATED with the final snapshot: it is remembered, as a status change.
        await().atMost(WAIT)
                .until(
                        () -> db.select(ORDER_STATE.LATEST_VERSION, ORDER_STATE.LATEST_TYPE)
                                .from(ORDER_STATE)
                                .where(ORDER_STATE.ORDER_ID.eq(order.orderId()))
                                .fetchOne(row -> row.value1() + ":" + row.value2()),
                        "3:order.status_changed"::equals);
        orders.send(olderChangeReadAgain);
        orders.send(shipped);

        await().atMost(WAIT)
                .until(
                        () -> admin.deliveriesOf(order.orderId()).stream()
                                .map(d -> d.path("order_version").asLong() + ":"
                                        + d.path("status").asString())
                                .sorted()
                                .toList(),
                        List.of("2:superseded", "4:delivered")::equals);
        LoggedRequest callback = await().atMost(WAIT)
                .until(() -> callbacksFor(RECEIVER, PLUGIN_PATH, order.orderId()), list -> !list.isEmpty())
                .get(0);
        assertThat(DispatcherApi.json(callback.getBodyAsString())
                        .path("version")
                        .asLong())
                .isEqualTo(4);
        assertThat(admin.deliveriesOf(order.orderId()))
                .extracting(d -> d.path("order_version").asLong() + ":"
                        + d.path("status").asString())
                .containsExactlyInAnyOrder("2:superseded", "4:delivered");
        assertThat(callbacksFor(RECEIVER, PLUGIN_PATH, order.orderId())).hasSize(1);
    }

    @Test
    void unconfiguredChannelIsRecordedAsSkippedAndCreationIsNotCalledBack() {
        OrderEvents order = OrderEvents.anOrder("b2b", "PO-77");
        OrderEvent created = order.created();
        OrderEvent confirmed = order.statusChanged(2, OrderStatus.CONFIRMED);

        orders.send(created);
        orders.send(confirmed);

        JsonNode skipped = admin.awaitDelivery(order.orderId(), "skipped");
        assertThat(admin.deliveriesOf(order.orderId())).hasSize(1);
        // The creation was read before the change, and left nothing behind: no transaction was spent on it.
        assertThat(db.fetchExists(INBOX, INBOX.EVENT_ID.eq(confirmed.getEventId())))
                .isTrue();
        assertThat(db.fetchExists(INBOX, INBOX.EVENT_ID.eq(created.getEventId())))
                .isFalse();
        assertThat(skipped.path("order_version").asLong()).isEqualTo(2);
        assertThat(skipped.path("last_error").asString()).contains("B2B_CALLBACK_URL is not set");
        CallbackEvent event =
                callbackEvents.await(UUID.fromString(skipped.path("id").asString()), CallbackEventType.SKIPPED);
        assertThat(event.getChannel()).isEqualTo("b2b");
        await().atMost(WAIT)
                .until(() -> meters.find("orderhub.callbacks.outcomes")
                                .tag("channel", "b2b")
                                .tag("outcome", "skipped")
                                .counter()
                        != null);
    }

    @Test
    void goneDisablesTheEndpointHoldsItsCallbacksAndEnablingSendsThem() {
        OrderEvents first = OrderEvents.anOrder("market", "M-1");
        StubMapping gone = RECEIVER.stubFor(post(urlEqualTo(MARKET_PATH))
                .atPriority(1)
                .willReturn(aResponse().withStatus(410)));

        orders.send(first.statusChanged(2, OrderStatus.CONFIRMED));

        JsonNode dead = admin.awaitDelivery(first.orderId(), "dead_lettered");
        assertThat(dead.path("attempt_count").asInt()).isEqualTo(1);
        UUID deadId = UUID.fromString(dead.path("id").asString());
        callbackEvents.await(deadId, CallbackEventType.ENDPOINT_DISABLED);
        callbackEvents.await(deadId, CallbackEventType.DEAD_LETTERED);
        JsonNode market = endpoint("market");
        assertThat(market.path("status").asString()).isEqualTo("disabled");
        assertThat(market.path("disabled_reason").asString()).contains("410");
        HttpResponse<String> refused = admin.client().post("/api/v1/callbacks/deliveries/" + deadId + "/replay", "");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(DispatcherApi.json(refused.body()).path("type").asString())
                .isEqualTo("https://orderhub.io/problems/conflict");
        assertThat(DispatcherApi.json(refused.body()).path("detail").asString())
                .contains("is disabled since", "enable it first");

        RECEIVER.removeStub(gone);
        OrderEvents second = OrderEvents.anOrder("market", "M-2");
        orders.send(second.statusChanged(2, OrderStatus.CONFIRMED));
        admin.awaitDelivery(second.orderId(), "pending");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() ->
                        callbacksFor(RECEIVER, MARKET_PATH, second.orderId()).isEmpty());

        HttpResponse<String> enabled = admin.client().post("/api/v1/callbacks/endpoints/market/enable", "");
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);

        admin.awaitDelivery(second.orderId(), "delivered");
        LoggedRequest callback =
                callbacksFor(RECEIVER, MARKET_PATH, second.orderId()).get(0);
        assertThat(callback.getHeader("X-Order-Hub-Signature"))
                .isEqualTo(Receivers.orderHubSignature(MARKET_SECRET, callback.getBody()));
    }

    @Test
    void aChannelKeySeesAndReplaysOnlyItsOwnDeliveries() {
        OrderEvents shopOrder = OrderEvents.anOrder("woocommerce", "10099");
        orders.send(shopOrder.statusChanged(2, OrderStatus.CONFIRMED));
        JsonNode shopDelivery = admin.awaitDelivery(shopOrder.orderId(), "delivered");
        DispatcherApi pos = new DispatcherApi(port, "pos-callbacks-key");

        assertThat(pos.deliveriesOf(shopOrder.orderId())).isEmpty();
        HttpResponse<String> otherChannel = pos.client().get("/api/v1/callbacks/deliveries?channel=woocommerce");
        assertThat(DispatcherApi.json(otherChannel.body()).path("data").isEmpty())
                .isTrue();
        assertThat(pos.client()
                        .post(
                                "/api/v1/callbacks/deliveries/"
                                        + shopDelivery.path("id").asString() + "/replay",
                                "")
                        .statusCode())
                .isEqualTo(404);
        assertThat(new DispatcherApi(port, "woo-callbacks-key").deliveriesOf(shopOrder.orderId()))
                .hasSize(1);
    }

    @Test
    void refusesBadQueriesWithProblemsAndRequestsWithoutAKey() {
        HttpResponse<String> badStatus = admin.client().get("/api/v1/callbacks/deliveries?status=lost");
        HttpResponse<String> badOrderId = admin.client().get("/api/v1/callbacks/deliveries?order_id=42");
        HttpResponse<String> badCursor = admin.client().get("/api/v1/callbacks/deliveries?cursor=xyz");
        HttpResponse<String> nulChannel = admin.client().get("/api/v1/callbacks/deliveries?channel=%00");
        HttpResponse<String> unknown =
                admin.client().post("/api/v1/callbacks/deliveries/" + UUID.randomUUID() + "/replay", "");
        HttpResponse<String> anonymous = admin.client().withKey(null).get("/api/v1/callbacks/deliveries");

        assertThat(badStatus.statusCode()).isEqualTo(422);
        assertThat(DispatcherApi.json(badStatus.body())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("status");
        assertThat(badOrderId.statusCode()).isEqualTo(400);
        assertThat(badCursor.statusCode()).isEqualTo(400);
        assertThat(nulChannel.statusCode()).as(nulChannel.body()).isEqualTo(400);
        assertThat(DispatcherApi.json(nulChannel.body()).path("type").asString())
                .isEqualTo("https://orderhub.io/problems/malformed-request");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(DispatcherApi.json(unknown.body()).path("type").asString())
                .isEqualTo("https://orderhub.io/problems/not-found");
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(badStatus.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void pagesThroughDeliveriesWithACursor() {
        OrderEvents order = OrderEvents.anOrder("pos", "T-1004");
        for (long version = 2; version <= 4; version++) {
            orders.send(order.event(
                    OrderEventType.PAYMENT_UPDATED, version, OrderStatus.PENDING, "1.00", "0", null, Instant.now()));
        }
        await().atMost(WAIT).until(() -> admin.deliveriesOf(order.orderId()).size() == 3);

        JsonNode first = DispatcherApi.json(admin.client()
                .get("/api/v1/callbacks/deliveries?order_id=" + order.orderId() + "&limit=2")
                .body());
        JsonNode second = DispatcherApi.json(admin.client()
                .get("/api/v1/callbacks/deliveries?order_id=" + order.orderId() + "&limit=2&cursor="
                        + first.path("next_cursor").asString())
                .body());

        assertThat(first.path("data")).hasSize(2);
        assertThat(second.path("data")).hasSize(1);
        assertThat(second.path("next_cursor").isNull()).isTrue();
        assertThat(List.of(
                        first.path("data").get(0).path("order_version").asLong(),
                        first.path("data").get(1).path("order_version").asLong(),
                        second.path("data").get(0).path("order_version").asLong()))
                .containsExactly(4L, 3L, 2L);
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder forOrder(String path, UUID orderId) {
        return post(urlEqualTo(path)).withRequestBody(matchingJsonPath("$.order_id", equalTo(orderId.toString())));
    }

    private JsonNode endpoint(String name) {
        JsonNode list = DispatcherApi.json(
                admin.client().get("/api/v1/callbacks/endpoints").body());
        for (JsonNode endpoint : list.path("data")) {
            if (endpoint.path("name").asString().equals(name)) {
                return endpoint;
            }
        }
        throw new AssertionError("no endpoint " + name + " in " + list);
    }
}

package io.orderhub.callbacks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.events.CallbackEvent;
import io.orderhub.events.CallbackEventType;
import io.orderhub.events.InvoiceEvent;
import io.orderhub.events.OrderStatus;
import io.orderhub.testsupport.OrderhubTestEnvironment;
import io.orderhub.testsupport.TestKafka;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
 * Invoice callbacks end to end within the dispatcher: real invoice and order events on the real broker, its real
 * database, and the B2B channel's receiver as a real HTTP server. Invoice documents are not order changes: each
 * is delivered (in order per invoice), and neither an order change nor an invoice document supersedes the other.
 * The retry schedule is short but long enough (about 40 s in all) for a receiver to stay down while an order
 * change goes out.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.consumer.group-id=invoice-callbacks-it-${random.uuid}",
            "API_KEYS=admin:admin-invoice-callbacks-key,b2b:b2b-invoice-callbacks-key",
            "RATE_LIMIT=100000/1m",
            "CALLBACK_REQUIRE_HTTPS=false",
            "CALLBACK_ALLOW_PRIVATE_NETWORKS=true",
            "CALLBACK_RETRY_SCHEDULE=100ms,200ms,500ms,1s,2s,5s,10s,20s",
            "B2B_CALLBACK_SECRET=" + InvoiceCallbacksIT.B2B_SECRET,
            "HUB_PUBLIC_URL=https://hub.example.com/"
        })
@ContextConfiguration(initializers = OrderhubTestEnvironment.class)
@DirtiesContext
class InvoiceCallbacksIT {

    static final String B2B_SECRET = "whsec_c2VjcmV0LW9mLXRoZS1iMmItY2hhbm5lbC0xMjM0NQ==";
    static final String B2B_PATH = "/b2b/callback";
    private static final Duration WAIT = Duration.ofSeconds(60);

    static final WireMockServer RECEIVER = new WireMockServer(options().dynamicPort());

    static {
        RECEIVER.start();
        RECEIVER.stubFor(post(anyUrl()).atPriority(10).willReturn(ok()));
    }

    private static CallbackEventLog callbackEvents;
    private static EventProducer events;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private DispatcherApi admin;

    @DynamicPropertySource
    static void receivers(DynamicPropertyRegistry registry) {
        registry.add("B2B_CALLBACK_URL", () -> RECEIVER.baseUrl() + B2B_PATH);
    }

    @BeforeAll
    static void connect() {
        callbackEvents = CallbackEventLog.record();
        events = new EventProducer(TestKafka.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        callbackEvents.close();
        events.close();
        RECEIVER.stop();
    }

    @BeforeEach
    void client() {
        admin = new DispatcherApi(port, "admin-invoice-callbacks-key");
    }

    @Test
    void issuedInvoiceReachesItsChannelOnceSignedWithTheDocumentLinks() {
        OrderEvents order = OrderEvents.anOrder("b2b", "PO-4711");
        InvoiceEvents invoice = InvoiceEvents.anInvoice(order.orderId(), "b2b", "RE-2026-000101");
        InvoiceEvent issued = invoice.issued(Instant.parse("2026-03-02T09:30:00.123456Z"));

        events.send(issued);
        events.send(issued);
        // Same key, same partition: consumed after the redelivered event, so once it is in, that one was read.
        events.send(invoice.creditNote(UUID.randomUUID(), "GS-2026-000007", "119", "119"));

        awaitDelivered(order.orderId(), "invoice.credit_note_issued");
        List<LoggedRequest> callbacks = callbacksFor(invoice.invoiceId());
        assertThat(callbacks)
                .extracting(request -> DispatcherApi.json(request.getBodyAsString())
                        .path("type")
                        .asString())
                .containsExactly("invoice.issued", "invoice.credit_note_issued");
        LoggedRequest callback = callbacks.get(0);
        byte[] body = callback.getBody();
        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"event_id\":\"" + issued.getEventId() + "\",\"type\":\"invoice.issued\","
                        + "\"order_id\":\"" + order.orderId() + "\",\"source\":\"b2b\","
                        + "\"contract_id\":\"" + invoice.contractId() + "\",\"invoice_id\":\"" + invoice.invoiceId()
                        + "\",\"invoice_number\":\"RE-2026-000101\",\"currency\":\"EUR\",\"total\":1190.00,"
                        + "\"credited_amount\":0.00,\"issued_on\":\"2026-03-02\",\"due_date\":\"2026-04-01\","
                        + "\"discount_date\":\"2026-03-12\",\"discount_amount\":23.80,\"credit_note\":null,"
                        + "\"reminder\":null,\"document_url\":\"https://hub.example.com/api/v1/invoices/"
                        + invoice.invoiceId()
                        + "/document\",\"xrechnung_url\":\"https://hub.example.com/api/v1/invoices/"
                        + invoice.invoiceId() + "/xrechnung\",\"timestamp\":\"2026-03-02T09:30:00.123Z\"}");
        assertThat(callback.getHeader("Content-Type")).startsWith("application/json");
        assertThat(callback.getHeader("X-Order-Hub-Signature"))
                .isEqualTo(Receivers.orderHubSignature(B2B_SECRET, body));
        String webhookId = callback.getHeader("webhook-id");
        assertThat(callback.getHeader("webhook-signature"))
                .isEqualTo(Receivers.standardWebhooksSignature(
                        B2B_SECRET, webhookId, callback.getHeader("webhook-timestamp"), body));

        List<JsonNode> issuedDeliveries = deliveries(order.orderId(), "invoice.issued");
        assertThat(issuedDeliveries).hasSize(1);
        JsonNode delivery = issuedDeliveries.get(0);
        assertThat(delivery.path("id").asString()).isEqualTo(webhookId);
        assertThat(delivery.path("event_id").asString())
                .isEqualTo(issued.getEventId().toString());
        assertThat(delivery.path("kind").asString()).isEqualTo("invoice");
        assertThat(delivery.path("invoice_id").asString())
                .isEqualTo(invoice.invoiceId().toString());
        assertThat(delivery.path("order_version").asLong()).isZero();
        assertThat(delivery.path("channel").asString()).isEqualTo("b2b");
        assertThat(delivery.path("status").asString()).isEqualTo("delivered");
        assertThat(delivery.path("attempt_count").asInt()).isEqualTo(1);
        assertThat(delivery.path("payload").path("invoice_number").asString()).isEqualTo("RE-2026-000101");

        CallbackEvent delivered = callbackEvents.await(UUID.fromString(webhookId), CallbackEventType.DELIVERED);
        assertThat(delivered.getOrderId()).isEqualTo(order.orderId());
        assertThat(delivered.getOrderVersion()).isZero();
        assertThat(delivered.getChannel()).isEqualTo("b2b");
        assertThat(meters.get("orderhub.callbacks.delivery.latency")
                        .tag("channel", "b2b")
                        .timer()
                        .count())
                .isPositive();
    }

    @Test
    void orderChangeWhileAnInvoiceCallbackIsRetriedSupersedesNeitherAndBothAreDelivered() {
        OrderEvents order = OrderEvents.anOrder("b2b", "PO-4712");
        InvoiceEvents invoice = InvoiceEvents.anInvoice(order.orderId(), "b2b", "RE-2026-000102");
        StubMapping down = RECEIVER.stubFor(forInvoice(invoice.invoiceId())
                .atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("ledger is closed")));

        events.send(invoice.issued(Instant.now()));
        awaitDelivery(order.orderId(), "invoice.issued", "failed");
        // A newer order state supersedes the order's older deliveries still waiting: never the invoice's.
        events.send(order.statusChanged(2, OrderStatus.CONFIRMED));

        JsonNode confirmed = awaitDelivered(order.orderId(), "order.status_changed");
        assertThat(confirmed.path("kind").asString()).isEqualTo("order");
        assertThat(confirmed.path("order_version").asLong()).isEqualTo(2);
        JsonNode waiting = deliveries(order.orderId(), "invoice.issued").get(0);
        assertThat(waiting.path("status").asString()).isIn("pending", "failed");

        RECEIVER.removeStub(down);
        JsonNode invoiceDelivery = awaitDelivery(order.orderId(), "invoice.issued", "delivered");

        assertThat(invoiceDelivery
                        .path("attempts")
                        .valueStream()
                        .map(a -> a.path("response_code").asInt()))
                .endsWith(200)
                .contains(503);
        List<LoggedRequest> attempts = callbacksFor(invoice.invoiceId());
        assertThat(attempts).hasSize(invoiceDelivery.path("attempt_count").asInt());
        assertThat(attempts)
                .extracting(request -> request.getHeader("webhook-id"))
                .containsOnly(invoiceDelivery.path("id").asString());
        assertThat(attempts)
                .extracting(LoggedRequest::getBodyAsString)
                .containsOnly(attempts.get(0).getBodyAsString());
        assertThat(admin.deliveriesOf(order.orderId()))
                .extracting(d -> d.path("status").asString())
                .doesNotContain("superseded");
        UUID invoiceDeliveryId = UUID.fromString(invoiceDelivery.path("id").asString());
        callbackEvents.await(invoiceDeliveryId, CallbackEventType.DELIVERED);
        assertThat(callbackEvents.of(invoiceDeliveryId))
                .extracting(CallbackEvent::getType)
                .contains(CallbackEventType.ATTEMPT_FAILED)
                .doesNotContain(CallbackEventType.SUPERSEDED)
                .endsWith(CallbackEventType.DELIVERED);
    }

    @Test
    void creditNoteAndReminderFollowTheirInvoiceInTheOrderIssuedEvenAcrossARetry() {
        OrderEvents order = OrderEvents.anOrder("b2b", "PO-4713");
        InvoiceEvents invoice = InvoiceEvents.anInvoice(order.orderId(), "b2b", "RE-2026-000103");
        UUID creditNoteId = UUID.randomUUID();
        UUID reminderId = UUID.randomUUID();
        String scenario = "issued-fails-once-" + invoice.invoiceId();
        RECEIVER.stubFor(forInvoice(invoice.invoiceId())
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("failed once"));
        RECEIVER.stubFor(forInvoice(invoice.invoiceId())
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs("failed once")
                .willReturn(ok()));

        events.send(invoice.issued(Instant.now()));
        events.send(invoice.creditNote(creditNoteId, "GS-2026-000008", "119", "119"));
        events.send(invoice.reminder(reminderId, 1, "1071", "5"));

        awaitDelivered(order.orderId(), "invoice.reminder_issued");
        List<String> bodies = callbacksFor(invoice.invoiceId()).stream()
                .map(LoggedRequest::getBodyAsString)
                .toList();
        assertThat(bodies)
                .extracting(body -> DispatcherApi.json(body).path("type").asString())
                .containsExactly(
                        "invoice.issued", "invoice.issued", "invoice.credit_note_issued", "invoice.reminder_issued");
        assertThat(bodies.get(2))
                .contains("\"credited_amount\":119.00,")
                .contains("\"credit_note\":{\"id\":\"" + creditNoteId + "\",\"number\":\"GS-2026-000008\","
                        + "\"amount\":119.00,\"reason\":\"Returned goods\"},\"reminder\":null,");
        assertThat(bodies.get(3))
                .contains("\"credit_note\":null,\"reminder\":{\"id\":\"" + reminderId + "\",\"level\":1,"
                        + "\"outstanding\":1071.00,\"fee\":5.00,\"days_overdue\":14,\"pay_by\":\"2026-04-29\"},")
                .contains("\"document_url\":\"https://hub.example.com/api/v1/invoices/" + invoice.invoiceId()
                        + "/document\"");
    }

    @Test
    void replayOfAnInvoiceDeliveryResendsItsOwnBodyNotTheOrdersLatestState() {
        OrderEvents order = OrderEvents.anOrder("b2b", "PO-4714");
        InvoiceEvents invoice = InvoiceEvents.anInvoice(order.orderId(), "b2b", "RE-2026-000104");
        events.send(invoice.issued(Instant.now()));
        JsonNode original = awaitDelivery(order.orderId(), "invoice.issued", "delivered");
        events.send(order.statusChanged(2, OrderStatus.CONFIRMED));
        awaitDelivered(order.orderId(), "order.status_changed");

        DispatcherApi channel = new DispatcherApi(port, "b2b-invoice-callbacks-key");
        HttpResponse<String> replayed = channel.client()
                .post("/api/v1/callbacks/deliveries/" + original.path("id").asString() + "/replay", "");

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);
        JsonNode replay = DispatcherApi.json(replayed.body()).path("data");
        assertThat(replay.path("replay_of").asString())
                .isEqualTo(original.path("id").asString());
        assertThat(replay.path("kind").asString()).isEqualTo("invoice");
        assertThat(replay.path("type").asString()).isEqualTo("invoice.issued");
        assertThat(replay.path("payload")).isEqualTo(original.path("payload"));
        String replayId = replay.path("id").asString();
        List<LoggedRequest> callbacks =
                await().atMost(WAIT).until(() -> callbacksFor(invoice.invoiceId()), list -> list.size() == 2);
        assertThat(callbacks.get(1).getHeader("webhook-id")).isEqualTo(replayId);
        assertThat(callbacks.get(1).getBodyAsString())
                .isEqualTo(callbacks.get(0).getBodyAsString());
        callbackEvents.await(UUID.fromString(replayId), CallbackEventType.DELIVERED);
        assertThat(admin.deliveriesOf(order.orderId()))
                .extracting(d -> d.path("status").asString())
                .containsOnly("delivered");
    }

    @Test
    void goneDisablesTheEndpointHoldsTheNextInvoiceCallbackAndEnablingSendsIt() {
        OrderEvents order = OrderEvents.anOrder("b2b", "PO-4715");
        InvoiceEvents invoice = InvoiceEvents.anInvoice(order.orderId(), "b2b", "RE-2026-000105");
        StubMapping gone = RECEIVER.stubFor(forInvoice(invoice.invoiceId())
                .atPriority(1)
                .willReturn(aResponse().withStatus(410)));

        events.send(invoice.issued(Instant.now()));

        JsonNode dead = awaitDelivery(order.orderId(), "invoice.issued", "dead_lettered");
        assertThat(dead.path("attempt_count").asInt()).isEqualTo(1);
        callbackEvents.await(UUID.fromString(dead.path("id").asString()), CallbackEventType.ENDPOINT_DISABLED);
        RECEIVER.removeStub(gone);
        events.send(invoice.reminder(UUID.randomUUID(), 1, "1190", "0"));
        awaitDelivery(order.orderId(), "invoice.reminder_issued", "pending");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> callbacksFor(invoice.invoiceId()).size() == 1);

        HttpResponse<String> enabled = admin.client().post("/api/v1/callbacks/endpoints/b2b/enable", "");
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);

        awaitDelivered(order.orderId(), "invoice.reminder_issued");
        HttpResponse<String> replayed = admin.client()
                .post("/api/v1/callbacks/deliveries/" + dead.path("id").asString() + "/replay", "");
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);
        awaitDelivered(order.orderId(), "invoice.issued");
        assertThat(callbacksFor(invoice.invoiceId()))
                .extracting(request -> DispatcherApi.json(request.getBodyAsString())
                        .path("type")
                        .asString())
                .containsExactly("invoice.issued", "invoice.reminder_issued", "invoice.issued");
    }

    private static MappingBuilder forInvoice(UUID invoiceId) {
        return post(urlEqualTo(B2B_PATH))
                .withRequestBody(matchingJsonPath("$.invoice_id", equalTo(invoiceId.toString())));
    }

    /** The invoice callbacks about one invoice that reached the receiver, in arrival order. */
    private static List<LoggedRequest> callbacksFor(UUID invoiceId) {
        return RECEIVER.findAll(postRequestedFor(urlEqualTo(B2B_PATH))
                .withRequestBody(matchingJsonPath("$.invoice_id", equalTo(invoiceId.toString()))));
    }

    private List<JsonNode> deliveries(UUID orderId, String type) {
        return admin.deliveriesOf(orderId).stream()
                .filter(d -> d.path("type").asString().equals(type))
                .toList();
    }

    private JsonNode awaitDelivery(UUID orderId, String type, String status) {
        return await().atMost(WAIT)
                .until(
                        () -> deliveries(orderId, type).stream()
                                .filter(d -> d.path("status").asString().equals(status))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private JsonNode awaitDelivered(UUID orderId, String type) {
        return awaitDelivery(orderId, type, "delivered");
    }
}

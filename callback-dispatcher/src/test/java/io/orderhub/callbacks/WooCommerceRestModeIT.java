package io.orderhub.callbacks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.orderhub.callbacks.OrderEvents.aSucceededPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.orderhub.events.OrderEventType;
import io.orderhub.events.OrderStatus;
import io.orderhub.testsupport.OrderhubTestEnvironment;
import io.orderhub.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
 * WooCommerce without the plugin ({@code WOOCOMMERCE_CALLBACK_MODE=rest}): the shop's own REST API, played by
 * a real HTTP server that answers as WooCommerce does, receives exactly the requests WooCommerce documents.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.consumer.group-id=woocommerce-rest-it-${random.uuid}",
            "API_KEYS=admin:admin-rest-mode-key",
            "WOOCOMMERCE_CALLBACK_MODE=rest",
            "WOOCOMMERCE_CONSUMER_KEY=" + WooCommerceRestModeIT.CONSUMER_KEY,
            "WOOCOMMERCE_CONSUMER_SECRET=" + WooCommerceRestModeIT.CONSUMER_SECRET,
            "CALLBACK_REQUIRE_HTTPS=false",
            "CALLBACK_ALLOW_PRIVATE_NETWORKS=true",
            "CALLBACK_RETRY_SCHEDULE=100ms,100ms"
        })
@ContextConfiguration(initializers = OrderhubTestEnvironment.class)
@DirtiesContext
class WooCommerceRestModeIT {

    static final String CONSUMER_KEY = "ck_0123456789abcdef";
    static final String CONSUMER_SECRET = "cs_fedcba9876543210";
    private static final String BASIC = "Basic "
            + Base64.getEncoder()
                    .encodeToString((CONSUMER_KEY + ":" + CONSUMER_SECRET).getBytes(StandardCharsets.UTF_8));
    private static final Duration WAIT = Duration.ofSeconds(30);

    static final WireMockServer SHOP = new WireMockServer(options().dynamicPort());

    static {
        SHOP.start();
        SHOP.stubFor(any(urlPathMatching("/shop/wp-json/wc/v3/orders/[0-9]+"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{}")));
        SHOP.stubFor(any(urlPathMatching("/shop/wp-json/wc/v3/orders/[0-9]+/notes"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{}")));
    }

    private static EventProducer orders;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void shop(DynamicPropertyRegistry registry) {
        registry.add("WOOCOMMERCE_URL", () -> SHOP.baseUrl() + "/shop");
    }

    @BeforeAll
    static void connect() {
        orders = new EventProducer(TestKafka.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        orders.close();
        SHOP.stop();
    }

    @Test
    void paidOrderSetsProcessingAndPaidWithTheTransactionIdThenAddsANote() {
        String shopOrderId = shopOrderId();
        OrderEvents order = OrderEvents.anOrder("woocommerce", shopOrderId);
        UUID paymentId = UUID.randomUUID();

        orders.send(order.created());
        orders.send(order.paid(2, aSucceededPayment(paymentId, "stripe", "47.49")));

        List<LoggedRequest> requests = awaitRequests(shopOrderId, 2);
        LoggedRequest update = requests.get(0);
        assertThat(update.getMethod().getName()).isEqualTo("PUT");
        assertThat(update.getUrl()).isEqualTo("/shop/wp-json/wc/v3/orders/" + shopOrderId);
        assertThat(update.getBodyAsString())
                .isEqualTo("{\"status\":\"processing\",\"set_paid\":true,\"transaction_id\":\"" + paymentId + "\"}");
        assertThat(update.getHeader("Authorization")).isEqualTo(BASIC);
        assertThat(update.getHeader("Content-Type")).startsWith("application/json");
        LoggedRequest note = requests.get(1);
        assertThat(note.getMethod().getName()).isEqualTo("POST");
        assertThat(note.getUrl()).isEqualTo("/shop/wp-json/wc/v3/orders/" + shopOrderId + "/notes");
        assertThat(note.getBodyAsString())
                .isEqualTo("{\"note\":\"Order Hub: order paid (version 2), paid 47.49, refunded 0.00. Payment "
                        + paymentId + " (stripe) succeeded: 47.49, refunded 0.00.\",\"customer_note\":false}");
        assertThat(note.getHeader("Authorization")).isEqualTo(BASIC);
        // The delivery is marked delivered once the note's answer is in: just after the shop saw the request.
        DispatcherApi api = new DispatcherApi(port, "admin-rest-mode-key");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api.deliveriesOf(order.orderId()))
                        .singleElement()
                        .satisfies(delivery ->
                                assertThat(delivery.path("status").asString()).isEqualTo("delivered")));
    }

    @Test
    void deliveredOrderBecomesCompletedWithoutSetPaid() {
        String shopOrderId = shopOrderId();
        OrderEvents order = OrderEvents.anOrder("woocommerce", shopOrderId);

        orders.send(order.statusChanged(5, OrderStatus.DELIVERED));

        LoggedRequest update = awaitRequests(shopOrderId, 2).get(0);
        assertThat(update.getMethod().getName()).isEqualTo("PUT");
        assertThat(update.getBodyAsString()).isEqualTo("{\"status\":\"completed\"}");
    }

    @Test
    void paymentUpdateOfAPendingOrderIsANoteOnly() {
        String shopOrderId = shopOrderId();
        OrderEvents order = OrderEvents.anOrder("woocommerce", shopOrderId);

        orders.send(
                order.event(OrderEventType.PAYMENT_UPDATED, 2, OrderStatus.PENDING, "10.00", "0", null, Instant.now()));

        LoggedRequest note = awaitRequests(shopOrderId, 1).get(0);
        assertThat(note.getMethod().getName()).isEqualTo("POST");
        assertThat(note.getUrl()).endsWith("/notes");
        assertThat(note.getBodyAsString()).contains("Order Hub: order pending (version 2), paid 10.00");
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> requestsFor(shopOrderId).size() == 1);
    }

    @Test
    void invoiceEventsAreSkippedWithTheReasonAndCarryNoLinksWithoutAPublicUrl() {
        OrderEvents order = OrderEvents.anOrder("woocommerce", shopOrderId());
        InvoiceEvents invoice = InvoiceEvents.anInvoice(order.orderId(), "woocommerce", "RE-2026-000201");

        orders.send(invoice.issued(Instant.now()));

        JsonNode skipped = new DispatcherApi(port, "admin-rest-mode-key").awaitDelivery(order.orderId(), "skipped");
        assertThat(skipped.path("kind").asString()).isEqualTo("invoice");
        assertThat(skipped.path("type").asString()).isEqualTo("invoice.issued");
        assertThat(skipped.path("last_error").asString()).contains("WooCommerce REST mode has no invoice callback");
        // No HUB_PUBLIC_URL here: the body says so with null links rather than guessing an address.
        assertThat(skipped.path("payload").path("document_url").isNull()).isTrue();
        assertThat(skipped.path("payload").path("xrechnung_url").isNull()).isTrue();
        assertThat(SHOP.findAll(anyRequestedFor(anyUrl())))
                .noneMatch(request ->
                        request.getBodyAsString().contains(invoice.invoiceId().toString()));
    }

    private static String shopOrderId() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    }

    private static List<LoggedRequest> requestsFor(String shopOrderId) {
        return SHOP.findAll(anyRequestedFor(anyUrl())).stream()
                .filter(request -> request.getUrl().startsWith("/shop/wp-json/wc/v3/orders/" + shopOrderId))
                .toList();
    }

    private static List<LoggedRequest> awaitRequests(String shopOrderId, int count) {
        return await().atMost(WAIT).until(() -> requestsFor(shopOrderId), list -> list.size() >= count);
    }
}

package io.orderhub.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.events.OrderStatus;
import io.orderhub.events.PaymentEvent;
import io.orderhub.testsupport.ApiClient;
import io.orderhub.testsupport.OrderhubTestEnvironment;
import io.orderhub.testsupport.TestKafka;
import io.orderhub.testsupport.TopicRecorder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running payment-service for all integration tests: a fresh database on the test PostgreSQL, the test
 * Kafka broker, Stripe and BTCPay simulated by WireMock. The repair worker runs with a short delay
 * ({@code PAYMENT_REPAIR_AFTER=2s}, creations in flight given 8 s) so that its repairs are observable; stubs that are not there make it retry
 * later, which changes nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "API_KEYS=woocommerce:woo-test-key-0001,pos:pos-test-key-0001,b2b:b2b-test-key-0001,admin:admin-test-key-01",
            "RATE_LIMIT=100000/1m",
            "AUTO_REFUND_CANCELLED=true",
            "PAYMENT_REPAIR_AFTER=2s",
            "PAYMENT_REPAIR_INTERVAL=300ms",
            "orderhub.payments.creation-grace=8s",
            "orderhub.providers.read-timeout=5s",
            "orderhub.providers.rate-limit-backoff=50ms",
            "RECONCILIATION_SCHEDULE=-",
            // Example seller for the e-invoices (a made-up company; a test IBAN).
            "INVOICE_SELLER_NAME=Order Hub Handels GmbH",
            "INVOICE_SELLER_STREET=Beispielweg 5",
            "INVOICE_SELLER_POSTAL_CODE=10115",
            "INVOICE_SELLER_CITY=Berlin",
            "INVOICE_SELLER_COUNTRY=DE",
            "INVOICE_SELLER_VAT_ID=DE987654321",
            "INVOICE_SELLER_IBAN=DE02120300000000202051",
            "INVOICE_SELLER_CONTACT_NAME=Erika Mustermann",
            "INVOICE_SELLER_PHONE=+49 30 1234567",
            "INVOICE_SELLER_EMAIL=rechnung@orderhub.example"
        })
@ContextConfiguration(initializers = {OrderhubTestEnvironment.class, Simulators.class})
public abstract class PaymentsTestBase {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final TopicRecorder PAYMENT_EVENTS =
            TopicRecorder.record(TestKafka.bootstrapServers(), "orderhub.payment-events.v1");

    @LocalServerPort
    int port;

    protected ApiClient woo() {
        return ApiClient.of("http://localhost:" + port, "woo-test-key-0001");
    }

    protected ApiClient admin() {
        return ApiClient.of("http://localhost:" + port, "admin-test-key-01");
    }

    protected ApiClient b2b() {
        return ApiClient.of("http://localhost:" + port, "b2b-test-key-0001");
    }

    protected ApiClient pos() {
        return ApiClient.of("http://localhost:" + port, "pos-test-key-0001");
    }

    protected static JsonNode body(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected static JsonNode data(HttpResponse<String> response) {
        return body(response).path("data");
    }

    /** A CSV answer's lines, by the names of its header line. */
    protected static List<java.util.Map<String, String>> readCsv(String text) {
        tools.jackson.databind.MappingIterator<java.util.Map<String, String>> lines =
                tools.jackson.dataformat.csv.CsvMapper.builder()
                        .build()
                        .readerForMapOf(String.class)
                        .with(tools.jackson.dataformat.csv.CsvSchema.emptySchema()
                                .withHeader())
                        .readValues(text);
        return lines.readAll();
    }

    /** A 200 with a JSON body, as Stripe and BTCPay answer. */
    protected static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /** A new pending order of the shop, as order-service publishes it. */
    protected static UUID order(String grandTotal) {
        UUID id = UUID.randomUUID();
        Feed.order(id, "woocommerce", "EUR", grandTotal, OrderStatus.PENDING, 1);
        return id;
    }

    protected JsonNode payment(UUID id) {
        return data(woo().get("/api/v1/payments/" + id));
    }

    /** Waits until the payment, as the API shows it, satisfies the condition. */
    protected JsonNode awaitPayment(UUID id, Predicate<JsonNode> condition) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> payment(id), condition);
    }

    protected static Predicate<JsonNode> status(String status) {
        return p -> status.equals(p.path("status").asString());
    }

    protected static List<PaymentEvent> eventsOf(UUID paymentId) {
        return PAYMENT_EVENTS.values(PaymentEvent.class).stream()
                .filter(e -> e.getPaymentId().equals(paymentId))
                .toList();
    }

    /**
     * Waits for the payment's events up to the given version and asserts each change was published once, in
     * version order, keyed by the order id.
     */
    protected static List<PaymentEvent> awaitPublishedOnceInOrder(UUID paymentId, long lastVersion) {
        List<PaymentEvent> events = PAYMENT_EVENTS.awaitValues(
                PaymentEvent.class,
                all -> all.stream().anyMatch(e -> e.getPaymentId().equals(paymentId) && e.getVersion() == lastVersion),
                Duration.ofSeconds(20));
        List<PaymentEvent> mine =
                events.stream().filter(e -> e.getPaymentId().equals(paymentId)).toList();
        assertThat(mine)
                .extracting(PaymentEvent::getVersion)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, lastVersion)
                        .boxed()
                        .toList());
        assertThat(PAYMENT_EVENTS.records().stream()
                        .filter(r -> r.value() instanceof PaymentEvent e
                                && e.getPaymentId().equals(paymentId))
                        .map(r -> r.key()))
                .allMatch(key -> key.equals(mine.get(0).getOrderId().toString()));
        return mine;
    }

    // --- Stripe, as api.stripe.com answers --------------------------------------------------------------------

    protected static String paymentIntentJson(String id, long amount, String status, UUID paymentId, UUID orderId) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": %d, "amount_received": %d, "currency": "eur",
                 "status": "%s", "client_secret": "%s_secret_test", "livemode": false,
                 "metadata": {"orderhub_payment_id": "%s", "orderhub_order_id": "%s"}}
                """.formatted(
                        id,
                        amount,
                        "succeeded".equals(status) ? amount : 0,
                        status,
                        id,
                        paymentId == null ? "" : paymentId,
                        orderId);
    }

    /** Stripe creates a PaymentIntent for this order's payment. */
    protected static void stripeCreates(UUID orderId, String intentId, long amount) {
        Simulators.STRIPE.stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                .withFormParam("metadata[orderhub_order_id]", equalTo(orderId.toString()))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(paymentIntentJson(intentId, amount, "requires_payment_method", null, orderId))));
    }

    protected static void stripeReports(String intentId, long amount, String status, UUID paymentId, UUID orderId) {
        Simulators.STRIPE.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + intentId))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(paymentIntentJson(intentId, amount, status, paymentId, orderId))));
    }

    /** A Stripe event as its webhook sends it (the object inside {@code data.object}). */
    protected static String stripeEvent(String id, String type, String object) {
        return """
                {"id": "%s", "object": "event", "api_version": "2020-08-27", "created": 1700000000,
                 "type": "%s", "data": {"object": %s}}
                """.formatted(id, type, object);
    }

    protected static String evt() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    protected static String stripeId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    protected HttpResponse<String> createStripePayment(UUID orderId, String amount) {
        return woo().post(
                        "/api/v1/payments", """
                        {"order_id": "%s", "provider": "stripe", "amount": %s, "currency": "EUR"}
                        """.formatted(orderId, amount), ApiClient.idempotencyKey("wc_" + orderId));
    }
}

package io.orderhub.webhooks;

import static io.orderhub.webhooks.TestVectors.BTCPAY_BODY;
import static io.orderhub.webhooks.TestVectors.BTCPAY_SECRET;
import static io.orderhub.webhooks.TestVectors.BTCPAY_SIGNATURE;
import static io.orderhub.webhooks.TestVectors.STRIPE_BODY;
import static io.orderhub.webhooks.TestVectors.STRIPE_SECRET;
import static io.orderhub.webhooks.TestVectors.STRIPE_SIGNATURE;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderhub.events.Provider;
import io.orderhub.events.ProviderEvent;
import io.orderhub.events.ProviderEventType;
import io.orderhub.schemas.EventTopic;
import io.orderhub.testsupport.TestKafka;
import io.orderhub.testsupport.TopicRecorder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway as Stripe and BTCPay see it: real HTTP, real Kafka broker, the test vectors. The
 * clock is pinned one minute after the vectors were signed; the Stripe and the BTCPay endpoint each know
 * two secrets, as during a rotation.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "STRIPE_WEBHOOK_SECRET=" + WebhookGatewayIT.PREVIOUS_STRIPE_SECRET + "," + STRIPE_SECRET,
            "BTCPAY_WEBHOOK_SECRET=" + WebhookGatewayIT.PREVIOUS_BTCPAY_SECRET + "," + BTCPAY_SECRET
        })
@Import(FixedClock.class)
class WebhookGatewayIT {

    static final String PREVIOUS_STRIPE_SECRET = "whsec_previous_secret";
    static final String PREVIOUS_BTCPAY_SECRET = "previous-btcpay-webhook-secret";
    private static final int ONE_MIB = 1024 * 1024;
    private static final long NOW = FixedClock.NOW.getEpochSecond();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TopicRecorder recorder;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private WebhookHttp http;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("orderhub.schema-registry.url", () -> "mock://");
    }

    @BeforeAll
    static void recordTheTopic() {
        recorder = TopicRecorder.record(TestKafka.bootstrapServers(), EventTopic.PROVIDER_EVENTS.topicName());
    }

    @AfterAll
    static void stopRecording() {
        recorder.close();
    }

    @BeforeEach
    void client() {
        http = new WebhookHttp(port);
    }

    @Test
    void publishesTheStripeTestVectorOnceAfterKafkaAcknowledgedIt() {
        HttpResponse<String> response = http.stripe(STRIPE_BODY, STRIPE_SIGNATURE);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("success").booleanValue()).isTrue();
        assertThat(answer.path("data").path("status").stringValue()).isEqualTo("published");
        assertThat(answer.path("data").path("provider_event_id").stringValue()).isEqualTo("evt_test");
        UUID eventId = UUID.fromString(answer.path("data").path("event_id").stringValue());

        ConsumerRecord<String, ProviderEvent> record = recorded("evt_test");
        ProviderEvent event = record.value();
        assertThat(record.key()).isEqualTo("evt_test");
        assertThat(event.getEventId()).isEqualTo(eventId);
        assertThat(event.getProvider()).isEqualTo(Provider.STRIPE);
        assertThat(event.getType()).isEqualTo(ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED);
        assertThat(event.getProviderEventType()).isEqualTo("payment_intent.succeeded");
        assertThat(event.getProviderReference()).isEqualTo("evt_test");
        assertThat(event.getPayload()).isEqualTo(STRIPE_BODY);
        assertThat(event.getReceivedAt()).isEqualTo(FixedClock.NOW);
        assertThat(event.getOccurredAt()).isEqualTo(FixedClock.NOW);
        assertThat(publishedWithId("evt_test")).hasSize(1);
    }

    @Test
    void publishesTheBtcpayTestVectorOnceKeyedByTheInvoice() {
        HttpResponse<String> response = http.btcpay(BTCPAY_BODY, BTCPAY_SIGNATURE);

        assertThat(response.statusCode()).isEqualTo(200);
        ConsumerRecord<String, ProviderEvent> record = recorded("d1");
        ProviderEvent event = record.value();
        assertThat(record.key()).isEqualTo("i1");
        assertThat(event.getProvider()).isEqualTo(Provider.BTCPAY);
        assertThat(event.getType()).isEqualTo(ProviderEventType.BTCPAY_INVOICE_SETTLED);
        assertThat(event.getProviderEventType()).isEqualTo("InvoiceSettled");
        assertThat(event.getProviderReference()).isEqualTo("i1");
        assertThat(event.getOccurredAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(event.getReceivedAt()).isEqualTo(FixedClock.NOW);
        assertThat(event.getPayload()).isEqualTo(BTCPAY_BODY);
        assertThat(publishedWithId("d1")).hasSize(1);
    }

    @Test
    void publishesAnIndentedMultiLineBtcpayBodyExactlyAsSigned() {
        String delivery = "d-" + UUID.randomUUID();
        String body = """
                {
                  "deliveryId": "%1$s",
                  "webhookId": "7NRxTMpgjDWjwexRHGe4Z7",
                  "originalDeliveryId": "%1$s",
                  "isRedelivery": false,
                  "type": "InvoiceProcessing",
                  "timestamp": %2$d,
                  "storeId": "9CiNzKoANMhGNpAMAjbGHzV9mGo6Hxzv3T2vRLfwQYQT",
                  "invoiceId": "inv-%1$s",
                  "metadata": {
                    "orderhub_payment_id": "0190f3c4-1111-7000-8000-000000000001"
                  },
                  "overPaid": false
                }""".formatted(delivery, NOW);

        assertThat(http.btcpay(body, Signing.btcpay(body, BTCPAY_SECRET)).statusCode())
                .isEqualTo(200);

        List<ConsumerRecord<String, ProviderEvent>> published = publishedWithId(delivery);
        assertThat(published).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("inv-" + delivery);
            assertThat(record.value().getPayload()).isEqualTo(body);
        });
    }

    @Test
    void acceptsAStripeWebhookSignedWithThePreviousSecretDuringRotation() {
        String id = "evt_" + UUID.randomUUID();
        String body = paymentIntentEvent(id, "payment_intent.processing", "pi_rotation");

        HttpResponse<String> response = http.stripe(body, Signing.stripe(body, PREVIOUS_STRIPE_SECRET, NOW));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(publishedWithId(id)).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("pi_rotation");
            assertThat(record.value().getType()).isEqualTo(ProviderEventType.STRIPE_PAYMENT_INTENT_PROCESSING);
            assertThat(record.value().getOccurredAt()).isEqualTo(Instant.ofEpochSecond(NOW - 5));
        });
    }

    @Test
    void acceptsABtcpayWebhookSignedWithEitherSecretDuringRotationAndRefusesAThird() {
        String previous = "d-" + UUID.randomUUID();
        String current = "d-" + UUID.randomUUID();
        String third = "d-" + UUID.randomUUID();
        String previousBody = invoiceEvent(previous, "InvoiceSettled");
        String currentBody = invoiceEvent(current, "InvoiceSettled");
        String thirdBody = invoiceEvent(third, "InvoiceSettled");

        assertThat(http.btcpay(previousBody, Signing.btcpay(previousBody, PREVIOUS_BTCPAY_SECRET))
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.btcpay(currentBody, Signing.btcpay(currentBody, BTCPAY_SECRET))
                        .statusCode())
                .isEqualTo(200);
        assertProblem(
                http.btcpay(thirdBody, Signing.btcpay(thirdBody, "a-third-btcpay-secret")),
                400,
                "signature-invalid",
                "SIGNATURE_INVALID");

        assertThat(publishedWithId(previous)).singleElement();
        assertThat(publishedWithId(current)).singleElement();
        assertThat(publishedWithId(third)).isEmpty();
    }

    @Test
    void rejectsAForgedStripeSignatureWithAProblemAndPublishesNothing() {
        String id = "evt_" + UUID.randomUUID();
        String body = paymentIntentEvent(id, "payment_intent.succeeded", "pi_forged");
        String forged = Signing.stripe(body, "whsec_attacker", NOW);
        double before = rejected("stripe", "signature_invalid");

        HttpResponse<String> response = http.stripe(body, forged);

        assertProblem(response, 400, "signature-invalid", "SIGNATURE_INVALID");
        assertThat(response.body()).doesNotContain(forged).doesNotContain(STRIPE_SECRET);
        assertThat(rejected("stripe", "signature_invalid")).isEqualTo(before + 1);
        assertThat(publishedWithId(id)).isEmpty();
    }

    @Test
    void rejectsATamperedStripeBodyAndPublishesNothing() {
        String id = "evt_" + UUID.randomUUID();
        String signed = paymentIntentEvent(id, "payment_intent.payment_failed", "pi_tampered");
        String tampered = signed.replace("payment_failed", "succeeded");

        HttpResponse<String> response = http.stripe(tampered, Signing.stripe(signed, STRIPE_SECRET, NOW));

        assertProblem(response, 400, "signature-invalid", "SIGNATURE_INVALID");
        assertThat(publishedWithId(id)).isEmpty();
    }

    @Test
    void rejectsAStaleStripeTimestampAndPublishesNothing() {
        String id = "evt_" + UUID.randomUUID();
        String body = paymentIntentEvent(id, "payment_intent.succeeded", "pi_stale");
        double before = rejected("stripe", "timestamp_stale");

        HttpResponse<String> response = http.stripe(body, Signing.stripe(body, STRIPE_SECRET, NOW - 301));

        assertProblem(response, 400, "timestamp-stale", "TIMESTAMP_STALE");
        assertThat(rejected("stripe", "timestamp_stale")).isEqualTo(before + 1);
        assertThat(publishedWithId(id)).isEmpty();
    }

    @Test
    void rejectsAnUnsignedStripeWebhookAndPublishesNothing() {
        String id = "evt_" + UUID.randomUUID();

        HttpResponse<String> response =
                http.stripe(paymentIntentEvent(id, "payment_intent.succeeded", "pi_unsigned"), null);

        assertProblem(response, 400, "signature-missing", "SIGNATURE_MISSING");
        assertThat(publishedWithId(id)).isEmpty();
    }

    @Test
    void rejectsAForgedBtcpaySignatureAndPublishesNothing() {
        String delivery = "d-" + UUID.randomUUID();
        String body = invoiceEvent(delivery, "InvoiceSettled");

        HttpResponse<String> response = http.btcpay(body, Signing.btcpay(body, "not-the-secret"));

        assertProblem(response, 400, "signature-invalid", "SIGNATURE_INVALID");
        assertThat(publishedWithId(delivery)).isEmpty();
    }

    @Test
    void rejectsATamperedBtcpayBodyAndPublishesNothing() {
        String delivery = "d-" + UUID.randomUUID();
        String signed = invoiceEvent(delivery, "InvoiceExpired");

        HttpResponse<String> response =
                http.btcpay(signed.replace("InvoiceExpired", "InvoiceSettled"), Signing.btcpay(signed, BTCPAY_SECRET));

        assertProblem(response, 400, "signature-invalid", "SIGNATURE_INVALID");
        assertThat(publishedWithId(delivery)).isEmpty();
    }

    @Test
    void rejectsAnUnsignedBtcpayWebhookAndPublishesNothing() {
        String delivery = "d-" + UUID.randomUUID();

        HttpResponse<String> response = http.btcpay(invoiceEvent(delivery, "InvoiceSettled"), null);

        assertProblem(response, 400, "signature-missing", "SIGNATURE_MISSING");
        assertThat(publishedWithId(delivery)).isEmpty();
    }

    @Test
    void acknowledgesEventTypesTheHubDoesNotUseWithoutPublishingThem() {
        String stripeId = "evt_" + UUID.randomUUID();
        String stripeBody = """
                {"id": "%s", "object": "event", "type": "customer.created", "created": %d,
                 "data": {"object": {"id": "cus_1", "object": "customer"}}}""".formatted(stripeId, NOW);
        String delivery = "d-" + UUID.randomUUID();
        String btcpayBody = """
                {"deliveryId": "%1$s", "originalDeliveryId": "%1$s", "type": "PaymentRequestUpdated",
                 "timestamp": %2$d, "storeId": "s1", "paymentRequestId": "pr1"}""".formatted(delivery, NOW);
        double before = count("orderhub.webhooks.ignored", "stripe");

        HttpResponse<String> stripe = http.stripe(stripeBody, Signing.stripe(stripeBody, STRIPE_SECRET, NOW));
        HttpResponse<String> btcpay = http.btcpay(btcpayBody, Signing.btcpay(btcpayBody, BTCPAY_SECRET));

        assertThat(stripe.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(stripe.body()).path("data").path("status").stringValue())
                .isEqualTo("ignored");
        assertThat(btcpay.statusCode()).isEqualTo(200);
        assertThat(count("orderhub.webhooks.ignored", "stripe")).isEqualTo(before + 1);
        assertThat(publishedWithId(stripeId)).isEmpty();
        assertThat(publishedWithId(delivery)).isEmpty();
    }

    @Test
    void rejectsABodyDeclaredLargerThanOneMebibyte() {
        byte[] body = new byte[ONE_MIB + 1];
        double before = rejected("stripe", "payload_too_large");

        HttpResponse<String> response =
                http.post("/api/v1/webhooks/stripe", body, "Stripe-Signature", "t=" + NOW + ",v1=00");

        assertProblem(response, 413, "payload-too-large", "PAYLOAD_TOO_LARGE");
        assertThat(rejected("stripe", "payload_too_large")).isEqualTo(before + 1);
    }

    @Test
    void rejectsAChunkedBodyThatTurnsOutLargerThanOneMebibyte() {
        byte[] body = new byte[ONE_MIB + 1];

        HttpResponse<String> response =
                http.postChunked("/api/v1/webhooks/btcpay", body, "BTCPay-Sig", Signing.btcpay(body, BTCPAY_SECRET));

        assertProblem(response, 413, "payload-too-large", "PAYLOAD_TOO_LARGE");
    }

    @Test
    void publishesASignedEventOfExactlyOneMebibyte() {
        String id = "evt_" + UUID.randomUUID();
        String head = paymentIntentEvent(id, "payment_intent.succeeded", "pi_large");
        String prefix = head.substring(0, head.length() - 1) + ", \"padding\": \"";
        String suffix = "\"}";
        String body = prefix + "x".repeat(ONE_MIB - prefix.length() - suffix.length()) + suffix;
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(ONE_MIB);

        HttpResponse<String> response = http.postChunked(
                "/api/v1/webhooks/stripe",
                body.getBytes(StandardCharsets.UTF_8),
                "Stripe-Signature",
                Signing.stripe(body, STRIPE_SECRET, NOW));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(publishedWithId(id))
                .singleElement()
                .satisfies(record -> assertThat(record.value().getPayload()).isEqualTo(body));
    }

    @Test
    void rejectsSignedBodiesThatAreNotEventsAndPublishesNothing() {
        String notJson = "this is not json " + UUID.randomUUID();
        String delivery = "d-" + UUID.randomUUID();
        String noType = "{\"deliveryId\": \"" + delivery + "\", \"invoiceId\": \"i1\"}";
        double before = rejected("btcpay", "unparseable_payload");

        HttpResponse<String> stripe = http.stripe(notJson, Signing.stripe(notJson, STRIPE_SECRET, NOW));
        HttpResponse<String> btcpay = http.btcpay(noType, Signing.btcpay(noType, BTCPAY_SECRET));

        assertProblem(stripe, 400, "unparseable-payload", "UNPARSEABLE_PAYLOAD");
        assertProblem(btcpay, 400, "unparseable-payload", "UNPARSEABLE_PAYLOAD");
        assertThat(rejected("btcpay", "unparseable_payload")).isEqualTo(before + 1);
        assertThat(publishedWithId(delivery)).isEmpty();
    }

    @Test
    void publishesARedeliveryAgainUnderItsOriginalDeliveryId() {
        String original = "d-" + UUID.randomUUID();
        String first = invoiceEvent(original, "InvoiceSettled");
        String redelivery = first.replace("\"deliveryId\": \"" + original, "\"deliveryId\": \"d-retry-" + original)
                .replace("\"isRedelivery\": false", "\"isRedelivery\": true");

        assertThat(http.btcpay(first, Signing.btcpay(first, BTCPAY_SECRET)).statusCode())
                .isEqualTo(200);
        assertThat(http.btcpay(redelivery, Signing.btcpay(redelivery, BTCPAY_SECRET))
                        .statusCode())
                .isEqualTo(200);

        assertThat(publishedWithId(original))
                .extracting(record -> record.value().getPayload())
                .containsExactly(first, redelivery);
    }

    @Test
    void answersInJsonWhateverTheAcceptHeaderAsks() {
        String id = "evt_" + UUID.randomUUID();
        String body = paymentIntentEvent(id, "payment_intent.canceled", "pi_accept");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> accepted = http.post(
                "/api/v1/webhooks/stripe",
                bytes,
                "Stripe-Signature",
                Signing.stripe(body, STRIPE_SECRET, NOW),
                "Accept",
                "*/*; q=0.5, application/xml");
        HttpResponse<String> refused =
                http.post("/api/v1/webhooks/stripe", bytes, "Stripe-Signature", "t=1,v1=00", "Accept", "text/html");

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertProblem(refused, 400, "signature-invalid", "SIGNATURE_INVALID");
    }

    @Test
    void countsReceivedVerifiedAndPublishedWebhooksAndTimesPublishing() {
        String id = "evt_" + UUID.randomUUID();
        String body = paymentIntentEvent(id, "payment_intent.requires_action", "pi_metrics");
        double received = count("orderhub.webhooks.received", "stripe");
        double verified = count("orderhub.webhooks.verified", "stripe");
        double published = meters
                .find("orderhub.webhooks.published")
                .tags("provider", "stripe", "type", "STRIPE_PAYMENT_INTENT_REQUIRES_ACTION")
                .counters()
                .stream()
                .mapToDouble(Counter::count)
                .sum();
        long timed = publishTimings();

        assertThat(http.stripe(body, Signing.stripe(body, STRIPE_SECRET, NOW)).statusCode())
                .isEqualTo(200);

        assertThat(count("orderhub.webhooks.received", "stripe")).isEqualTo(received + 1);
        assertThat(count("orderhub.webhooks.verified", "stripe")).isEqualTo(verified + 1);
        assertThat(meters.get("orderhub.webhooks.published")
                        .tags("provider", "stripe", "type", "STRIPE_PAYMENT_INTENT_REQUIRES_ACTION")
                        .counter()
                        .count())
                .isEqualTo(published + 1);
        assertThat(publishTimings()).isEqualTo(timed + 1);
    }

    private long publishTimings() {
        Timer timer = meters.find("orderhub.webhooks.publish.latency")
                .tags("provider", "stripe", "outcome", "acknowledged")
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private static String paymentIntentEvent(String id, String type, String paymentIntent) {
        return """
                {"id": "%s", "object": "event", "api_version": "2024-06-20", "type": "%s", "created": %d,
                 "data": {"object": {"id": "%s", "object": "payment_intent", "amount": 4749, "currency": "eur"}}}""".formatted(id, type, NOW - 5, paymentIntent);
    }

    private static String invoiceEvent(String delivery, String type) {
        return """
                {"deliveryId": "%1$s", "webhookId": "w1", "originalDeliveryId": "%1$s", "isRedelivery": false,
                 "type": "%2$s", "timestamp": %3$d, "storeId": "s1", "invoiceId": "inv-%1$s", "metadata": null}""".formatted(delivery, type, NOW);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String kind, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").stringValue()).isEqualTo("https://orderhub.io/problems/" + kind);
        assertThat(problem.path("status").intValue()).isEqualTo(status);
        assertThat(problem.path("title").stringValue()).isNotBlank();
        assertThat(problem.path("detail").stringValue()).isNotBlank();
        assertThat(problem.path("success").isBoolean()).isTrue();
        assertThat(problem.path("success").booleanValue()).isFalse();
        assertThat(problem.path("error").path("code").stringValue()).isEqualTo(code);
        assertThat(problem.path("error").path("message").stringValue())
                .isEqualTo(problem.path("detail").stringValue());
    }

    private static ConsumerRecord<String, ProviderEvent> recorded(String providerEventId) {
        recorder.awaitValues(
                ProviderEvent.class,
                events -> events.stream()
                        .anyMatch(event -> event.getProviderEventId().equals(providerEventId)),
                Duration.ofSeconds(30));
        return recorder.records().stream()
                .filter(record -> record.value() instanceof ProviderEvent event
                        && event.getProviderEventId().equals(providerEventId))
                .map(record -> new ConsumerRecord<>(
                        record.topic(), record.partition(), record.offset(), record.key(), (ProviderEvent)
                                record.value()))
                .findFirst()
                .orElseThrow();
    }

    private static List<ConsumerRecord<String, ProviderEvent>> publishedWithId(String providerEventId) {
        return PublishedEvents.withProviderEventId(TestKafka.bootstrapServers(), providerEventId);
    }

    private double rejected(String provider, String reason) {
        Counter counter = meters.find("orderhub.webhooks.rejected")
                .tags("provider", provider, "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double count(String name, String provider) {
        Counter counter = meters.find(name).tags("provider", provider).counter();
        return counter == null ? 0 : counter.count();
    }
}

package io.orderhub.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.orderhub.events.OrderStatus;
import io.orderhub.events.PaymentEvent;
import io.orderhub.events.PaymentEventType;
import io.orderhub.events.ProviderEventType;
import io.orderhub.testsupport.ApiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The POS's Stripe Terminal endpoints, with the old hub's field names: connection tokens, card-present
 * PaymentIntents for what is open on an order (Stripe simulated by WireMock, checked for the exact form it is
 * sent), and the outcome through Stripe's events like an online payment's.
 */
class TerminalPaymentsIT extends PaymentsTestBase {

    @Test
    void createsAConnectionTokenForALocationOrForAnyWithTheOldHubsFields() {
        String location = stripeId("tml");
        stripeConnectionToken(location);
        stripeConnectionToken(null);
        long before = System.currentTimeMillis();

        HttpResponse<String> forLocation =
                pos().post("/api/v1/terminal/connection-token", "{\"location_id\": \"%s\"}".formatted(location));
        HttpResponse<String> forAny = pos().post("/api/v1/terminal/connection-token", "");

        assertThat(forLocation.statusCode()).as(forLocation.body()).isEqualTo(200);
        assertThat(data(forLocation).path("secret").asString()).isEqualTo("pst_test_" + location);
        assertThat(data(forLocation).path("location").asString()).isEqualTo(location);
        assertThat(data(forLocation).path("expires_at").asLong())
                .as("milliseconds since the epoch, five minutes ahead, as the old hub sent it")
                .isBetween(before + 299_000, System.currentTimeMillis() + 301_000);
        assertThat(forAny.statusCode()).as(forAny.body()).isEqualTo(200);
        assertThat(data(forAny).path("secret").asString()).isEqualTo("pst_test_any");
        assertThat(Simulators.STRIPE.findAll(postRequestedFor(urlPathEqualTo("/v1/terminal/connection_tokens"))
                        .withFormParam("location", equalTo(location))))
                .singleElement()
                .satisfies(call ->
                        assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + Simulators.STRIPE_KEY));
    }

    @Test
    void createsACardPresentPaymentIntentForWhatIsOpenOnceForAnIdempotencyKey() {
        UUID orderId = posOrder("47.49");
        String intent = stripeId("pi");
        String location = stripeId("tml");
        stripeCreates(orderId, intent, 4749);
        stripeConnectionToken(location);
        String request = """
                {"order_id": "%s", "amount": 47.49, "currency": "EUR", "location_id": "%s",
                 "reader_id": "tmr_FDOt2wlRZEdpd7", "metadata": {"till": "2"}}
                """.formatted(orderId, location);
        Map<String, String> key = ApiClient.idempotencyKey("pos_" + orderId);

        HttpResponse<String> created = pos().post("/api/v1/terminal/payment-intent", request, key);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode answer = data(created);
        UUID paymentId = UUID.fromString(answer.path("payment_id").asString());
        assertThat(answer.path("payment_intent_id").asString()).isEqualTo(intent);
        assertThat(answer.path("client_secret").asString()).isEqualTo(intent + "_secret_test");
        assertThat(answer.path("connection_token").asString()).isEqualTo("pst_test_" + location);
        assertThat(answer.path("expires_at").asLong()).isPositive();
        assertThat(answer.path("amount").decimalValue()).isEqualByComparingTo("47.49");
        assertThat(answer.path("currency").asString()).isEqualTo("EUR");
        assertThat(answer.path("status").asString()).isEqualTo("pending");
        List<LoggedRequest> calls = Simulators.STRIPE.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withFormParam("metadata[orderhub_order_id]", equalTo(orderId.toString())));
        assertThat(calls).hasSize(1);
        Map<String, String> form = form(calls.get(0));
        assertThat(form)
                .containsEntry("payment_method_types[0]", "card_present")
                .containsEntry("capture_method", "automatic")
                .containsEntry("amount", "4749")
                .containsEntry("currency", "eur")
                .containsEntry("metadata[orderhub_payment_id]", paymentId.toString())
                .containsEntry("metadata[orderhub_order_id]", orderId.toString());
        assertThat(calls.get(0).getHeader("Idempotency-Key")).isEqualTo(paymentId.toString());
        JsonNode payment = data(pos().get("/api/v1/payments/" + paymentId));
        assertThat(payment.path("provider").asString()).isEqualTo("stripe");
        assertThat(payment.path("method").asString()).isEqualTo("card_present");
        assertThat(payment.path("next_action").path("type").asString()).isEqualTo("stripe_terminal");
        assertThat(payment.path("metadata").path("till").asString()).isEqualTo("2");
        assertThat(payment.path("metadata").path("terminal_location_id").asString())
                .isEqualTo(location);
        assertThat(payment.path("metadata").path("terminal_reader_id").asString())
                .isEqualTo("tmr_FDOt2wlRZEdpd7");

        HttpResponse<String> replayed = pos().post("/api/v1/terminal/payment-intent", request, key);

        assertThat(replayed.body()).isEqualTo(created.body());
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(Simulators.STRIPE.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                        .withFormParam("metadata[orderhub_order_id]", equalTo(orderId.toString()))))
                .hasSize(1);
        assertThat(data(pos().get("/api/v1/payments/order/" + orderId))).hasSize(1);
    }

    @Test
    void aSucceededEventFromStripeSucceedsTheTerminalPaymentAsItDoesAnOnlineOne() {
        UUID orderId = posOrder("12.50");
        String intent = stripeId("pi");
        stripeCreates(orderId, intent, 1250);
        stripeConnectionToken(null);
        HttpResponse<String> created =
                pos().post("/api/v1/terminal/payment-intent", "{\"order_id\": \"%s\"}".formatted(orderId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID paymentId = UUID.fromString(data(created).path("payment_id").asString());
        assertThat(data(created).path("amount").decimalValue())
                .as("what is open on the order")
                .isEqualByComparingTo("12.50");
        JsonNode pending = data(pos().get("/api/v1/terminal/payment/" + paymentId + "/status"));
        assertThat(pending.path("status").asString()).isEqualTo("pending");

        String succeeded = evt();
        Feed.stripe(
                ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED,
                succeeded,
                intent,
                stripeEvent(
                        succeeded,
                        "payment_intent.succeeded",
                        paymentIntentJson(intent, 1250, "succeeded", paymentId, orderId)));

        // Read with the POS's key: the shop's key sees no POS payment.
        HttpResponse<String> status = Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> pos().get("/api/v1/terminal/payment/" + paymentId + "/status"),
                        r -> "succeeded".equals(data(r).path("status").asString()));
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        assertThat(data(status).path("payment_id").asString()).isEqualTo(paymentId.toString());
        assertThat(data(status).path("payment_intent_id").asString()).isEqualTo(intent);
        assertThat(data(status).path("status").asString()).isEqualTo("succeeded");
        assertThat(data(status).path("amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(data(status).path("currency").asString()).isEqualTo("EUR");
        assertThat(data(status).path("method").asString()).isEqualTo("card_present");
        List<PaymentEvent> events = awaitPublishedOnceInOrder(paymentId, 2);
        assertThat(events)
                .extracting(PaymentEvent::getType)
                .containsExactly(PaymentEventType.CREATED, PaymentEventType.STATUS_CHANGED);
        assertThat(events.get(1).getOrderId()).isEqualTo(orderId);
        assertThat(events.get(1).getPayment().getStatus()).isEqualTo(io.orderhub.events.PaymentStatus.SUCCEEDED);
        assertThat(events.get(1).getPayment().getProvider()).isEqualTo("stripe");
    }

    @Test
    void refusesBadRequestsWithAProblemAndCreatesNoPaymentIntent() {
        UUID orderId = posOrder("20.00");
        stripeConnectionToken(null);

        HttpResponse<String> noOrder = pos().post("/api/v1/terminal/payment-intent", "{\"amount\": 20.00}");
        HttpResponse<String> notTheOpenAmount = pos().post(
                        "/api/v1/terminal/payment-intent",
                        "{\"order_id\": \"%s\", \"amount\": 19.99}".formatted(orderId));
        HttpResponse<String> otherCurrency = pos().post(
                        "/api/v1/terminal/payment-intent",
                        "{\"order_id\": \"%s\", \"currency\": \"USD\"}".formatted(orderId));
        HttpResponse<String> badReader = pos().post(
                        "/api/v1/terminal/payment-intent",
                        "{\"order_id\": \"%s\", \"reader_id\": \"tmr 1; drop\"}".formatted(orderId));
        HttpResponse<String> badMetadata = pos().post(
                        "/api/v1/terminal/payment-intent",
                        "{\"order_id\": \"%s\", \"metadata\": [1, 2]}".formatted(orderId));
        HttpResponse<String> badLocation =
                pos().post("/api/v1/terminal/connection-token", "{\"location_id\": \"../tml\"}");
        HttpResponse<String> twoLocations = pos().post(
                        "/api/v1/terminal/connection-token", "{\"location_id\": \"tml_a\", \"location\": \"tml_b\"}");
        HttpResponse<String> malformed = pos().post("/api/v1/terminal/payment-intent", "{\"order_id\": ");

        for (HttpResponse<String> refused :
                List.of(noOrder, notTheOpenAmount, otherCurrency, badReader, badMetadata, badLocation, twoLocations)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertProblem(refused);
        }
        assertThat(body(noOrder).path("detail").asString()).contains("order_id");
        assertThat(body(notTheOpenAmount).path("detail").asString())
                .contains("must be what is open on the order (20.00");
        assertThat(body(otherCurrency).path("detail").asString()).contains("currency");
        assertThat(body(badReader).path("detail").asString()).contains("reader_id");
        assertThat(body(badMetadata).path("detail").asString()).contains("metadata");
        assertThat(body(badLocation).path("detail").asString()).contains("location_id");
        assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);
        assertProblem(malformed);
        assertThat(Simulators.STRIPE.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                        .withFormParam("metadata[orderhub_order_id]", equalTo(orderId.toString()))))
                .isEmpty();
        assertThat(data(pos().get("/api/v1/payments/order/" + orderId))).isEmpty();
    }

    @Test
    void answers404ForAnUnknownPaymentAndForAnotherChannelsOne() {
        UUID orderId = posOrder("9.00");
        String intent = stripeId("pi");
        stripeCreates(orderId, intent, 900);
        stripeConnectionToken(null);
        UUID paymentId = UUID.fromString(
                data(pos().post("/api/v1/terminal/payment-intent", "{\"order_id\": \"%s\"}".formatted(orderId)))
                        .path("payment_id")
                        .asString());

        HttpResponse<String> unknown = pos().get("/api/v1/terminal/payment/" + UUID.randomUUID() + "/status");
        HttpResponse<String> otherChannel = woo().get("/api/v1/terminal/payment/" + paymentId + "/status");
        HttpResponse<String> notAnId = pos().get("/api/v1/terminal/payment/pi_123/status");
        HttpResponse<String> own = pos().get("/api/v1/terminal/payment/" + paymentId + "/status");

        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertProblem(unknown);
        assertThat(otherChannel.statusCode()).as(otherChannel.body()).isEqualTo(404);
        assertThat(body(otherChannel).path("detail")).isEqualTo(body(unknown).path("detail"));
        assertProblem(otherChannel);
        assertThat(notAnId.statusCode()).as(notAnId.body()).isBetween(400, 404);
        assertProblem(notAnId);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    }

    @Test
    void answers503WithRetryAfterForAnOrderNotSeenYet() {
        UUID orderId = UUID.randomUUID();
        stripeConnectionToken(null);

        HttpResponse<String> early =
                pos().post("/api/v1/terminal/payment-intent", "{\"order_id\": \"%s\"}".formatted(orderId));

        assertThat(early.statusCode()).as(early.body()).isEqualTo(503);
        assertThat(early.headers().firstValue("Retry-After")).hasValue("5");
        assertProblem(early);
    }

    private static UUID posOrder(String grandTotal) {
        UUID id = UUID.randomUUID();
        Feed.order(id, "pos", "EUR", grandTotal, OrderStatus.PENDING, 1);
        return id;
    }

    /** Stripe's answer to a connection token for the location (null: a token for any location). */
    private static void stripeConnectionToken(String location) {
        Simulators.STRIPE.stubFor(post(urlPathEqualTo("/v1/terminal/connection_tokens"))
                .withFormParam("location", location == null ? absent() : equalTo(location))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"object": "terminal.connection_token", "secret": "pst_test_%s", "location": %s}
                                """.formatted(
                                        location == null ? "any" : location,
                                        location == null ? "null" : "\"" + location + "\""))));
    }

    private static Map<String, String> form(LoggedRequest call) {
        return call.formParameters().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().firstValue()));
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception", "at io.orderhub");
    }
}

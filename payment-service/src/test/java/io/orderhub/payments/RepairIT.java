package io.orderhub.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.events.PaymentEvent;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The test context runs the repair worker with {@code PAYMENT_REPAIR_AFTER=2s}. */
class RepairIT extends PaymentsTestBase {

    @Test
    void bringsAPaymentWhoseWebhookNeverCameToItsRealState() {
        UUID orderId = order("33.30");
        String intent = stripeId("pi");
        stripeCreates(orderId, intent, 3330);
        UUID paymentId = UUID.fromString(
                data(createStripePayment(orderId, "33.30")).path("id").asString());
        // The customer paid; Stripe's webhook never reached the hub.
        stripeReports(intent, 3330, "succeeded", paymentId, orderId);

        JsonNode repaired = awaitPayment(paymentId, status("succeeded"));

        assertThat(repaired.path("version").asLong()).isEqualTo(2);
        JsonNode history = data(woo().get("/api/v1/payments/" + paymentId + "/history"));
        assertThat(history.get(1).path("changed_by").asString()).isEqualTo("system");
        assertThat(history.get(1).path("reason").asString()).contains("repair");
        List<PaymentEvent> events = awaitPublishedOnceInOrder(paymentId, 2);
        assertThat(events.get(1).getPayment().getStatus()).isEqualTo(io.orderhub.events.PaymentStatus.SUCCEEDED);
    }

    @Test
    void publishesAPaymentLeftWithoutReferenceAsFailedWhenStripeNeverCreatedIt() {
        UUID orderId = order("8.00");
        Simulators.STRIPE.stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                .withFormParam("metadata[orderhub_order_id]", equalTo(orderId.toString()))
                .willReturn(aResponse().withStatus(503).withBody("{\"error\": {\"type\": \"api_error\"}}")));
        Simulators.STRIPE.stubFor(get(urlPathEqualTo("/v1/payment_intents/search"))
                .withQueryParam(
                        "query",
                        equalTo("metadata['orderhub_payment_id']:'" + "x" + "'")
                                .or(com.github.tomakehurst.wiremock.client.WireMock.containing("orderhub_payment_id")))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"object\": \"search_result\", \"data\": [], \"has_more\": false,"
                                + " \"url\": \"/v1/payment_intents/search\"}")));

        assertThat(createStripePayment(orderId, "8.00").statusCode()).isEqualTo(502);

        JsonNode settled = Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> data(woo().get("/api/v1/payments/order/" + orderId)), list -> list.size() == 1);
        JsonNode payment = settled.get(0);
        assertThat(payment.path("status").asString()).isEqualTo("failed");
        assertThat(payment.path("provider_reference").isNull()).isTrue();
        List<PaymentEvent> events =
                awaitPublishedOnceInOrder(UUID.fromString(payment.path("id").asString()), 1);
        assertThat(events.get(0).getPayment().getStatus()).isEqualTo(io.orderhub.events.PaymentStatus.FAILED);
    }
}

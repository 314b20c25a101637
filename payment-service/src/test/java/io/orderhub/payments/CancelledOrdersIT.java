package io.orderhub.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.orderhub.events.OrderStatus;
import io.orderhub.events.ProviderEventType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The test context runs with {@code AUTO_REFUND_CANCELLED=true}. */
class CancelledOrdersIT extends PaymentsTestBase {

    @Test
    void cancelsTheOpenPaymentIntentWhenItsOrderIsCancelled() {
        UUID orderId = order("19.99");
        String intent = stripeId("pi");
        stripeCreates(orderId, intent, 1999);
        UUID paymentId = UUID.fromString(
                data(createStripePayment(orderId, "19.99")).path("id").asString());
        Simulators.STRIPE.stubFor(post(urlPathEqualTo("/v1/payment_intents/" + intent + "/cancel"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(paymentIntentJson(intent, 1999, "canceled", paymentId, orderId))));

        Feed.order(orderId, "woocommerce", "EUR", "19.99", OrderStatus.CANCELLED, 2);

        JsonNode cancelled = awaitPayment(paymentId, status("cancelled"));
        assertThat(cancelled.path("needs_attention").asBoolean()).isFalse();
        assertThat(Simulators.STRIPE.findAll(
                        postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + intent + "/cancel"))))
                .hasSize(1);
        assertThat(data(woo().get("/api/v1/payments/" + paymentId + "/history"))
                        .get(1)
                        .path("changed_by")
                        .asString())
                .isEqualTo("system");
        awaitPublishedOnceInOrder(paymentId, 2);
    }

    @Test
    void cancelsAPaymentOnRequestAndRefusesToCancelOneThatSucceeded() {
        UUID orderId = order("60.00");
        String intent = stripeId("pi");
        stripeCreates(orderId, intent, 3000);
        UUID stripePayment = UUID.fromString(
                data(createStripePayment(orderId, "30.00")).path("id").asString());
        Simulators.STRIPE.stubFor(post(urlPathEqualTo("/v1/payment_intents/" + intent + "/cancel"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(paymentIntentJson(intent, 3000, "canceled", stripePayment, orderId))));
        String manual = data(woo().post(
                                "/api/v1/payments",
                                "{\"order_id\": \"%s\", \"provider\": \"manual\", \"amount\": 30.00}"
                                        .formatted(orderId)))
                .path("id")
                .asString();

        var cancelled = woo().post("/api/v1/payments/" + stripePayment + "/cancel", "");
        var succeeded = woo().post("/api/v1/payments/" + manual + "/cancel", "");

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(data(cancelled).path("status").asString()).isEqualTo("cancelled");
        assertThat(Simulators.STRIPE.findAll(
                        postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + intent + "/cancel"))))
                .hasSize(1);
        assertThat(succeeded.statusCode()).as(succeeded.body()).isEqualTo(409);
        assertThat(payment(UUID.fromString(manual)).path("status").asString()).isEqualTo("succeeded");
        awaitPublishedOnceInOrder(stripePayment, 2);
    }

    @Test
    void flagsPublishesAndRefundsMoneyThatStillArrivesForACancelledOrder() {
        UUID orderId = order("42.00");
        String intent = stripeId("pi");
        stripeCreates(orderId, intent, 4200);
        UUID paymentId = UUID.fromString(
                data(createStripePayment(orderId, "42.00")).path("id").asString());
        // The customer is already paying: Stripe refuses to cancel an intent that is processing.
        Simulators.STRIPE.stubFor(post(urlPathEqualTo("/v1/payment_intents/" + intent + "/cancel"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"invalid_request_error\", \"code\":"
                                + " \"payment_intent_unexpected_state\", \"message\": \"You cannot cancel this"
                                + " PaymentIntent because it has a status of processing.\"}}")));
        stripeReports(intent, 4200, "processing", paymentId, orderId);
        String refund = stripeId("re");
        StripePaymentsIT.stripeRefunds(intent, 4200, refund);
        // Before submitting its own refund, the hub looks whether Stripe has it already (it has none).
        Simulators.STRIPE.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/refunds"))
                        .withQueryParam(
                                "payment_intent", com.github.tomakehurst.wiremock.client.WireMock.equalTo(intent))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"object\": \"list\", \"data\": [], \"has_more\": false, \"url\": \"/v1/refunds\"}")));

        Feed.order(orderId, "woocommerce", "EUR", "42.00", OrderStatus.CANCELLED, 2);
        awaitPayment(paymentId, status("processing"));
        StripePaymentsIT.sendStripe(
                ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED,
                "payment_intent.succeeded",
                intent,
                paymentIntentJson(intent, 4200, "succeeded", paymentId, orderId));

        JsonNode refunded = awaitPayment(
                paymentId,
                p -> p.path("refunds").size() == 1
                        && refund.equals(p.path("refunds")
                                .get(0)
                                .path("provider_reference")
                                .asString()));
        assertThat(refunded.path("status").asString()).isEqualTo("succeeded");
        assertThat(refunded.path("needs_attention").asBoolean()).isTrue();
        assertThat(refunded.path("attention_reason").asString()).contains("cancelled order");
        assertThat(refunded.path("refunds").get(0).path("amount").decimalValue())
                .isEqualByComparingTo("42.00");
        List<LoggedRequest> refundCalls = Simulators.STRIPE.findAll(postRequestedFor(urlPathEqualTo("/v1/refunds"))
                .withFormParam("payment_intent", com.github.tomakehurst.wiremock.client.WireMock.equalTo(intent)));
        assertThat(refundCalls).hasSize(1);
        assertThat(refundCalls.get(0).getHeader("Idempotency-Key"))
                .isEqualTo(refunded.path("refunds").get(0).path("id").asString());
        var events =
                awaitPublishedOnceInOrder(paymentId, refunded.path("version").asLong());
        assertThat(events.stream()
                        .anyMatch(e -> e.getPayment().getNeedsAttention()
                                && e.getPayment().getStatus() == io.orderhub.events.PaymentStatus.SUCCEEDED))
                .isTrue();
    }
}

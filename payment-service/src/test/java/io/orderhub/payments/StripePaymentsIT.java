package io.orderhub.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.orderhub.events.PaymentEvent;
import io.orderhub.events.PaymentEventType;
import io.orderhub.events.ProviderEventType;
import io.orderhub.testsupport.ApiClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StripePaymentsIT extends PaymentsTestBase {

    @Test
    void createsAPaymentIntentInMinorUnitsWithTheHubIdsAsMetadataAndIdempotencyKey() {
        UUID orderId = order("47.49");
        String intent = stripeId("pi");
        stripeCreates(orderId, intent, 4749);

        HttpResponse<String> created = createStripePayment(orderId, "47.49");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode payment = data(created);
        UUID paymentId = UUID.fromString(payment.path("id").asString());
        assertThat(payment.path("status").asString()).isEqualTo("pending");
        assertThat(payment.path("amount").decimalValue()).isEqualByComparingTo("47.49");
        assertThat(payment.path("provider_reference").asString()).isEqualTo(intent);
        assertThat(payment.path("recorded").asBoolean()).isFalse();
        assertThat(payment.path("next_action").path("type").asString()).isEqualTo("stripe_client_secret");
        assertThat(payment.path("next_action").path("client_secret").asString()).isEqualTo(intent + "_secret_test");
        List<LoggedRequest> calls = Simulators.STRIPE.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withFormParam("metadata[orderhub_order_id]", equalTo(orderId.toString())));
        assertThat(calls).hasSize(1);
        LoggedRequest call = calls.get(0);
        assertThat(call.formParameters().get("amount").firstValue()).isEqualTo("4749");
        assertThat(call.formParameters().get("currency").firstValue()).isEqualTo("eur");
        assertThat(call.formParameters().get("metadata[orderhub_payment_id]").firstValue())
                .isEqualTo(paymentId.toString());
        assertThat(call.getHeader("Idempotency-Key")).isEqualTo(paymentId.toString());
        assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + Simulators.STRIPE_KEY);
        HttpResponse<String> replayed = createStripePayment(orderId, "47.49");
        assertThat(replayed.body()).isEqualTo(created.body());
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(Simulators.STRIPE.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                        .withFormParam("metadata[orderhub_order_id]", equalTo(orderId.toString()))))
                .hasSize(1);
        PaymentEvent createdEvent = awaitPublishedOnceInOrder(paymentId, 1).get(0);
        assertThat(createdEvent.getType()).isEqualTo(PaymentEventType.CREATED);
        assertThat(createdEvent.getOrderId()).isEqualTo(orderId);
        assertThat(createdEvent.getPayment().getProviderReference()).isEqualTo(intent);
    }

    @Test
    void acceptsAndFlagsAnOverpaymentThatStripeReports() {
        UUID orderId = order("10.00");
        String intent = stripeId("pi");
        stripeCreates(orderId, intent, 1000);
        UUID paymentId = UUID.fromString(
                data(createStripePayment(orderId, "10.00")).path("id").asString());
        // The customer paid at the till as well, while the PaymentIntent was still open.
        HttpResponse<String> cash = woo().post(
                        "/api/v1/payments",
                        "{\"order_id\": \"%s\", \"provider\": \"manual\", \"amount\": 10.00}".formatted(orderId));

        succeed(intent, paymentId, orderId, 1000);

        assertThat(cash.statusCode()).as(cash.body()).isEqualTo(201);
        JsonNode payment = payment(paymentId);
        assertThat(payment.path("needs_attention").asBoolean()).isTrue();
        assertThat(payment.path("attention_reason").asString())
                .contains("overpaid: 20.00 received for a grand total of 10.00 EUR");
        PaymentEvent event = awaitPublishedOnceInOrder(paymentId, 2).get(1);
        assertThat(event.getPayment().getNeedsAttention()).isTrue();
    }

    @Test
    void answers502AndLeavesNothingHalfDoneWhenStripeFailsThenTheRetrySucceeds() {
        UUID orderId = order("20.00");
        Simulators.STRIPE.stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                .withFormParam("metadata[orderhub_order_id]", equalTo(orderId.toString()))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Stripe is down\"}}")));

        HttpResponse<String> failed = createStripePayment(orderId, "20.00");

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(502);
        assertThat(failed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(body(failed).path("type").asString()).endsWith("/provider-unavailable");
        assertThat(data(woo().get("/api/v1/payments/order/" + orderId))).isEmpty();

        String intent = stripeId("pi");
        stripeCreates(orderId, intent, 2000);
        HttpResponse<String> retried = createStripePayment(orderId, "20.00");

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        UUID paymentId = UUID.fromString(data(retried).path("id").asString());
        assertThat(data(retried).path("provider_reference").asString()).isEqualTo(intent);
        List<LoggedRequest> calls = Simulators.STRIPE.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withFormParam("metadata[orderhub_order_id]", equalTo(orderId.toString())));
        assertThat(calls).extracting(c -> c.getHeader("Idempotency-Key")).containsOnly(paymentId.toString());
        assertThat(data(woo().get("/api/v1/payments/order/" + orderId))).hasSize(1);
        List<PaymentEvent> events = awaitPublishedOnceInOrder(paymentId, 1);
        assertThat(events).hasSize(1);
    }

    @Test
    void appliesSuccessOnceAndIgnoresDuplicateAndOutOfOrderEvents() {
        UUID orderId = order("30.00");
        String intent = stripeId("pi");
        stripeCreates(orderId, intent, 3000);
        UUID paymentId = UUID.fromString(
                data(createStripePayment(orderId, "30.00")).path("id").asString());
        String succeeded = evt();
        String intentJson = paymentIntentJson(intent, 3000, "succeeded", paymentId, orderId);

        Feed.stripe(
                ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED,
                succeeded,
                intent,
                stripeEvent(succeeded, "payment_intent.succeeded", intentJson));
        awaitPayment(paymentId, status("succeeded"));
        // Stripe retries the same event; then a stale "processing" arrives late.
        Feed.stripe(
                ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED,
                succeeded,
                intent,
                stripeEvent(succeeded, "payment_intent.succeeded", intentJson));
        String processing = evt();
        Feed.stripe(
                ProviderEventType.STRIPE_PAYMENT_INTENT_PROCESSING,
                processing,
                intent,
                stripeEvent(
                        processing,
                        "payment_intent.processing",
                        paymentIntentJson(intent, 3000, "processing", paymentId, orderId)));
        // A later real change: everything before it on the same key has been consumed when it shows.
        String dispute = evt();
        Feed.stripe(
                ProviderEventType.STRIPE_CHARGE_DISPUTE_CREATED,
                dispute,
                intent,
                stripeEvent(dispute, "charge.dispute.created", disputeJson(intent, 3000, "needs_response")));
        JsonNode after = awaitPayment(paymentId, p -> !p.path("dispute").isNull());

        assertThat(after.path("status").asString()).isEqualTo("succeeded");
        assertThat(after.path("version").asLong()).isEqualTo(3);
        List<PaymentEvent> events = awaitPublishedOnceInOrder(paymentId, 3);
        assertThat(events)
                .extracting(PaymentEvent::getType)
                .containsExactly(
                        PaymentEventType.CREATED, PaymentEventType.STATUS_CHANGED, PaymentEventType.DISPUTE_CHANGED);
        assertThat(events.get(1).getPayment().getStatus()).isEqualTo(io.orderhub.events.PaymentStatus.SUCCEEDED);
        JsonNode history = data(woo().get("/api/v1/payments/" + paymentId + "/history"));
        assertThat(history.get(1).path("old_status").asString()).isEqualTo("pending");
        assertThat(history.get(1).path("new_status").asString()).isEqualTo("succeeded");
        assertThat(history.get(1).path("changed_by").asString()).isEqualTo("stripe");
    }

    @Test
    void countsMoneyThatArrivesAfterAFailedAttempt() {
        UUID orderId = order("12.00");
        String intent = stripeId("pi");
        stripeCreates(orderId, intent, 1200);
        UUID paymentId = UUID.fromString(
                data(createStripePayment(orderId, "12.00")).path("id").asString());

        String failed = evt();
        Feed.stripe(
                ProviderEventType.STRIPE_PAYMENT_INTENT_PAYMENT_FAILED,
                failed,
                intent,
                stripeEvent(
                        failed,
                        "payment_intent.payment_failed",
                        paymentIntentJson(intent, 1200, "requires_payment_method", paymentId, orderId)));
        awaitPayment(paymentId, status("failed"));
        String succeeded = evt();
        Feed.stripe(
                ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED,
                succeeded,
                intent,
                stripeEvent(
                        succeeded,
                        "payment_intent.succeeded",
                        paymentIntentJson(intent, 1200, "succeeded", paymentId, orderId)));

        awaitPayment(paymentId, status("succeeded"));
        List<PaymentEvent> events = awaitPublishedOnceInOrder(paymentId, 3);
        assertThat(events.get(2).getPreviousStatus()).isEqualTo(io.orderhub.events.PaymentStatus.FAILED);
    }

    @Test
    void countsPartialAndFullRefundsOnceAlthoughTheirWebhookEchoesArrive() {
        UUID orderId = order("47.49");
        String intent = stripeId("pi");
        stripeCreates(orderId, intent, 4749);
        UUID paymentId = UUID.fromString(
                data(createStripePayment(orderId, "47.49")).path("id").asString());
        succeed(intent, paymentId, orderId, 4749);
        String firstRefund = stripeId("re");
        String secondRefund = stripeId("re");
        stripeRefunds(intent, 1000, firstRefund);
        stripeRefunds(intent, 3749, secondRefund);

        HttpResponse<String> partial = woo().post(
                        "/api/v1/payments/" + paymentId + "/refunds",
                        "{\"amount\": 10.00, \"reason\": \"one book returned\"}",
                        ApiClient.idempotencyKey("refund-1-" + paymentId));

        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(201);
        JsonNode refund = data(partial);
        assertThat(refund.path("status").asString()).isEqualTo("pending");
        assertThat(refund.path("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(refund.path("provider_reference").asString()).isEqualTo(firstRefund);
        // The pending refund is already taken from what is left.
        assertThat(payment(paymentId).path("refundable_amount").decimalValue()).isEqualByComparingTo("37.49");
        LoggedRequest call = Simulators.STRIPE
                .findAll(postRequestedFor(urlPathEqualTo("/v1/refunds"))
                        .withFormParam("payment_intent", equalTo(intent))
                        .withFormParam("amount", equalTo("1000")))
                .get(0);
        assertThat(call.formParameters().get("metadata[orderhub_refund_id]").firstValue())
                .isEqualTo(refund.path("id").asString());
        assertThat(call.getHeader("Idempotency-Key"))
                .isEqualTo(refund.path("id").asString());

        // The echoes of the hub's own refund: refund.updated, charge.refunded (cumulative), and a resent
        // refund.created.
        String refundJson = refundJson(
                firstRefund, intent, 1000, "succeeded", refund.path("id").asString());
        sendStripe(ProviderEventType.STRIPE_REFUND_UPDATED, "refund.updated", intent, refundJson);
        sendStripe(ProviderEventType.STRIPE_CHARGE_REFUNDED, "charge.refunded", intent, chargeJson(intent, 4749, 1000));
        sendStripe(ProviderEventType.STRIPE_REFUND_CREATED, "refund.created", intent, refundJson);
        sendStripe(ProviderEventType.STRIPE_CHARGE_REFUNDED, "charge.refunded", intent, chargeJson(intent, 4749, 1000));
        JsonNode partlyRefunded = awaitPayment(
                paymentId,
                p -> p.path("refunds").get(0).path("status").asString().equals("succeeded"));

        assertThat(partlyRefunded.path("status").asString()).isEqualTo("partially_refunded");
        assertThat(partlyRefunded.path("refunded_amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(partlyRefunded.path("refundable_amount").decimalValue()).isEqualByComparingTo("37.49");

        HttpResponse<String> rest = woo().post(
                        "/api/v1/payments/" + paymentId + "/refunds",
                        "{\"reason\": \"order returned\"}",
                        ApiClient.idempotencyKey("refund-2-" + paymentId));
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(201);
        assertThat(data(rest).path("amount").decimalValue()).isEqualByComparingTo("37.49");
        sendStripe(ProviderEventType.STRIPE_CHARGE_REFUNDED, "charge.refunded", intent, chargeJson(intent, 4749, 4749));
        sendStripe(
                ProviderEventType.STRIPE_REFUND_UPDATED,
                "refund.updated",
                intent,
                refundJson(
                        secondRefund,
                        intent,
                        3749,
                        "succeeded",
                        data(rest).path("id").asString()));
        JsonNode refunded = awaitPayment(
                paymentId,
                p -> p.path("refunds").get(1).path("status").asString().equals("succeeded"));

        assertThat(refunded.path("status").asString()).isEqualTo("refunded");
        assertThat(refunded.path("refunded_amount").decimalValue()).isEqualByComparingTo("47.49");
        assertThat(refunded.path("refundable_amount").decimalValue()).isEqualByComparingTo("0.00");
        HttpResponse<String> tooMuch = woo().post(
                        "/api/v1/payments/" + paymentId + "/refunds",
                        "{\"amount\": 0.01}",
                        ApiClient.idempotencyKey("refund-3-" + paymentId));
        assertThat(tooMuch.statusCode()).as(tooMuch.body()).isEqualTo(409);
        List<PaymentEvent> events =
                awaitPublishedOnceInOrder(paymentId, refunded.path("version").asLong());
        assertThat(events.get(events.size() - 1).getPayment().getRefundedAmount())
                .isEqualByComparingTo("47.49");
    }

    @Test
    void recordsADisputeAndCountsALostOneAsRefunded() {
        UUID orderId = order("25.00");
        String intent = stripeId("pi");
        stripeCreates(orderId, intent, 2500);
        UUID paymentId = UUID.fromString(
                data(createStripePayment(orderId, "25.00")).path("id").asString());
        succeed(intent, paymentId, orderId, 2500);
        String disputeId = stripeId("dp");

        sendStripe(
                ProviderEventType.STRIPE_CHARGE_DISPUTE_CREATED,
                "charge.dispute.created",
                intent,
                disputeJson(disputeId, intent, 2500, "needs_response"));
        JsonNode disputed = awaitPayment(paymentId, p -> !p.path("dispute").isNull());
        assertThat(disputed.path("dispute").path("status").asString()).isEqualTo("needs_response");
        assertThat(disputed.path("dispute").path("reason").asString()).isEqualTo("fraudulent");
        assertThat(disputed.path("dispute").path("provider_reference").asString())
                .isEqualTo(disputeId);
        String openedAt = disputed.path("dispute").path("opened_at").asString();
        assertThat(java.time.Instant.parse(openedAt)).isBeforeOrEqualTo(java.time.Instant.now());
        assertThat(disputed.path("needs_attention").asBoolean())
                .as(disputed.toString())
                .isTrue();
        assertThat(disputed.path("refunded_amount").decimalValue()).isEqualByComparingTo("0");

        sendStripe(
                ProviderEventType.STRIPE_CHARGE_DISPUTE_CLOSED,
                "charge.dispute.closed",
                intent,
                disputeJson(disputeId, intent, 2500, "lost"));
        JsonNode lost = awaitPayment(paymentId, status("refunded"));

        assertThat(lost.path("dispute").path("status").asString()).isEqualTo("lost");
        // Still the dispute opened then: its status moved, not its opening.
        assertThat(lost.path("dispute").path("opened_at").asString()).isEqualTo(openedAt);
        assertThat(lost.path("refunded_amount").decimalValue()).isEqualByComparingTo("25.00");
        List<PaymentEvent> events = awaitPublishedOnceInOrder(paymentId, 4);
        assertThat(events.get(3).getType()).isEqualTo(PaymentEventType.DISPUTE_CHANGED);
        assertThat(events.get(3).getPayment().getDispute().getStatus()).isEqualTo("lost");
    }

    @Test
    void recordsEventsForUnknownPaymentsAndUnreadablePayloadsWithoutStoppingTheConsumer() {
        UUID orderId = order("11.00");
        String intent = stripeId("pi");
        stripeCreates(orderId, intent, 1100);
        UUID paymentId = UUID.fromString(
                data(createStripePayment(orderId, "11.00")).path("id").asString());

        // On the payment's own key: a bare event naming no object, one that is not JSON, one for another intent.
        Feed.stripe(
                ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED,
                "evt_test",
                intent,
                "{\"id\":\"evt_test\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\"}");
        Feed.stripe(ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED, evt(), intent, "not json at all");
        sendStripe(
                ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED,
                "payment_intent.succeeded",
                intent,
                paymentIntentJson(stripeId("pi"), 1100, "succeeded", UUID.randomUUID(), orderId));
        sendStripe(
                ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED,
                "payment_intent.succeeded",
                intent,
                paymentIntentJson(intent, 1100, "succeeded", paymentId, orderId));

        awaitPayment(paymentId, status("succeeded"));
        awaitPublishedOnceInOrder(paymentId, 2);
    }

    private void succeed(String intent, UUID paymentId, UUID orderId, long amount) {
        sendStripe(
                ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED,
                "payment_intent.succeeded",
                intent,
                paymentIntentJson(intent, amount, "succeeded", paymentId, orderId));
        awaitPayment(paymentId, status("succeeded"));
    }

    static void sendStripe(ProviderEventType type, String stripeType, String intent, String object) {
        String id = evt();
        Feed.stripe(type, id, intent, stripeEvent(id, stripeType, object));
    }

    static void stripeRefunds(String intent, long amount, String refundId) {
        Simulators.STRIPE.stubFor(post(urlPathEqualTo("/v1/refunds"))
                .withFormParam("payment_intent", equalTo(intent))
                .withFormParam("amount", equalTo(String.valueOf(amount)))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(refundJson(refundId, intent, amount, "pending", null))));
    }

    static String refundJson(String id, String intent, long amount, String status, String hubRefundId) {
        return """
                {"id": "%s", "object": "refund", "amount": %d, "currency": "eur", "payment_intent": "%s",
                 "charge": "ch_1", "status": "%s", "metadata": {%s}}
                """.formatted(
                        id,
                        amount,
                        intent,
                        status,
                        hubRefundId == null ? "" : "\"orderhub_refund_id\": \"" + hubRefundId + "\"");
    }

    static String chargeJson(String intent, long amount, long refunded) {
        return """
                {"id": "ch_1", "object": "charge", "amount": %d, "amount_refunded": %d, "currency": "eur",
                 "payment_intent": "%s", "refunded": %s}
                """.formatted(amount, refunded, intent, amount == refunded);
    }

    static String disputeJson(String intent, long amount, String status) {
        return disputeJson(stripeId("dp"), intent, amount, status);
    }

    static String disputeJson(String id, String intent, long amount, String status) {
        return """
                {"id": "%s", "object": "dispute", "amount": %d, "currency": "eur", "charge": "ch_1",
                 "payment_intent": "%s", "reason": "fraudulent", "status": "%s"}
                """.formatted(id, amount, intent, status);
    }
}

package io.orderhub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.events.OrderStatus;
import io.orderhub.events.PaymentEvent;
import io.orderhub.events.PaymentEventType;
import io.orderhub.events.ProviderEventType;
import io.orderhub.testsupport.ApiClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** PUT /api/v1/import/payments/{id}: the old hub's payments come over once and still match their webhooks. */
class ImportPaymentsIT extends PaymentsTestBase {

    private HttpResponse<String> put(ApiClient client, UUID id, String body) {
        return client.send(
                "PUT",
                "/api/v1/import/payments/" + id,
                body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
    }

    /** The payment's events once its version {@code last} is published, in topic order. */
    private static List<PaymentEvent> awaitEvents(UUID paymentId, long last) {
        PAYMENT_EVENTS.awaitValues(
                PaymentEvent.class,
                all -> all.stream().anyMatch(e -> e.getPaymentId().equals(paymentId) && e.getVersion() == last),
                Duration.ofSeconds(20));
        return eventsOf(paymentId);
    }

    private static String inFlightStripePayment(UUID orderId, String intent) {
        return """
                {"order_id": "%s", "source": "woocommerce", "provider": "stripe", "status": "requires_action",
                 "amount": "47.70", "currency": "EUR", "refunded_amount": "0.00", "provider_reference": "%s",
                 "return_url": "https://checkout.stripe.com/c/pay/cs_test_0002", "created_at": "2025-04-02T09:01:00Z",
                 "history": [
                   {"old_status": null, "new_status": "pending", "changed_by": "import",
                    "changed_at": "2025-04-02T09:01:00Z"},
                   {"old_status": "pending", "new_status": "requires_action", "changed_by": "trigger",
                    "changed_at": "2025-04-02T09:02:00Z"}]}
                """.formatted(orderId, intent);
    }

    @Test
    void storesThePaymentUnderItsOldIdWithItsHistoryAndOneImportedEvent() {
        UUID orderId = UUID.randomUUID();
        Feed.order(orderId, "woocommerce", "EUR", "47.70", OrderStatus.PENDING, 1);
        UUID id = UUID.randomUUID();

        HttpResponse<String> created = put(admin(), id, inFlightStripePayment(orderId, stripeId("pi")));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode payment = payment(id);
        assertThat(payment.path("status").asString()).isEqualTo("requires_action");
        assertThat(payment.path("order_id").asString()).isEqualTo(orderId.toString());
        assertThat(data(woo().get("/api/v1/payments/" + id + "/history"))).hasSize(2);
        assertThat(awaitEvents(id, 2)).singleElement().satisfies(e -> {
            assertThat(e.getVersion()).isEqualTo(2);
            assertThat(e.getType()).isEqualTo(PaymentEventType.CREATED);
            assertThat(e.getImported()).isTrue();
        });
    }

    @Test
    void importingTheSamePaymentAgainChangesNothingAndAnswersTheSame() {
        UUID orderId = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        String body = inFlightStripePayment(orderId, stripeId("pi"));

        HttpResponse<String> first = put(admin(), id, body);
        HttpResponse<String> second = put(admin(), id, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(data(second)).isEqualTo(data(first));
        assertThat(data(woo().get("/api/v1/payments/" + id + "/history"))).hasSize(2);
    }

    @Test
    void aStripeWebhookForAnImportedPaymentIntentStillInFlightSettlesIt() {
        UUID orderId = UUID.randomUUID();
        Feed.order(orderId, "woocommerce", "EUR", "47.70", OrderStatus.PENDING, 1);
        UUID id = UUID.randomUUID();
        String intent = stripeId("pi");
        put(admin(), id, inFlightStripePayment(orderId, intent));
        String succeeded = evt();

        Feed.stripe(
                ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED,
                succeeded,
                intent,
                stripeEvent(
                        succeeded,
                        "payment_intent.succeeded",
                        paymentIntentJson(intent, 4770, "succeeded", null, orderId)));

        awaitPayment(id, status("succeeded"));
        assertThat(awaitEvents(id, 3))
                .extracting(e -> e.getVersion() + ":" + e.getImported())
                .containsExactly("2:true", "3:false");
    }

    @Test
    void aProviderReferenceAnotherPaymentHoldsIsAConflictAndNothingIsStored() {
        String intent = stripeId("pi");
        put(admin(), UUID.randomUUID(), inFlightStripePayment(UUID.randomUUID(), intent));
        UUID second = UUID.randomUUID();

        HttpResponse<String> answer = put(admin(), second, inFlightStripePayment(UUID.randomUUID(), intent));

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(woo().get("/api/v1/payments/" + second).statusCode()).isEqualTo(404);
    }

    @Test
    void aHistoryThatDoesNotEndInThePaymentsStatusIsRefused() {
        UUID id = UUID.randomUUID();
        String body = inFlightStripePayment(UUID.randomUUID(), stripeId("pi"))
                .replace("\"status\": \"requires_action\"", "\"status\": \"succeeded\"");

        HttpResponse<String> answer = put(admin(), id, body);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("history");
    }

    @Test
    void onlyTheAdminKeyImports() {
        HttpResponse<String> answer =
                put(woo(), UUID.randomUUID(), inFlightStripePayment(UUID.randomUUID(), stripeId("pi")));

        assertThat(answer.statusCode()).isEqualTo(403);
    }
}

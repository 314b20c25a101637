package io.orderhub.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.events.OrderStatus;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * "Ask the provider now" ({@code POST /api/v1/payments/{id}/check}). Its own payment-service (database and
 * consumer group of its own) whose repair worker waits an hour before it looks at an open payment: whatever
 * moves a payment here within the test is the operator's check, not the worker's schedule.
 */
@TestPropertySource(
        properties = {"orderhub.payments.repair-after=1h", "spring.application.name=payment-service-check-it"})
class CheckPaymentIT extends PaymentsTestBase {

    @Test
    void movesAPaymentWhoseWebhookNeverCameAtOnceWhenAnOperatorAsks() {
        String intent = stripeId("pi");
        UUID orderId = order("21.50");
        UUID paymentId = stripePayment(orderId, intent, 2150);
        // The customer paid; Stripe's webhook never reached the hub, and the worker will not look for an hour.
        stripeReports(intent, 2150, "succeeded", paymentId, orderId);
        assertThat(payment(paymentId).path("version").asLong()).isEqualTo(1);

        HttpResponse<String> checked = admin().post("/api/v1/payments/" + paymentId + "/check", "");

        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        assertThat(data(checked).path("status").asString()).isEqualTo("succeeded");
        assertThat(data(checked).path("version").asLong()).isEqualTo(2);
        JsonNode history = data(woo().get("/api/v1/payments/" + paymentId + "/history"));
        assertThat(history.get(1).path("reason").asString()).startsWith("repair: stripe reports it");
        assertThat(awaitPublishedOnceInOrder(paymentId, 2)).hasSize(2);

        // Asking again changes nothing and answers the same payment.
        HttpResponse<String> again = admin().post("/api/v1/payments/" + paymentId + "/check", "");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(data(again).path("version").asLong()).isEqualTo(2);
    }

    @Test
    void listsOpenPaymentsUnchangedForLongerThanAskedOldestChangeFirstUntilTheyMove() {
        String intent = stripeId("pi");
        UUID orderId = order("12.00");
        UUID paymentId = stripePayment(orderId, intent, 1200);

        // Just created: not unchanged for an hour; unchanged for a second soon.
        assertThat(stuckIds("PT1H")).doesNotContain(paymentId.toString());
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> stuckIds("PT1S").contains(paymentId.toString()));
        JsonNode page = body(admin().get("/api/v1/payments/stuck?unchanged_for=PT1S&limit=200"));
        assertThat(page.path("total").asInt()).isGreaterThanOrEqualTo(1);
        List<Instant> changes = new ArrayList<>();
        page.path("data")
                .forEach(payment ->
                        changes.add(Instant.parse(payment.path("updated_at").asString())));
        assertThat(changes).isSorted();

        // Once it moves (the operator asked Stripe), it is no longer stuck.
        stripeReports(intent, 1200, "succeeded", paymentId, orderId);
        assertThat(admin().post("/api/v1/payments/" + paymentId + "/check", "").statusCode())
                .isEqualTo(200);
        assertThat(stuckIds("PT1S")).doesNotContain(paymentId.toString());

        assertThat(woo().get("/api/v1/payments/stuck?unchanged_for=PT1S").statusCode())
                .isEqualTo(403);
        for (String malformed : List.of("15m", "PT0S", "P400D", "")) {
            HttpResponse<String> refused = admin().get("/api/v1/payments/stuck?unchanged_for=" + malformed);
            assertThat(refused.statusCode()).as(malformed).isBetween(400, 422);
        }
    }

    private List<String> stuckIds(String unchangedFor) {
        List<String> ids = new ArrayList<>();
        data(admin().get("/api/v1/payments/stuck?unchanged_for=" + unchangedFor + "&limit=200"))
                .forEach(payment -> ids.add(payment.path("id").asString()));
        return ids;
    }

    @Test
    void answers502WhenStripeFailsAndLeavesThePaymentAsItWas() {
        String intent = stripeId("pi");
        UUID orderId = order("9.90");
        UUID paymentId = stripePayment(orderId, intent, 990);
        Simulators.STRIPE.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + intent))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"boom\"}}")));

        HttpResponse<String> checked = admin().post("/api/v1/payments/" + paymentId + "/check", "");

        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(502);
        assertThat(body(checked).path("type").asString()).endsWith("provider-unavailable");
        assertThat(checked.body()).doesNotContain("boom\n\tat ");
        assertThat(payment(paymentId).path("version").asLong()).isEqualTo(1);
    }

    @Test
    void isForAdminKeysOnlyAndRefusesARecordedPaymentAndAnUnknownOne() {
        UUID orderId = UUID.randomUUID();
        Feed.order(orderId, "pos", "EUR", "4.00", OrderStatus.PENDING, 1);
        HttpResponse<String> recorded = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> pos().post(
                                        "/api/v1/payments",
                                        "{\"order_id\": \"%s\", \"provider\": \"manual\"}".formatted(orderId)),
                        answer -> answer.statusCode() != 503);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        String recordedId = data(recorded).path("id").asString();

        assertThat(pos().post("/api/v1/payments/" + recordedId + "/check", "").statusCode())
                .isEqualTo(403);
        HttpResponse<String> noProvider = admin().post("/api/v1/payments/" + recordedId + "/check", "");
        assertThat(noProvider.statusCode()).isEqualTo(409);
        assertThat(body(noProvider).path("detail").asString()).contains("no provider to ask");
        assertThat(admin().post("/api/v1/payments/" + UUID.randomUUID() + "/check", "")
                        .statusCode())
                .isEqualTo(404);
        assertThat(admin().post("/api/v1/payments/not-a-payment/check", "").statusCode())
                .isEqualTo(404);
    }

    /** A Stripe payment of the order, once this service has seen the order; answers its id. */
    private UUID stripePayment(UUID orderId, String intent, long cents) {
        stripeCreates(orderId, intent, cents);
        HttpResponse<String> created = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> createStripePayment(
                                orderId,
                                new java.math.BigDecimal(cents).movePointLeft(2).toPlainString()),
                        answer -> answer.statusCode() != 503);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(data(created).path("id").asString());
    }
}

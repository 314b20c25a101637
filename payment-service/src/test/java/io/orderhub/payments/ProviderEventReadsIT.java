package io.orderhub.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderhub.events.ProviderEventType;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The provider event log as the console reads it: a payment's events with their outcomes, and unmatched ones. */
class ProviderEventReadsIT extends PaymentsTestBase {

    @Test
    void listsAPaymentsEventsInOrderWithTheirOutcomesAndTheProvidersRetries() {
        UUID orderId = order("30.00");
        String intent = stripeId("pi");
        stripeCreates(orderId, intent, 3000);
        UUID paymentId = UUID.fromString(
                data(createStripePayment(orderId, "30.00")).path("id").asString());
        String succeeded = evt();
        String succeededEvent = stripeEvent(
                succeeded,
                "payment_intent.succeeded",
                paymentIntentJson(intent, 3000, "succeeded", paymentId, orderId));
        String processing = evt();

        Feed.stripe(ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED, succeeded, intent, succeededEvent);
        awaitPayment(paymentId, status("succeeded"));
        Feed.stripe(ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED, succeeded, intent, succeededEvent);
        Feed.stripe(
                ProviderEventType.STRIPE_PAYMENT_INTENT_PROCESSING,
                processing,
                intent,
                stripeEvent(
                        processing,
                        "payment_intent.processing",
                        paymentIntentJson(intent, 3000, "processing", paymentId, orderId)));

        String path = "/api/v1/payments/" + paymentId + "/provider-events";
        JsonNode events = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> data(woo().get(path)),
                        list -> list.size() == 2
                                && list.get(0).path("duplicates").asInt() == 1
                                && list.get(1).path("outcome").asString().equals("ignored"));
        JsonNode first = events.get(0);
        assertThat(first.path("provider").asString()).isEqualTo("stripe");
        assertThat(first.path("provider_event_id").asString()).isEqualTo(succeeded);
        // The provider's type as the event carried it (Feed sends the enum's name; the gateway Stripe's own).
        assertThat(first.path("type").asString()).isEqualTo(ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED.name());
        assertThat(first.path("provider_reference").asString()).isEqualTo(intent);
        assertThat(first.path("payment_id").asString()).isEqualTo(paymentId.toString());
        assertThat(first.path("outcome").asString()).isEqualTo("applied");
        assertThat(events.get(1).path("provider_event_id").asString()).isEqualTo(processing);
        assertThat(events.get(1).path("duplicates").asInt()).isZero();
        assertThat(payment(paymentId).path("version").asLong())
                .as("the retry applied nothing")
                .isEqualTo(2);
        assertThat(pos().get(path).statusCode()).as("another channel's payment").isEqualTo(404);
        assertThat(woo().get("/api/v1/payments/" + UUID.randomUUID() + "/provider-events")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void listsTheEventsThatMatchedNoPaymentTheLatestFirstForAdminsOnly() {
        List<String> unmatched = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = evt();
            String intent = stripeId("pi");
            unmatched.add(id);
            Feed.stripe(
                    ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED,
                    id,
                    intent,
                    stripeEvent(
                            id,
                            "payment_intent.succeeded",
                            paymentIntentJson(intent, 1000, "succeeded", UUID.randomUUID(), UUID.randomUUID())));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> unmatchedIds().containsAll(unmatched));
        List<Instant> handled = new ArrayList<>();
        data(admin().get("/api/v1/provider-events/unmatched?limit=200"))
                .forEach(event ->
                        handled.add(Instant.parse(event.path("handled_at").asString())));
        assertThat(handled).isSortedAccordingTo(Comparator.reverseOrder());
        JsonNode page = body(admin().get("/api/v1/provider-events/unmatched?limit=1"));
        assertThat(page.path("data")).hasSize(1);
        assertThat(page.path("data").get(0).path("outcome").asString()).isEqualTo("unmatched");
        assertThat(page.path("data").get(0).path("payment_id").isNull()).isTrue();
        String next = page.path("next_cursor").asString();
        JsonNode second = data(admin().get("/api/v1/provider-events/unmatched?limit=1&cursor=" + next));
        assertThat(second.get(0).path("event_id"))
                .isNotEqualTo(page.path("data").get(0).path("event_id"));
        HttpResponse<String> channel = woo().get("/api/v1/provider-events/unmatched");
        assertThat(channel.statusCode()).as(channel.body()).isEqualTo(403);
        assertThat(admin().get("/api/v1/provider-events/unmatched?cursor=not-a-cursor")
                        .statusCode())
                .isEqualTo(400);
    }

    private List<String> unmatchedIds() {
        List<String> ids = new ArrayList<>();
        data(admin().get("/api/v1/provider-events/unmatched?limit=200"))
                .forEach(event -> ids.add(event.path("provider_event_id").asString()));
        return ids;
    }
}

package io.orderhub.webhooks.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.events.Provider;
import io.orderhub.events.ProviderEventType;
import io.orderhub.webhooks.TestVectors;
import io.orderhub.webhooks.intake.ParsedWebhook;
import io.orderhub.webhooks.intake.Rejection;
import io.orderhub.webhooks.intake.VerifiedEvent;
import io.orderhub.webhooks.intake.WebhookRejected;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class StripeWebhookTest {

    private static final Instant RECEIVED_AT = Instant.parse("2026-01-15T10:00:00.123456Z");

    private final StripeWebhook stripe = new StripeWebhook(
            new StripeSignature(new StripeWebhookProperties(List.of("whsec_x")), Clock.systemUTC()),
            JsonMapper.builder().build());

    @Test
    void keysPaymentIntentEventsByThePaymentIntent() {
        VerifiedEvent event = relevant("""
                {"id": "evt_1", "object": "event", "type": "payment_intent.succeeded", "created": 1700000100,
                 "data": {"object": {"id": "pi_3Mtw", "object": "payment_intent", "amount": 4470, "currency": "eur",
                 "metadata": {"orderhub_payment_id": "0190f3c4-1111-7000-8000-000000000001"}}}}""");

        assertThat(event.provider()).isEqualTo(Provider.STRIPE);
        assertThat(event.providerEventId()).isEqualTo("evt_1");
        assertThat(event.providerEventType()).isEqualTo("payment_intent.succeeded");
        assertThat(event.type()).isEqualTo(ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED);
        assertThat(event.reference()).isEqualTo("pi_3Mtw");
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_100L));
        assertThat(event.receivedAt()).isEqualTo(RECEIVED_AT);
    }

    @ParameterizedTest
    @CsvSource({
        "charge.refunded, charge, STRIPE_CHARGE_REFUNDED",
        "refund.created, refund, STRIPE_REFUND_CREATED",
        "refund.updated, refund, STRIPE_REFUND_UPDATED",
        "refund.failed, refund, STRIPE_REFUND_FAILED",
        "charge.dispute.created, dispute, STRIPE_CHARGE_DISPUTE_CREATED",
        "charge.dispute.closed, dispute, STRIPE_CHARGE_DISPUTE_CLOSED",
        "charge.dispute.funds_withdrawn, dispute, STRIPE_CHARGE_DISPUTE_FUNDS_WITHDRAWN"
    })
    void keysChargeRefundAndDisputeEventsByTheirPaymentIntent(String type, String object, ProviderEventType expected) {
        VerifiedEvent event = relevant("""
                {"id": "evt_2", "type": "%s", "created": 1700000200,
                 "data": {"object": {"id": "x_1", "object": "%s", "payment_intent": "pi_owner", "amount": 1000}}}""".formatted(type, object));

        assertThat(event.type()).isEqualTo(expected);
        assertThat(event.reference()).isEqualTo("pi_owner");
    }

    @Test
    void readsAnExpandedPaymentIntent() {
        VerifiedEvent event = relevant("""
                {"id": "evt_3", "type": "charge.refunded", "created": 1700000300,
                 "data": {"object": {"id": "ch_1", "payment_intent": {"id": "pi_expanded", "object": "payment_intent"}}}}""");

        assertThat(event.reference()).isEqualTo("pi_expanded");
    }

    @Test
    void readsEventsOfAnyApiVersionFromTheRawJson() {
        VerifiedEvent event = relevant("""
                {"id": "evt_4", "object": "event", "api_version": "2015-10-16", "type": "payment_intent.canceled",
                 "created": 1700000400, "data": {"object": {"id": "pi_old", "object": "payment_intent",
                 "some_field_of_a_future_api": {"nested": [1, 2, 3]}}}}""");

        assertThat(event.reference()).isEqualTo("pi_old");
        assertThat(event.type()).isEqualTo(ProviderEventType.STRIPE_PAYMENT_INTENT_CANCELED);
    }

    @Test
    void keysAnEventWithoutObjectByItsOwnIdAndUsesTheReceiptTime() {
        VerifiedEvent event = relevant(TestVectors.STRIPE_BODY);

        assertThat(event.reference()).isEqualTo("evt_test");
        assertThat(event.occurredAt()).isEqualTo(RECEIVED_AT);
        assertThat(event.payload()).isEqualTo(TestVectors.STRIPE_BODY);
    }

    @Test
    void keysAChargeWithoutPaymentIntentByTheEventId() {
        VerifiedEvent event = relevant("""
                {"id": "evt_5", "type": "charge.refunded", "created": 1700000500,
                 "data": {"object": {"id": "ch_legacy", "payment_intent": null}}}""");

        assertThat(event.reference()).isEqualTo("evt_5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer.created", "payment_intent.created", "invoice.paid", "charge.succeeded"})
    void ignoresTypesTheHubDoesNotUse(String type) {
        ParsedWebhook parsed = read("""
                {"id": "evt_6", "type": "%s", "data": {"object": {"id": "x"}}}""".formatted(type));

        assertThat(parsed.event()).isEmpty();
        assertThat(parsed.providerEventId()).isEqualTo("evt_6");
        assertThat(parsed.providerEventType()).isEqualTo(type);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[1, 2]",
                "\"evt\"",
                "{\"id\": \"evt_7\"",
                "{\"id\": \"evt_7\", \"type\": \"payment_intent.succeeded\"} trailing",
                "{\"type\": \"payment_intent.succeeded\"}",
                "{\"id\": \"evt_7\"}",
                "{\"id\": 7, \"type\": \"payment_intent.succeeded\"}",
                ""
            })
    void rejectsBodiesThatAreNotAStripeEvent(String body) {
        assertThatThrownBy(() -> read(body))
                .isInstanceOfSatisfying(
                        WebhookRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(Rejection.UNPARSEABLE_PAYLOAD));
    }

    @Test
    void mapsEveryStripeTypeOfTheSchemaFromStripesOwnName() {
        List<ProviderEventType> stripeTypes = Arrays.stream(ProviderEventType.values())
                .filter(type -> type.name().startsWith("STRIPE_"))
                .toList();

        assertThat(StripeWebhook.RULES.values())
                .extracting(StripeWebhook.Rule::type)
                .containsExactlyInAnyOrderElementsOf(stripeTypes);
        StripeWebhook.RULES.forEach((stripeType, rule) -> assertThat(rule.type().name())
                .isEqualTo("STRIPE_" + stripeType.toUpperCase(Locale.ROOT).replace('.', '_')));
    }

    private VerifiedEvent relevant(String body) {
        return read(body).event().orElseThrow();
    }

    private ParsedWebhook read(String body) {
        return stripe.read(body.getBytes(StandardCharsets.UTF_8), body, RECEIVED_AT);
    }
}

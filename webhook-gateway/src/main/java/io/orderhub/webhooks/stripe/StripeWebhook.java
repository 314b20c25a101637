package io.orderhub.webhooks.stripe;

import static io.orderhub.webhooks.intake.JsonPayload.epochSeconds;
import static io.orderhub.webhooks.intake.JsonPayload.text;
import static io.orderhub.webhooks.intake.JsonPayload.unparseable;

import io.orderhub.events.Provider;
import io.orderhub.events.ProviderEventType;
import io.orderhub.webhooks.intake.JsonPayload;
import io.orderhub.webhooks.intake.ParsedWebhook;
import io.orderhub.webhooks.intake.ProviderWebhook;
import io.orderhub.webhooks.intake.VerifiedEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhooks: an Event ({@code id} {@code evt_...}, {@code type}, {@code created}, {@code
 * data.object}). The Kafka key is the PaymentIntent the event is about — the object's {@code id} for
 * {@code payment_intent.*}, the object's {@code payment_intent} for charges, refunds and disputes — so
 * every event of one payment lands on one partition, in order.
 */
@Component
class StripeWebhook implements ProviderWebhook {

    /** Where the PaymentIntent id sits in {@code data.object}. */
    enum Reference {
        OBJECT_ID,
        PAYMENT_INTENT_FIELD
    }

    record Rule(ProviderEventType type, Reference reference) {}

    /** The Stripe event types the hub applies; every other type is acknowledged and dropped. */
    static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry(
                    "payment_intent.processing",
                    new Rule(ProviderEventType.STRIPE_PAYMENT_INTENT_PROCESSING, Reference.OBJECT_ID)),
            Map.entry(
                    "payment_intent.requires_action",
                    new Rule(ProviderEventType.STRIPE_PAYMENT_INTENT_REQUIRES_ACTION, Reference.OBJECT_ID)),
            Map.entry(
                    "payment_intent.succeeded",
                    new Rule(ProviderEventType.STRIPE_PAYMENT_INTENT_SUCCEEDED, Reference.OBJECT_ID)),
            Map.entry(
                    "payment_intent.payment_failed",
                    new Rule(ProviderEventType.STRIPE_PAYMENT_INTENT_PAYMENT_FAILED, Reference.OBJECT_ID)),
            Map.entry(
                    "payment_intent.canceled",
                    new Rule(ProviderEventType.STRIPE_PAYMENT_INTENT_CANCELED, Reference.OBJECT_ID)),
            Map.entry(
                    "refund.created",
                    new Rule(ProviderEventType.STRIPE_REFUND_CREATED, Reference.PAYMENT_INTENT_FIELD)),
            Map.entry(
                    "refund.updated",
                    new Rule(ProviderEventType.STRIPE_REFUND_UPDATED, Reference.PAYMENT_INTENT_FIELD)),
            Map.entry(
                    "refund.failed", new Rule(ProviderEventType.STRIPE_REFUND_FAILED, Reference.PAYMENT_INTENT_FIELD)),
            Map.entry(
                    "charge.refunded",
                    new Rule(ProviderEventType.STRIPE_CHARGE_REFUNDED, Reference.PAYMENT_INTENT_FIELD)),
            Map.entry(
                    "charge.dispute.created",
                    new Rule(ProviderEventType.STRIPE_CHARGE_DISPUTE_CREATED, Reference.PAYMENT_INTENT_FIELD)),
            Map.entry(
                    "charge.dispute.updated",
                    new Rule(ProviderEventType.STRIPE_CHARGE_DISPUTE_UPDATED, Reference.PAYMENT_INTENT_FIELD)),
            Map.entry(
                    "charge.dispute.closed",
                    new Rule(ProviderEventType.STRIPE_CHARGE_DISPUTE_CLOSED, Reference.PAYMENT_INTENT_FIELD)),
            Map.entry(
                    "charge.dispute.funds_withdrawn",
                    new Rule(ProviderEventType.STRIPE_CHARGE_DISPUTE_FUNDS_WITHDRAWN, Reference.PAYMENT_INTENT_FIELD)),
            Map.entry(
                    "charge.dispute.funds_reinstated",
                    new Rule(
                            ProviderEventType.STRIPE_CHARGE_DISPUTE_FUNDS_REINSTATED, Reference.PAYMENT_INTENT_FIELD)));

    private final StripeSignature signature;
    private final JsonMapper json;

    StripeWebhook(StripeSignature signature, JsonMapper json) {
        this.signature = signature;
        this.json = json;
    }

    @Override
    public Provider provider() {
        return Provider.STRIPE;
    }

    @Override
    public boolean configured() {
        return signature.configured();
    }

    @Override
    public String verify(byte[] body, String signatureHeader) {
        return signature.verify(body, signatureHeader);
    }

    @Override
    public ParsedWebhook read(byte[] body, String payload, Instant receivedAt) {
        JsonNode event = JsonPayload.object(json, body, Provider.STRIPE);
        String id = text(event, "id").orElseThrow(() -> unparseable(Provider.STRIPE, "The event has no id."));
        String type = text(event, "type").orElseThrow(() -> unparseable(Provider.STRIPE, "The event has no type."));
        Rule rule = RULES.get(type);
        if (rule == null) {
            return ParsedWebhook.ignored(id, type);
        }
        JsonNode object = event.path("data").path("object");
        Optional<String> paymentIntent = switch (rule.reference()) {
            case OBJECT_ID -> text(object, "id");
            case PAYMENT_INTENT_FIELD -> paymentIntentOf(object);
        };
        // No PaymentIntent named (a bare test event, a charge made without one): keyed by the event itself;
        // consumers find no payment for it and record it as unmatched.
        String reference = paymentIntent.orElse(id);
        return ParsedWebhook.relevant(new VerifiedEvent(
                Provider.STRIPE,
                id,
                type,
                rule.type(),
                reference,
                epochSeconds(event, "created").orElse(receivedAt),
                receivedAt,
                payload));
    }

    /** {@code payment_intent} is an id string, or the object itself when a request expanded it. */
    private static Optional<String> paymentIntentOf(JsonNode object) {
        JsonNode paymentIntent = object.path("payment_intent");
        return paymentIntent.isObject() ? text(paymentIntent, "id") : text(object, "payment_intent");
    }
}

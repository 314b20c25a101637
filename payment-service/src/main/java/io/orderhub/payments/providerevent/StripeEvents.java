package io.orderhub.payments.providerevent;

import static io.orderhub.payments.providerevent.Payloads.metadata;
import static io.orderhub.payments.providerevent.Payloads.text;

import io.orderhub.events.ProviderEventType;
import io.orderhub.payments.payment.PaymentStatus;
import io.orderhub.payments.payment.RefundStatus;
import io.orderhub.payments.providerevent.ProviderReport.DisputeChange;
import io.orderhub.payments.providerevent.ProviderReport.PaymentOutcome;
import io.orderhub.payments.providerevent.ProviderReport.PaymentRef;
import io.orderhub.payments.providerevent.ProviderReport.RefundChange;
import io.orderhub.payments.providerevent.ProviderReport.RefundedInAll;
import io.orderhub.payments.providerevent.ProviderReport.Unreadable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a Stripe event ({@code data.object} is a PaymentIntent, Refund, Charge or Dispute) as a report. */
@Component
class StripeEvents {

    private static final String STRIPE = "stripe";

    private final JsonMapper json;

    StripeEvents(JsonMapper json) {
        this.json = json;
    }

    ProviderReport read(ProviderEventType type, String payload) {
        JsonNode object;
        try {
            object = json.readTree(payload).path("data").path("object");
        } catch (JacksonException e) {
            return new Unreadable("the payload is not JSON");
        }
        return switch (type) {
            case STRIPE_PAYMENT_INTENT_PROCESSING -> intent(object, PaymentStatus.PROCESSING);
            case STRIPE_PAYMENT_INTENT_REQUIRES_ACTION -> intent(object, PaymentStatus.REQUIRES_ACTION);
            case STRIPE_PAYMENT_INTENT_SUCCEEDED -> intent(object, PaymentStatus.SUCCEEDED);
            case STRIPE_PAYMENT_INTENT_PAYMENT_FAILED -> intent(object, PaymentStatus.FAILED);
            case STRIPE_PAYMENT_INTENT_CANCELED -> intent(object, PaymentStatus.CANCELLED);
            case STRIPE_REFUND_CREATED, STRIPE_REFUND_UPDATED -> refund(object, refundStatus(text(object, "status")));
            case STRIPE_REFUND_FAILED -> refund(object, RefundStatus.FAILED);
            case STRIPE_CHARGE_REFUNDED ->
                new RefundedInAll(
                        new PaymentRef(STRIPE, paymentIntentOf(object), null, "charge " + text(object, "id")),
                        object.path("amount_refunded").asLong());
            case STRIPE_CHARGE_DISPUTE_CREATED,
                    STRIPE_CHARGE_DISPUTE_UPDATED,
                    STRIPE_CHARGE_DISPUTE_CLOSED,
                    STRIPE_CHARGE_DISPUTE_FUNDS_WITHDRAWN,
                    STRIPE_CHARGE_DISPUTE_FUNDS_REINSTATED ->
                new DisputeChange(
                        new PaymentRef(STRIPE, paymentIntentOf(object), null, "dispute " + text(object, "id")),
                        text(object, "id"),
                        text(object, "status"),
                        object.path("amount").asLong(),
                        text(object, "reason"));
            default -> throw new IllegalArgumentException("Not a Stripe event type: " + type);
        };
    }

    private static PaymentOutcome intent(JsonNode intent, PaymentStatus status) {
        String id = text(intent, "id");
        return new PaymentOutcome(
                new PaymentRef(STRIPE, id, metadata(intent, "orderhub_payment_id"), "PaymentIntent " + id),
                status,
                null,
                false);
    }

    private static RefundChange refund(JsonNode refund, RefundStatus status) {
        String id = text(refund, "id");
        return new RefundChange(
                id,
                metadata(refund, "orderhub_refund_id"),
                new PaymentRef(STRIPE, paymentIntentOf(refund), null, "refund " + id),
                status,
                refund.path("amount").asLong());
    }

    private static RefundStatus refundStatus(String status) {
        return switch (String.valueOf(status)) {
            case "succeeded" -> RefundStatus.SUCCEEDED;
            case "failed" -> RefundStatus.FAILED;
            case "canceled" -> RefundStatus.CANCELLED;
            default -> RefundStatus.PENDING;
        };
    }

    /** {@code payment_intent} is an id, or the object itself when expanded. */
    private static String paymentIntentOf(JsonNode object) {
        JsonNode intent = object.path("payment_intent");
        return intent.isObject() ? text(intent, "id") : text(object, "payment_intent");
    }
}

package io.orderhub.payments.providerevent;

import static io.orderhub.payments.providerevent.Payloads.metadata;
import static io.orderhub.payments.providerevent.Payloads.text;

import io.orderhub.events.ProviderEventType;
import io.orderhub.money.Money;
import io.orderhub.payments.payment.PaymentStatus;
import io.orderhub.payments.payment.RefundStatus;
import io.orderhub.payments.providerevent.ProviderReport.DisputeChange;
import io.orderhub.payments.providerevent.ProviderReport.PaymentOutcome;
import io.orderhub.payments.providerevent.ProviderReport.PaymentRef;
import io.orderhub.payments.providerevent.ProviderReport.RefundChange;
import io.orderhub.payments.providerevent.ProviderReport.RefundedInAll;
import io.orderhub.payments.providerevent.ProviderReport.Unreadable;
import java.math.BigDecimal;
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
            case STRIPE_CHARGE_REFUNDED -> refundedInAll(object);
            case STRIPE_CHARGE_DISPUTE_CREATED,
                    STRIPE_CHARGE_DISPUTE_UPDATED,
                    STRIPE_CHARGE_DISPUTE_CLOSED,
                    STRIPE_CHARGE_DISPUTE_FUNDS_WITHDRAWN,
                    STRIPE_CHARGE_DISPUTE_FUNDS_REINSTATED -> dispute(object);
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

    private static ProviderReport refund(JsonNode refund, RefundStatus status) {
        String id = text(refund, "id");
        long amount = minorUnits(refund, "amount");
        if (amount < 0) {
            return outOfRange("refund " + id, "amount");
        }
        return new RefundChange(
                id,
                metadata(refund, "orderhub_refund_id"),
                new PaymentRef(STRIPE, paymentIntentOf(refund), null, "refund " + id),
                status,
                amount);
    }

    private static ProviderReport refundedInAll(JsonNode charge) {
        String what = "charge " + text(charge, "id");
        long amount = minorUnits(charge, "amount_refunded");
        if (amount < 0) {
            return outOfRange(what, "amount_refunded");
        }
        return new RefundedInAll(new PaymentRef(STRIPE, paymentIntentOf(charge), null, what), amount);
    }

    private static ProviderReport dispute(JsonNode dispute) {
        String what = "dispute " + text(dispute, "id");
        long amount = minorUnits(dispute, "amount");
        if (amount < 0) {
            return outOfRange(what, "amount");
        }
        return new DisputeChange(
                new PaymentRef(STRIPE, paymentIntentOf(dispute), null, what),
                text(dispute, "id"),
                text(dispute, "status"),
                amount,
                text(dispute, "reason"));
    }

    /**
     * An amount in minor units as Stripe sends it (0 when there is none), or -1 when it is not a whole number
     * from 0 below {@link Money#LIMIT}: then it is below the limit in every currency too, and the refund or
     * dispute row that keeps it fits numeric(19,4).
     */
    private static long minorUnits(JsonNode object, String field) {
        JsonNode amount = object.path(field);
        if (amount.isMissingNode() || amount.isNull()) {
            return 0;
        }
        if (!amount.isIntegralNumber() || !amount.canConvertToLong()) {
            return -1;
        }
        long minor = amount.asLong();
        return minor >= 0 && BigDecimal.valueOf(minor).compareTo(Money.LIMIT) < 0 ? minor : -1;
    }

    private static Unreadable outOfRange(String what, String field) {
        return new Unreadable(
                what + ": " + field + " is not a whole number from 0 below " + Money.LIMIT.toPlainString());
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

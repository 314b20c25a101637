package io.orderhub.orders.order;

import java.util.Locale;

/**
 * A payment's status as payment events report it; the order only asks whether the money arrived. The names repeat
 * payment-service's {@code PaymentStatus} on purpose: services share the event schema, never classes, and the
 * transitions between these statuses are payment-service's alone.
 */
public enum PaymentStatus {
    PENDING,
    REQUIRES_ACTION,
    PROCESSING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    EXPIRED,
    PARTIALLY_REFUNDED,
    REFUNDED;

    /** The payment's amount was received; a refund later does not undo that it was paid. */
    public boolean moneyReceived() {
        return this == SUCCEEDED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

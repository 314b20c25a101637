package io.orderhub.payments.payment;

import java.util.Locale;

/** A refund is pending until its provider confirms it; succeeded, failed and cancelled are final. */
public enum RefundStatus {
    PENDING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this != PENDING;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RefundStatus fromDatabase(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

package io.orderhub.callbacks.delivery;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a delivery tells its channel, which decides how it is ordered. An {@link #ORDER} change stands for the
 * order's state: only the newest is worth sending, so older ones are superseded and one per order is on the
 * wire. An {@link #INVOICE} document (issued, credited, reminded) is a fact of its own that no later change
 * replaces: each is delivered, in order per invoice, and never superseded by — or waiting for — the order.
 */
public enum DeliveryKind {
    ORDER,
    INVOICE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<DeliveryKind> parse(String label) {
        return Arrays.stream(values()).filter(k -> k.label().equals(label)).findFirst();
    }
}

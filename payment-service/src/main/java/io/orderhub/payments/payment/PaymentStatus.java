package io.orderhub.payments.payment;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The contract's payment status table: every move not listed here is refused (409) or ignored (events). */
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

    private Set<PaymentStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(REQUIRES_ACTION, PROCESSING, SUCCEEDED, FAILED, CANCELLED, EXPIRED);
            case REQUIRES_ACTION -> EnumSet.of(PROCESSING, SUCCEEDED, FAILED, CANCELLED, EXPIRED);
            case PROCESSING -> EnumSet.of(REQUIRES_ACTION, SUCCEEDED, FAILED);
            // Money that arrives late still counts.
            case FAILED, CANCELLED, EXPIRED -> EnumSet.of(SUCCEEDED);
            case SUCCEEDED -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED);
            case PARTIALLY_REFUNDED -> EnumSet.of(REFUNDED);
            case REFUNDED -> EnumSet.noneOf(PaymentStatus.class);
        };
    }

    public boolean canMoveTo(PaymentStatus target) {
        return next().contains(target);
    }

    /** Money counts as received in these (the semantics agreed with order-service). */
    public boolean moneyReceived() {
        return this == SUCCEEDED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }

    /** Not settled yet: the provider may still move it, and the repair job asks about it. */
    public boolean open() {
        return this == PENDING || this == REQUIRES_ACTION || this == PROCESSING;
    }

    public boolean refundable() {
        return this == SUCCEEDED || this == PARTIALLY_REFUNDED;
    }

    /** The name on the wire and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PaymentStatus> parse(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        for (PaymentStatus status : values()) {
            if (status.wireName().equals(wireName)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    static PaymentStatus fromDatabase(String value) {
        return parse(value).orElseThrow(() -> new IllegalStateException("Unknown payment status " + value));
    }
}

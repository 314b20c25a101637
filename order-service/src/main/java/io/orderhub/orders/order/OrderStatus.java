package io.orderhub.orders.order;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The order statuses of the contract and the moves between them (ARCHITECTURE.md, Orders). */
public enum OrderStatus {
    PENDING,
    CONFIRMED,
    PAID,
    PROCESSING,
    SHIPPED,
    DELIVERED,
    CANCELLED,
    REFUNDED;

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = new EnumMap<>(OrderStatus.class);

    static {
        NEXT.put(PENDING, EnumSet.of(CONFIRMED, PAID, CANCELLED));
        NEXT.put(CONFIRMED, EnumSet.of(PAID, CANCELLED));
        NEXT.put(PAID, EnumSet.of(PROCESSING, REFUNDED, CANCELLED));
        NEXT.put(PROCESSING, EnumSet.of(SHIPPED, REFUNDED, CANCELLED));
        NEXT.put(SHIPPED, EnumSet.of(DELIVERED, REFUNDED));
        NEXT.put(DELIVERED, EnumSet.of(REFUNDED));
        NEXT.put(CANCELLED, EnumSet.noneOf(OrderStatus.class));
        NEXT.put(REFUNDED, EnumSet.noneOf(OrderStatus.class));
    }

    public boolean canMoveTo(OrderStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** {@code paid} and {@code refunded} follow from payments; no request sets them. */
    public boolean isSetByPayments() {
        return this == PAID || this == REFUNDED;
    }

    /** Still waiting for its money: payments covering the grand total make it {@code paid}. */
    boolean awaitsPayment() {
        return this == PENDING || this == CONFIRMED;
    }

    /** Paid and not yet refunded or cancelled: refunds covering the grand total make it {@code refunded}. */
    boolean canBeRefundedByPayments() {
        return canMoveTo(REFUNDED);
    }

    /** The contract's name: lower case. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OrderStatus> fromApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(name)).findFirst();
    }

    /** The names a channel may ask for, for messages. */
    static String requestableNames() {
        return Arrays.stream(values())
                .filter(s -> !s.isSetByPayments())
                .map(OrderStatus::apiName)
                .collect(Collectors.joining(", "));
    }
}

package io.orderhub.orders.order;

import java.time.Instant;

/** One status change of an order; {@code oldStatus} is null for the status it was placed in. */
public record HistoryEntry(
        long version,
        OrderStatus oldStatus,
        OrderStatus newStatus,
        String reason,
        String changedBy,
        Instant changedAt) {}

package io.orderhub.payments.payment;

import java.time.Instant;

/** One row of a payment's history (the old hub's names), oldest first. */
public record HistoryEntry(
        long version,
        String type,
        String oldStatus,
        String newStatus,
        String reason,
        String changedBy,
        Instant changedAt) {}

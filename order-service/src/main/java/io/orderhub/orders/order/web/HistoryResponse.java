package io.orderhub.orders.order.web;

import io.orderhub.orders.order.HistoryEntry;
import java.time.Instant;

/** A history entry with the old hub's field names, plus the order version the change made. */
record HistoryResponse(
        String oldStatus, String newStatus, String reason, String changedBy, Instant changedAt, long version) {

    static HistoryResponse of(HistoryEntry e) {
        return new HistoryResponse(
                e.oldStatus() == null ? null : e.oldStatus().apiName(),
                e.newStatus().apiName(),
                e.reason(),
                e.changedBy(),
                e.changedAt(),
                e.version());
    }
}

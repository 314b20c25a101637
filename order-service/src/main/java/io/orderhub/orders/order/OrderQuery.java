package io.orderhub.orders.order;

import java.time.Instant;
import java.util.UUID;

/**
 * A page of the order list, newest first: optional filters ({@code customerEmail} normalised as the hub
 * stores it, {@code createdFrom} inclusive, {@code createdTo} exclusive), the position of the last order of the previous page, and the page size.
 */
public record OrderQuery(
        String source,
        OrderStatus status,
        String customerEmail,
        Instant createdFrom,
        Instant createdTo,
        Position after,
        int limit) {

    /** Where a page ended: lists are ordered by (created_at, id), both descending. */
    public record Position(Instant createdAt, UUID id) {}
}

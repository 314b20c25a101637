package io.orderhub.callbacks.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One page of deliveries with their attempts, and where the next page starts (null on the last page). */
public record DeliveryPage(List<Delivery> deliveries, Map<UUID, List<Attempt>> attempts, Position next) {

    /** Where a page ended: deliveries are listed by (created_at, id), both descending. */
    public record Position(Instant createdAt, UUID id) {}
}

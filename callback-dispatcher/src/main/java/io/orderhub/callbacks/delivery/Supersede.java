package io.orderhub.callbacks.delivery;

import io.orderhub.callbacks.endpoint.Endpoint;
import io.orderhub.events.CallbackEventType;
import java.time.Instant;
import java.util.UUID;

/** Marks an order's waiting deliveries superseded when a newer state of the order is to be sent instead. */
final class Supersede {

    private Supersede() {}

    /** Waiting (not on the wire) open deliveries up to {@code upToVersion}; in the caller's transaction. */
    static void waiting(
            DeliveryRepository deliveries,
            CallbackEvents events,
            DeliveryMetrics metrics,
            UUID orderId,
            long upToVersion,
            Endpoint endpoint,
            Instant now) {
        for (Delivery older : deliveries.lockWaiting(orderId, upToVersion, now)) {
            Delivery superseded = older.superseded(null, now);
            deliveries.save(superseded);
            events.publish(CallbackEventType.SUPERSEDED, superseded, endpoint.url(), now);
            metrics.outcomeAfterCommit(superseded.channel(), "superseded");
        }
    }
}

package io.orderhub.callbacks.delivery;

import io.orderhub.events.CallbackEventType;
import java.time.Instant;

/**
 * Records a delivery that is never sent (skipped for want of an endpoint, or superseded on arrival): stored for
 * the record, its {@code CallbackEvent} published and its outcome counted, in the caller's transaction.
 */
final class ClosedOnArrival {

    private ClosedOnArrival() {}

    static void record(
            DeliveryRepository deliveries,
            CallbackEvents events,
            DeliveryMetrics metrics,
            Delivery closed,
            CallbackEventType type,
            String endpointUrl,
            Instant now) {
        deliveries.insert(closed);
        events.publish(type, closed, endpointUrl, now);
        metrics.outcomeAfterCommit(closed.channel(), closed.status().label());
    }
}

package io.orderhub.callbacks.delivery;

import io.orderhub.callbacks.CallbackProperties;
import io.orderhub.callbacks.endpoint.Endpoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims due deliveries of one endpoint for this worker, for one attempt each, under a lease: if the worker
 * dies, the lease runs out and another instance claims the delivery again. Order changes: at most one delivery
 * per order is on the wire at a time, and only the newest: an older one found due beside a newer one, or older
 * than a version the channel already has, is superseded instead of sent. Invoice documents: with the slots
 * order changes leave, each under its own lease (not the order's), one per invoice at a time, in the order they
 * were recorded, never superseded.
 */
@Service
class ClaimDueDeliveries {

    /** A claimed delivery, its claim token and the trace of the order change it carries. */
    record Claim(Delivery delivery, UUID token, String traceContext) {}

    private final DeliveryRepository deliveries;
    private final CallbackEvents events;
    private final DeliveryMetrics metrics;
    private final CallbackProperties properties;
    private final Clock clock;

    ClaimDueDeliveries(
            DeliveryRepository deliveries,
            CallbackEvents events,
            DeliveryMetrics metrics,
            CallbackProperties properties,
            Clock clock) {
        this.deliveries = deliveries;
        this.events = events;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    List<Claim> claim(Endpoint endpoint, int max) {
        Instant now = clock.instant();
        Map<UUID, DeliveryRepository.DueDelivery> newestPerOrder = new LinkedHashMap<>();
        for (DeliveryRepository.DueDelivery due : deliveries.lockDue(endpoint.name(), now, max)) {
            Delivery delivery = due.delivery();
            if (delivery.orderVersion() < due.deliveredVersion()) {
                supersede(delivery, endpoint, now);
                continue;
            }
            DeliveryRepository.DueDelivery other = newestPerOrder.get(delivery.orderId());
            if (other == null) {
                newestPerOrder.put(delivery.orderId(), due);
            } else {
                DeliveryRepository.DueDelivery older = min(other, due);
                supersede(older.delivery(), endpoint, now);
                newestPerOrder.put(delivery.orderId(), older == other ? due : other);
            }
        }
        List<Claim> claims = new ArrayList<>();
        Instant until = now.plus(properties.claimLease());
        for (DeliveryRepository.DueDelivery due :
                deliveries.lockDueInvoices(endpoint.name(), now, max - newestPerOrder.size())) {
            UUID token = UUID.randomUUID();
            claims.add(new Claim(deliveries.claim(due.delivery(), token, until), token, due.traceContext()));
        }
        for (DeliveryRepository.DueDelivery due : newestPerOrder.values()) {
            UUID token = UUID.randomUUID();
            Delivery claimed = deliveries.claim(due.delivery(), token, until);
            deliveries.markInflight(claimed.orderId(), claimed.id(), until);
            // Older open ones of the order (left waiting by a lease that ran out) will never be sent now.
            for (Delivery older : deliveries.lockWaiting(claimed.orderId(), claimed.orderVersion() - 1, now)) {
                supersede(older, endpoint, now);
            }
            claims.add(new Claim(claimed, token, due.traceContext()));
        }
        return claims;
    }

    private static DeliveryRepository.DueDelivery min(
            DeliveryRepository.DueDelivery a, DeliveryRepository.DueDelivery b) {
        return Comparator.comparingLong((DeliveryRepository.DueDelivery d) ->
                                        d.delivery().orderVersion())
                                .compare(a, b)
                        <= 0
                ? a
                : b;
    }

    private void supersede(Delivery delivery, Endpoint endpoint, Instant now) {
        Delivery superseded = delivery.superseded(null, now);
        deliveries.save(superseded);
        events.publish(io.orderhub.events.CallbackEventType.SUPERSEDED, superseded, endpoint.url(), now);
        metrics.outcomeAfterCommit(superseded.channel(), "superseded");
    }
}

package io.orderhub.callbacks.delivery;

import io.orderhub.callbacks.endpoint.CallbackEndpoints;
import io.orderhub.callbacks.endpoint.Endpoint;
import io.orderhub.events.CallbackEventType;
import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderEventType;
import io.orderhub.messaging.id.Ids;
import io.orderhub.messaging.inbox.Inbox;
import io.orderhub.schemas.EventTopic;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an order event into a stored delivery — never an HTTP call, so a slow channel never holds up the
 * consumer. Each event once (inbox). Changes after creation become one delivery for the owning channel;
 * a newer version supersedes older ones still waiting; an unconfigured channel is recorded as skipped.
 * Events marked {@code imported} (the old hub's past, bin/orderhub-import) never become a delivery.
 */
@Service
public class RecordOrderChange {

    private final Inbox inbox;
    private final DeliveryRepository deliveries;
    private final CallbackEndpoints endpoints;
    private final CallbackEvents events;
    private final DeliveryMetrics metrics;
    private final DispatchSignal signal;
    private final Clock clock;

    RecordOrderChange(
            Inbox inbox,
            DeliveryRepository deliveries,
            CallbackEndpoints endpoints,
            CallbackEvents events,
            DeliveryMetrics metrics,
            DispatchSignal signal,
            Clock clock) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.events = events;
        this.metrics = metrics;
        this.signal = signal;
        this.clock = clock;
    }

    /** Whether the event can lead to a callback: a change after creation, or the import's remembered state. */
    static boolean concernsTheChannel(OrderEvent event) {
        return event.getImported() || event.getType() != OrderEventType.CREATED;
    }

    @Transactional
    public void record(OrderEvent event) {
        if (!inbox.firstDelivery(event.getEventId(), EventTopic.ORDER_EVENTS.topicName())) {
            return;
        }
        if (event.getImported()) {
            // The old hub's past, brought over by the import: the channel lived through it already.
            seedImported(event);
            return;
        }
        switch (event.getType()) {
            case CREATED -> {
                // The channel created the order itself: nothing to tell it.
            }
            case STATUS_CHANGED, PAYMENT_UPDATED -> recordChange(event);
        }
    }

    /**
     * An order imported from the old hub: its version is remembered as the latest known (so a re-read older
     * change is superseded, never sent), and no delivery is made. The import publishes it as CREATED, which
     * is never called back; it is remembered as a status change, which is what it would be to the channel if
     * a replay of one of the order's superseded deliveries sends the latest state.
     */
    private void seedImported(OrderEvent event) {
        Instant now = clock.instant();
        OrderChange change = change(event, OrderEventType.STATUS_CHANGED);
        OrderState state = deliveries.lockOrderState(change, now);
        if (change.version() > state.latest().version()) {
            deliveries.saveLatest(change, now);
        }
    }

    private static OrderChange change(OrderEvent event, OrderEventType type) {
        return new OrderChange(
                event.getEventId(),
                event.getOrderId(),
                event.getVersion(),
                event.getOrder().getSource(),
                CallbackBody.type(type),
                CallbackBody.render(event, type),
                event.getOccurredAt());
    }

    private void recordChange(OrderEvent event) {
        Instant now = clock.instant();
        OrderChange change = change(event, event.getType());
        String endpointName = Endpoint.nameFor(change.channel());
        OrderState state = deliveries.lockOrderState(change, now);
        Optional<Endpoint> endpoint = endpoints.forSource(change.channel());

        if (change.version() <= state.latest().version()) {
            // Kafka keeps one order's events in order, so this is a re-published or re-read old change: a
            // newer state is known already, and the channel must never get an older one after it.
            Delivery stale = Delivery.closed(
                    Ids.next(),
                    change,
                    endpointName,
                    DeliveryStatus.SUPERSEDED,
                    "version " + state.latest().version() + " of the order is known already",
                    now);
            ClosedOnArrival.record(
                    deliveries,
                    events,
                    metrics,
                    stale,
                    CallbackEventType.SUPERSEDED,
                    endpoint.map(Endpoint::url).orElse(null),
                    now);
            return;
        }
        deliveries.saveLatest(change, now);

        if (endpoint.isEmpty()) {
            Delivery skipped = Delivery.closed(
                    Ids.next(),
                    change,
                    endpointName,
                    DeliveryStatus.SKIPPED,
                    "no callback endpoint: " + endpointName + "_CALLBACK_URL is not set",
                    now);
            ClosedOnArrival.record(deliveries, events, metrics, skipped, CallbackEventType.SKIPPED, null, now);
            return;
        }

        Supersede.waiting(deliveries, events, metrics, change.orderId(), change.version() - 1, endpoint.get(), now);
        deliveries.insert(Delivery.pending(Ids.next(), change, endpointName, null, now));
        signal.wakeAfterCommit();
    }
}

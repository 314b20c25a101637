package io.orderhub.payments.order;

import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderSnapshot;
import io.orderhub.events.OrderStatus;
import io.orderhub.messaging.inbox.Inbox;
import io.orderhub.schemas.EventTopic;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the order read model: each event once (inbox), never an older version over a newer one. When an order
 * becomes cancelled, {@link OrderCancelled} is published inside the same transaction, so the payments it
 * concerns are marked for cancellation exactly when the read model says so.
 */
@Service
public class ApplyOrderEvent {

    private final OrderViewRepository repository;
    private final Inbox inbox;
    private final ApplicationEventPublisher events;

    ApplyOrderEvent(OrderViewRepository repository, Inbox inbox, ApplicationEventPublisher events) {
        this.repository = repository;
        this.inbox = inbox;
        this.events = events;
    }

    @Transactional
    public void apply(OrderEvent event) {
        if (!inbox.firstDelivery(event.getEventId(), EventTopic.ORDER_EVENTS.topicName())) {
            return;
        }
        OrderSnapshot order = event.getOrder();
        String status = order.getStatus().name();
        repository
                .upsertIfNewer(
                        order.getId(),
                        order.getSource(),
                        order.getCurrency(),
                        order.getGrandTotal(),
                        status,
                        event.getVersion())
                // An imported order was cancelled in the old hub, with its payments as they ended there.
                .filter(before -> !event.getImported())
                .filter(before -> order.getStatus() == OrderStatus.CANCELLED && !before.equals(status))
                .ifPresent(before -> events.publishEvent(new OrderCancelled(order.getId())));
    }
}

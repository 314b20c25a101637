package io.orderhub.bench.outbox;

import io.orderhub.messaging.outbox.Outbox;
import io.orderhub.schemas.EventTopic;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills the outbox while the relay is off, through the same {@link Outbox#append} as the services, many
 * rows per transaction so the backlog builds quickly. The rows are what the relay drains; how they were
 * written does not matter to it.
 */
class PreloadBacklog {

    private final Outbox outbox;
    private final OrderEvents events;

    PreloadBacklog(Outbox outbox, OrderEvents events) {
        this.outbox = outbox;
        this.events = events;
    }

    /** One event for each order, all with the given version. */
    @Transactional
    public void append(List<UUID> orderIds, long version) {
        for (UUID orderId : orderIds) {
            outbox.append(EventTopic.ORDER_EVENTS, "order", orderId, events.next(UUID.randomUUID(), orderId, version));
        }
    }
}

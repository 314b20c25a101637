package io.orderhub.callbacks.delivery;

import io.orderhub.events.OrderEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class OrderEventListener {

    private final RecordOrderChange recordOrderChange;

    OrderEventListener(RecordOrderChange recordOrderChange) {
        this.recordOrderChange = recordOrderChange;
    }

    /**
     * An order's creation, unless imported, is never called back — the channel created the order itself — so
     * it is acknowledged without a transaction: nothing to deliver, nothing to remember in the inbox. On a busy
     * shop that is every other order event.
     */
    @KafkaListener(topics = "orderhub.order-events.v1")
    void on(OrderEvent event) {
        if (RecordOrderChange.concernsTheChannel(event)) {
            recordOrderChange.record(event);
        }
    }
}

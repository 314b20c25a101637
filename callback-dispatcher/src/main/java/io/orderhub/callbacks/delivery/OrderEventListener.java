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

    @KafkaListener(topics = "orderhub.order-events.v1")
    void on(OrderEvent event) {
        recordOrderChange.record(event);
    }
}

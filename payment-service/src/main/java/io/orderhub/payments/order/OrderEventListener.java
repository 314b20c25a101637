package io.orderhub.payments.order;

import io.orderhub.events.OrderEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class OrderEventListener {

    private final ApplyOrderEvent applyOrderEvent;

    OrderEventListener(ApplyOrderEvent applyOrderEvent) {
        this.applyOrderEvent = applyOrderEvent;
    }

    @KafkaListener(topics = "orderhub.order-events.v1")
    void on(OrderEvent event) {
        applyOrderEvent.apply(event);
    }
}

package io.orderhub.orders.order;

import io.orderhub.events.PaymentEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Payment events, keyed by order id, so one order's payment events arrive in the order they were published. */
@Component
class PaymentEventListener {

    private final ApplyPaymentEvent applyPaymentEvent;

    PaymentEventListener(ApplyPaymentEvent applyPaymentEvent) {
        this.applyPaymentEvent = applyPaymentEvent;
    }

    @KafkaListener(topics = "orderhub.payment-events.v1")
    void on(PaymentEvent event) {
        applyPaymentEvent.apply(event);
    }
}

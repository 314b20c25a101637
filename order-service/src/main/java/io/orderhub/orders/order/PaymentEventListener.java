package io.orderhub.orders.order;

import io.orderhub.events.InvoiceEvent;
import io.orderhub.events.PaymentEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What payment-service publishes about orders: payment events and invoice events, each keyed by order id, so one
 * order's events of a topic arrive in the order they were published.
 */
@Component
class PaymentEventListener {

    private final ApplyPaymentEvent applyPaymentEvent;
    private final ApplyInvoiceEvent applyInvoiceEvent;

    PaymentEventListener(ApplyPaymentEvent applyPaymentEvent, ApplyInvoiceEvent applyInvoiceEvent) {
        this.applyPaymentEvent = applyPaymentEvent;
        this.applyInvoiceEvent = applyInvoiceEvent;
    }

    @KafkaListener(topics = "orderhub.payment-events.v1")
    void on(PaymentEvent event) {
        applyPaymentEvent.apply(event);
    }

    @KafkaListener(topics = "orderhub.invoice-events.v1")
    void on(InvoiceEvent event) {
        applyInvoiceEvent.apply(event);
    }
}

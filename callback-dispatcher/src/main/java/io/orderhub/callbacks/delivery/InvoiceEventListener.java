package io.orderhub.callbacks.delivery;

import io.orderhub.events.InvoiceEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class InvoiceEventListener {

    private final RecordInvoiceEvent recordInvoiceEvent;

    InvoiceEventListener(RecordInvoiceEvent recordInvoiceEvent) {
        this.recordInvoiceEvent = recordInvoiceEvent;
    }

    @KafkaListener(topics = "orderhub.invoice-events.v1")
    void on(InvoiceEvent event) {
        recordInvoiceEvent.record(event);
    }
}

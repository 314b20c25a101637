package io.orderhub.schemas;

import io.orderhub.events.CallbackEvent;
import io.orderhub.events.InvoiceEvent;
import io.orderhub.events.OrderEvent;
import io.orderhub.events.PaymentEvent;
import io.orderhub.events.ProviderEvent;
import org.apache.avro.Schema;

/** The topics of ARCHITECTURE.md and the one Avro record each carries. */
public enum EventTopic {
    ORDER_EVENTS("orderhub.order-events.v1", OrderEvent.getClassSchema()),
    PAYMENT_EVENTS("orderhub.payment-events.v1", PaymentEvent.getClassSchema()),
    PROVIDER_EVENTS("orderhub.provider-events.v1", ProviderEvent.getClassSchema()),
    CALLBACK_EVENTS("orderhub.callback-events.v1", CallbackEvent.getClassSchema()),
    INVOICE_EVENTS("orderhub.invoice-events.v1", InvoiceEvent.getClassSchema());

    private final String topicName;
    private final Schema valueSchema;

    EventTopic(String topicName, Schema valueSchema) {
        this.topicName = topicName;
        this.valueSchema = valueSchema;
    }

    public String topicName() {
        return topicName;
    }

    public Schema valueSchema() {
        return valueSchema;
    }

    /** The Confluent TopicNameStrategy subject of this topic's values. */
    public String valueSubject() {
        return topicName + "-value";
    }
}

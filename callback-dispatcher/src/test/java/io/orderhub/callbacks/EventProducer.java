package io.orderhub.callbacks;

import io.orderhub.events.InvoiceEvent;
import io.orderhub.events.OrderEvent;
import io.orderhub.schemas.EventTopic;
import io.orderhub.schemas.serde.AvroSerdeConfig;
import io.orderhub.schemas.serde.AvroSerializer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes order events as order-service does and invoice events as payment-service does: Avro in the
 * Confluent wire format, keyed by the order id.
 */
public final class EventProducer implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> producer;

    public EventProducer(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://");
        AvroSerializer values = new AvroSerializer();
        values.configure(config, false);
        producer = new KafkaProducer<>(config, new StringSerializer(), values);
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void send(OrderEvent event) {
        send(EventTopic.ORDER_EVENTS, event.getOrderId(), event);
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void send(InvoiceEvent event) {
        send(EventTopic.INVOICE_EVENTS, event.getOrderId(), event);
    }

    private void send(EventTopic topic, UUID orderId, SpecificRecord event) {
        try {
            producer.send(new ProducerRecord<>(topic.topicName(), orderId.toString(), event))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not take the event", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

package io.orderhub.payments;

import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderEventType;
import io.orderhub.events.OrderSnapshot;
import io.orderhub.events.OrderStatus;
import io.orderhub.events.Provider;
import io.orderhub.events.ProviderEvent;
import io.orderhub.events.ProviderEventType;
import io.orderhub.schemas.EventMoney;
import io.orderhub.schemas.EventTopic;
import io.orderhub.schemas.serde.AvroSerdeConfig;
import io.orderhub.schemas.serde.AvroSerializer;
import io.orderhub.testsupport.TestKafka;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays order-service and the webhook gateway: real {@link OrderEvent}s and {@link ProviderEvent}s produced to
 * the test broker, Avro in the Confluent wire format, keyed as the contract says.
 */
public final class Feed {

    private static final KafkaProducer<String, SpecificRecord> PRODUCER = producer();

    private Feed() {}

    private static KafkaProducer<String, SpecificRecord> producer() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://");
        AvroSerializer values = new AvroSerializer();
        values.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), values);
    }

    /** An order of the channel as order-service publishes it, at the given version and status. */
    public static void order(
            UUID id, String source, String currency, String grandTotal, OrderStatus status, long version) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        BigDecimal zero = EventMoney.of(BigDecimal.ZERO);
        OrderEvent event = OrderEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setType(version == 1 ? OrderEventType.CREATED : OrderEventType.STATUS_CHANGED)
                .setOccurredAt(now)
                .setOrderId(id)
                .setVersion(version)
                .setActor(source)
                .setOrder(OrderSnapshot.newBuilder()
                        .setId(id)
                        .setSource(source)
                        .setSourceOrderId("so-" + id)
                        .setStatus(status)
                        .setCurrency(currency)
                        .setSubtotal(zero)
                        .setTaxTotal(zero)
                        .setShippingTotal(zero)
                        .setDiscountTotal(zero)
                        .setGrandTotal(EventMoney.of(new BigDecimal(grandTotal)))
                        .setPaidAmount(zero)
                        .setRefundedAmount(zero)
                        .setItems(List.of())
                        .setPayments(List.of())
                        .setCreatedAt(now)
                        .setUpdatedAt(now)
                        .build())
                .build();
        send(EventTopic.ORDER_EVENTS, id.toString(), event);
    }

    public static void stripe(ProviderEventType type, String eventId, String reference, String payload) {
        provider(Provider.STRIPE, type, eventId, reference, payload);
    }

    public static void btcpay(ProviderEventType type, String deliveryId, String reference, String payload) {
        provider(Provider.BTCPAY, type, deliveryId, reference, payload);
    }

    private static void provider(
            Provider provider, ProviderEventType type, String eventId, String reference, String payload) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ProviderEvent event = ProviderEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setType(type)
                .setOccurredAt(now)
                .setReceivedAt(now)
                .setProvider(provider)
                .setProviderEventId(eventId)
                .setProviderEventType(type.name())
                .setProviderReference(reference)
                .setPayload(payload)
                .build();
        send(EventTopic.PROVIDER_EVENTS, reference, event);
    }

    private static void send(EventTopic topic, String key, SpecificRecord value) {
        try {
            PRODUCER.send(new ProducerRecord<>(topic.topicName(), key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}

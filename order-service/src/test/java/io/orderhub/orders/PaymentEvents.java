package io.orderhub.orders;

import io.orderhub.events.CreditNoteSnapshot;
import io.orderhub.events.InvoiceEvent;
import io.orderhub.events.InvoiceEventType;
import io.orderhub.events.PaymentEvent;
import io.orderhub.events.PaymentEventType;
import io.orderhub.events.PaymentSnapshot;
import io.orderhub.events.PaymentStatus;
import io.orderhub.schemas.EventMoney;
import io.orderhub.schemas.EventTopic;
import io.orderhub.schemas.serde.AvroSerdeConfig;
import io.orderhub.schemas.serde.AvroSerializer;
import io.orderhub.testsupport.TestKafka;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Plays payment-service: publishes {@code PaymentEvent}s and {@code InvoiceEvent}s on the real topics, keyed by
 * order id, Avro-serialised, with the event id in the {@code id} header; or bytes that are no event at all.
 */
public final class PaymentEvents implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> producer;
    private final KafkaProducer<String, byte[]> bytes;

    private PaymentEvents() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                "mock://");
        AvroSerializer values = new AvroSerializer();
        values.configure(config, false);
        producer = new KafkaProducer<>(config, new StringSerializer(), values);
        bytes = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    public static PaymentEvents connect() {
        return new PaymentEvents();
    }

    public void send(PaymentEvent event) {
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(
                EventTopic.PAYMENT_EVENTS.topicName(), event.getOrderId().toString(), event);
        // As payment-service's outbox relay sends it.
        record.headers().add("id", event.getEventId().toString().getBytes(StandardCharsets.UTF_8));
        await(producer, record);
    }

    public void send(InvoiceEvent event) {
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(
                EventTopic.INVOICE_EVENTS.topicName(), event.getOrderId().toString(), event);
        record.headers().add("id", event.getEventId().toString().getBytes(StandardCharsets.UTF_8));
        await(producer, record);
    }

    /**
     * A credit note of {@code amount} on the order's invoice (total {@code total}, EUR), {@code credited} in all
     * with it, as payment-service publishes it.
     */
    public static InvoiceEvent creditNote(UUID orderId, String total, String amount, String credited) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return InvoiceEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setType(InvoiceEventType.CREDIT_NOTE_ISSUED)
                .setOccurredAt(now)
                .setActor("system")
                .setInvoiceId(UUID.randomUUID())
                .setInvoiceNumber("RE-2026-000001")
                .setOrderId(orderId)
                .setContractId(UUID.randomUUID())
                .setSource("b2b")
                .setCurrency("EUR")
                .setTotal(EventMoney.of(new BigDecimal(total)))
                .setCreditedAmount(EventMoney.of(new BigDecimal(credited)))
                .setIssuedOn(LocalDate.now())
                .setDueDate(LocalDate.now().plusDays(30))
                .setCreditNote(CreditNoteSnapshot.newBuilder()
                        .setId(UUID.randomUUID())
                        .setNumber("GS-2026-000001")
                        .setAmount(EventMoney.of(new BigDecimal(amount)))
                        .setReason("Skonto: early-payment discount, paid within the discount period")
                        .build())
                .build();
    }

    /** Bytes that are no Avro event, keyed by the order id, with an event id header; answers that id. */
    public UUID sendUnreadable(UUID orderId) {
        UUID eventId = UUID.randomUUID();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                EventTopic.PAYMENT_EVENTS.topicName(),
                orderId.toString(),
                "no avro here".getBytes(StandardCharsets.UTF_8));
        record.headers().add("id", eventId.toString().getBytes(StandardCharsets.UTF_8));
        await(bytes, record);
        return eventId;
    }

    private static <V> void await(KafkaProducer<String, V> producer, ProducerRecord<String, V> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the record", e);
        }
    }

    /**
     * A random order id whose events land on the same partition as {@code orderId}'s (Kafka's default
     * partitioner, 12 partitions as the tests' topics have), so one can be seen not to block the other.
     */
    public static UUID anotherKeyOnTheSamePartition(UUID orderId) {
        int partition = partition(orderId);
        UUID other;
        do {
            other = UUID.randomUUID();
        } while (partition(other) != partition);
        return other;
    }

    private static int partition(UUID key) {
        return Utils.toPositive(Utils.murmur2(key.toString().getBytes(StandardCharsets.UTF_8))) % 12;
    }

    public static Payment payment(UUID orderId) {
        return new Payment(orderId, UUID.randomUUID());
    }

    @Override
    public void close() {
        producer.close();
        bytes.close();
    }

    /** A payment of an order; each {@link #event} is its snapshot at one version, with a new event id. */
    public static final class Payment {
        private final UUID orderId;
        private final UUID paymentId;
        private String provider = "stripe";
        private String currency = "EUR";

        private Payment(UUID orderId, UUID paymentId) {
            this.orderId = orderId;
            this.paymentId = paymentId;
        }

        public Payment provider(String provider) {
            this.provider = provider;
            return this;
        }

        public Payment currency(String currency) {
            this.currency = currency;
            return this;
        }

        public UUID id() {
            return paymentId;
        }

        public PaymentEvent event(long version, PaymentStatus status, String amount, String refunded) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return PaymentEvent.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setType(version == 1 ? PaymentEventType.CREATED : PaymentEventType.STATUS_CHANGED)
                    .setOccurredAt(now)
                    .setPaymentId(paymentId)
                    .setOrderId(orderId)
                    .setVersion(version)
                    .setActor(provider)
                    .setPayment(PaymentSnapshot.newBuilder()
                            .setId(paymentId)
                            .setOrderId(orderId)
                            .setSource("woocommerce")
                            .setProvider(provider)
                            .setStatus(status)
                            .setAmount(EventMoney.of(new BigDecimal(amount)))
                            .setCurrency(currency)
                            .setRefundedAmount(EventMoney.of(new BigDecimal(refunded)))
                            .setRecorded(false)
                            .setNeedsAttention(false)
                            .setRefunds(List.of())
                            .setCreatedAt(now)
                            .setUpdatedAt(now)
                            .build())
                    .build();
        }
    }
}

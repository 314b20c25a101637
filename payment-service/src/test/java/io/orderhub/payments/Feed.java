package io.orderhub.payments;

import io.orderhub.events.AccountSnapshot;
import io.orderhub.events.AddressSnapshot;
import io.orderhub.events.BusinessCustomerSnapshot;
import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderEventType;
import io.orderhub.events.OrderItemSnapshot;
import io.orderhub.events.OrderSnapshot;
import io.orderhub.events.OrderStatus;
import io.orderhub.events.PaymentTermsSnapshot;
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
        OrderSnapshot.Builder order = snapshot(id, source, currency, grandTotal, status);
        send(EventTopic.ORDER_EVENTS, id.toString(), event(order, version));
    }

    private static OrderSnapshot.Builder snapshot(
            UUID id, String source, String currency, String grandTotal, OrderStatus status) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        BigDecimal zero = EventMoney.of(BigDecimal.ZERO);
        return OrderSnapshot.newBuilder()
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
                .setUpdatedAt(now);
    }

    private static OrderEvent event(OrderSnapshot.Builder order, long version) {
        return OrderEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setType(version == 1 ? OrderEventType.CREATED : OrderEventType.STATUS_CHANGED)
                .setOccurredAt(order.getUpdatedAt())
                .setOrderId(order.getId())
                .setVersion(version)
                .setActor(order.getSource())
                .setOrder(order.build())
                .build();
    }

    /** The terms an order on account's events carry: net days, and an early-payment discount or none. */
    public record Terms(int netDays, String discountPercent, Integer discountDays) {}

    /**
     * An order on account of channel {@code b2b} as order-service publishes it: one line (40 × 8.90 net, 19 %
     * tax), the given grand total and paid amount, the buyer of the example contract and the terms.
     * Answers the event sent, so a test can deliver it again.
     */
    public static OrderEvent orderOnAccount(
            UUID id,
            UUID contractId,
            String grandTotal,
            String paidAmount,
            OrderStatus status,
            long version,
            Terms terms) {
        return orderOnAccount(id, contractId, grandTotal, paidAmount, status, version, terms, "Praxis Nord GmbH");
    }

    /** The same, for a buyer of another company name. */
    public static OrderEvent orderOnAccount(
            UUID id,
            UUID contractId,
            String grandTotal,
            String paidAmount,
            OrderStatus status,
            long version,
            Terms terms,
            String company) {
        OrderSnapshot.Builder order = snapshot(id, "b2b", "EUR", grandTotal, status)
                .setSubtotal(EventMoney.of(new BigDecimal("356.00")))
                .setTaxTotal(EventMoney.of(new BigDecimal("67.64")))
                .setPaidAmount(EventMoney.of(new BigDecimal(paidAmount)))
                .setItems(List.of(OrderItemSnapshot.newBuilder()
                        .setId(UUID.randomUUID())
                        .setSku("HANDSCHUH-M-100")
                        .setName("Untersuchungshandschuhe M, 100 St.")
                        .setQuantity(40)
                        .setUnitPrice(EventMoney.of(new BigDecimal("8.90")))
                        .setPrice(EventMoney.of(new BigDecimal("356.00")))
                        .setTax(EventMoney.of(new BigDecimal("67.64")))
                        .setTaxRate(EventMoney.of(new BigDecimal("0.19")))
                        .build()))
                .setContractId(contractId)
                .setContractVersion(1L)
                .setPaymentMethod("invoice")
                .setAccount(AccountSnapshot.newBuilder()
                        .setCustomer(BusinessCustomerSnapshot.newBuilder()
                                .setCompany(company)
                                .setVatId("DE123456789")
                                .setEmail("buchhaltung@praxis-nord.example")
                                .setAddress(AddressSnapshot.newBuilder()
                                        .setLine1("Hafenstr. 1")
                                        .setPostalCode("20457")
                                        .setCity("Hamburg")
                                        .setCountry("DE")
                                        .build())
                                .setBuyerReference("04011000-12345-67")
                                .build())
                        .setPaymentTerms(PaymentTermsSnapshot.newBuilder()
                                .setNetDays(terms.netDays())
                                .setDiscountPercent(
                                        terms.discountPercent() == null
                                                ? null
                                                : EventMoney.of(new BigDecimal(terms.discountPercent())))
                                .setDiscountDays(terms.discountDays())
                                .build())
                        .build());
        OrderEvent event = event(order, version);
        send(EventTopic.ORDER_EVENTS, id.toString(), event);
        return event;
    }

    /** Delivers an event again, as Kafka does after a consumer failed before committing its offset. */
    public static void redeliver(OrderEvent event) {
        send(EventTopic.ORDER_EVENTS, event.getOrderId().toString(), event);
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

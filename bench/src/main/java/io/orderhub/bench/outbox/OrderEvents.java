package io.orderhub.bench.outbox;

import io.orderhub.events.CustomerSnapshot;
import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderEventType;
import io.orderhub.events.OrderItemSnapshot;
import io.orderhub.events.OrderSnapshot;
import io.orderhub.events.OrderStatus;
import io.orderhub.schemas.EventMoney;
import io.orderhub.schemas.EventTopic;
import io.orderhub.schemas.serde.AvroSerializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Order events of a typical web-shop order (a customer, two lines), whose serialised payload — Confluent
 * header and Avro body, what the outbox row and the Kafka record carry — is {@code payloadBytes} long:
 * the channel's metadata JSON is padded to reach it.
 */
final class OrderEvents {

    private final String metadataJson;
    private final int payloadBytes;

    OrderEvents(AvroSerializer serializer, int payloadBytes) {
        // Ids are fixed-length strings; only the version's varint can add a byte or two later on.
        UUID probe = UUID.randomUUID();
        int padding = 0;
        String metadata = metadataOf(padding);
        for (int attempt = 0; attempt < 5; attempt++) {
            int size =
                    serializer.serialize(EventTopic.ORDER_EVENTS.topicName(), build(probe, probe, 1, metadata)).length;
            if (size == payloadBytes) {
                break;
            }
            padding = Math.max(0, padding + payloadBytes - size);
            metadata = metadataOf(padding);
        }
        this.metadataJson = metadata;
        this.payloadBytes =
                serializer.serialize(EventTopic.ORDER_EVENTS.topicName(), build(probe, probe, 1, metadata)).length;
    }

    /** The serialised size of every event this factory builds. */
    int payloadBytes() {
        return payloadBytes;
    }

    OrderEvent next(UUID eventId, UUID orderId, long version) {
        return build(eventId, orderId, version, metadataJson);
    }

    private static String metadataOf(int padding) {
        return "{\"note\":\"" + "x".repeat(padding) + "\"}";
    }

    private static OrderEvent build(UUID eventId, UUID orderId, long version, String metadataJson) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        BigDecimal shirt = new BigDecimal("19.99");
        BigDecimal mug = new BigDecimal("8.50");
        BigDecimal subtotal = shirt.multiply(BigDecimal.valueOf(2)).add(mug);
        BigDecimal tax = new BigDecimal("9.22");
        BigDecimal shipping = new BigDecimal("4.90");
        BigDecimal total = subtotal.add(tax).add(shipping);
        return OrderEvent.newBuilder()
                .setEventId(eventId)
                .setType(OrderEventType.STATUS_CHANGED)
                .setOccurredAt(now)
                .setOrderId(orderId)
                .setVersion(version)
                .setActor("woocommerce")
                .setPreviousStatus(OrderStatus.PENDING)
                .setReason(null)
                .setCausingPayment(null)
                .setOrder(OrderSnapshot.newBuilder()
                        .setId(orderId)
                        .setSource("woocommerce")
                        .setSourceOrderId("WC-1048576")
                        .setCustomerId("wc-customer-20417")
                        .setStatus(OrderStatus.CONFIRMED)
                        .setCurrency("EUR")
                        .setSubtotal(EventMoney.of(subtotal))
                        .setTaxTotal(EventMoney.of(tax))
                        .setShippingTotal(EventMoney.of(shipping))
                        .setDiscountTotal(EventMoney.of(BigDecimal.ZERO))
                        .setGrandTotal(EventMoney.of(total))
                        .setPaidAmount(EventMoney.of(BigDecimal.ZERO))
                        .setRefundedAmount(EventMoney.of(BigDecimal.ZERO))
                        .setCustomer(CustomerSnapshot.newBuilder()
                                .setId(UUID.nameUUIDFromBytes(orderId.toString().getBytes()))
                                .setEmail("erika.mustermann@example.com")
                                .setName("Erika Mustermann")
                                .setPhone("+49 30 1234567")
                                .build())
                        .setItems(List.of(
                                item(orderId, 1, "SHIRT-BLK-M", "T-shirt black, M", 2, shirt),
                                item(orderId, 2, "MUG-WHT", "Mug white", 1, mug)))
                        .setPayments(List.of())
                        .setMetadataJson(metadataJson)
                        .setCreatedAt(now)
                        .setUpdatedAt(now)
                        .build())
                .build();
    }

    private static OrderItemSnapshot item(
            UUID orderId, int line, String sku, String name, int quantity, BigDecimal unitPrice) {
        BigDecimal price = unitPrice.multiply(BigDecimal.valueOf(quantity));
        return OrderItemSnapshot.newBuilder()
                .setId(UUID.nameUUIDFromBytes((orderId + "/" + line).getBytes()))
                .setProductId("prod-" + sku.toLowerCase())
                .setSku(sku)
                .setName(name)
                .setQuantity(quantity)
                .setUnitPrice(EventMoney.of(unitPrice))
                .setPrice(EventMoney.of(price))
                .setSubtotal(EventMoney.of(price))
                .setTax(EventMoney.of(
                        price.multiply(new BigDecimal("0.19")).setScale(2, java.math.RoundingMode.HALF_UP)))
                .setTaxRate(EventMoney.of(new BigDecimal("0.19")))
                .setMetadataJson(null)
                .build();
    }
}

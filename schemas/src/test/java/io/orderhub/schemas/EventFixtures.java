package io.orderhub.schemas;

import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderEventType;
import io.orderhub.events.OrderItemSnapshot;
import io.orderhub.events.OrderSnapshot;
import io.orderhub.events.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Events as the services build them, for serde tests. */
public final class EventFixtures {

    private EventFixtures() {}

    public static OrderEvent anOrderCreatedEvent() {
        UUID orderId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OrderSnapshot order = OrderSnapshot.newBuilder()
                .setId(orderId)
                .setSource("woocommerce")
                .setSourceOrderId("10023")
                .setCustomerId("77")
                .setStatus(OrderStatus.PENDING)
                .setCurrency("EUR")
                .setSubtotal(EventMoney.of(new BigDecimal("39.80")))
                .setTaxTotal(EventMoney.of(new BigDecimal("2.79")))
                .setShippingTotal(EventMoney.of(new BigDecimal("4.90")))
                .setDiscountTotal(EventMoney.of(BigDecimal.ZERO))
                .setGrandTotal(EventMoney.of(new BigDecimal("47.49")))
                .setPaidAmount(EventMoney.of(BigDecimal.ZERO))
                .setRefundedAmount(EventMoney.of(BigDecimal.ZERO))
                .setItems(List.of(OrderItemSnapshot.newBuilder()
                        .setId(UUID.randomUUID())
                        .setName("Buch")
                        .setQuantity(2)
                        .setPrice(EventMoney.of(new BigDecimal("39.80")))
                        .setTaxRate(EventMoney.of(new BigDecimal("0.07")))
                        .build()))
                .setPayments(List.of())
                .setCreatedAt(now)
                .setUpdatedAt(now)
                .build();
        return OrderEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setType(OrderEventType.CREATED)
                .setOccurredAt(now)
                .setOrderId(orderId)
                .setVersion(1L)
                .setActor("woocommerce")
                .setOrder(order)
                .build();
    }
}

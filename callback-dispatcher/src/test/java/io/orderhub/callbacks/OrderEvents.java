package io.orderhub.callbacks;

import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderEventType;
import io.orderhub.events.OrderSnapshot;
import io.orderhub.events.OrderStatus;
import io.orderhub.events.PaymentStatus;
import io.orderhub.events.PaymentSummary;
import io.orderhub.schemas.EventMoney;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Order events as order-service publishes them, for one order of one channel. */
public final class OrderEvents {

    private final UUID orderId = UUID.randomUUID();
    private final String source;
    private final String sourceOrderId;
    private final String currency;
    private final BigDecimal grandTotal;

    private OrderEvents(String source, String sourceOrderId, String currency, String grandTotal) {
        this.source = source;
        this.sourceOrderId = sourceOrderId;
        this.currency = currency;
        this.grandTotal = new BigDecimal(grandTotal);
    }

    public static OrderEvents anOrder(String source, String sourceOrderId) {
        return new OrderEvents(source, sourceOrderId, "EUR", "47.49");
    }

    public static OrderEvents anOrder(String source, String sourceOrderId, String currency, String grandTotal) {
        return new OrderEvents(source, sourceOrderId, currency, grandTotal);
    }

    public UUID orderId() {
        return orderId;
    }

    public static PaymentSummary aSucceededPayment(UUID paymentId, String provider, String amount) {
        return PaymentSummary.newBuilder()
                .setPaymentId(paymentId)
                .setProvider(provider)
                .setStatus(PaymentStatus.SUCCEEDED)
                .setAmount(EventMoney.of(new BigDecimal(amount)))
                .setRefundedAmount(EventMoney.of(BigDecimal.ZERO))
                .setVersion(2L)
                .build();
    }

    public OrderEvent created() {
        return event(OrderEventType.CREATED, 1, OrderStatus.PENDING, "0", "0", null, Instant.now());
    }

    /** The order paid in full by the given payment. */
    public OrderEvent paid(long version, PaymentSummary payment) {
        return event(
                OrderEventType.STATUS_CHANGED,
                version,
                OrderStatus.PAID,
                grandTotal.toPlainString(),
                "0",
                payment,
                Instant.now());
    }

    public OrderEvent statusChanged(long version, OrderStatus status) {
        return event(
                OrderEventType.STATUS_CHANGED, version, status, grandTotal.toPlainString(), "0", null, Instant.now());
    }

    public OrderEvent event(
            OrderEventType type,
            long version,
            OrderStatus status,
            String paid,
            String refunded,
            PaymentSummary payment,
            Instant occurredAt) {
        Instant at = occurredAt.truncatedTo(ChronoUnit.MICROS);
        BigDecimal zero = EventMoney.of(BigDecimal.ZERO);
        OrderSnapshot order = OrderSnapshot.newBuilder()
                .setId(orderId)
                .setSource(source)
                .setSourceOrderId(sourceOrderId)
                .setCustomerId("77")
                .setStatus(status)
                .setCurrency(currency)
                .setSubtotal(zero)
                .setTaxTotal(zero)
                .setShippingTotal(zero)
                .setDiscountTotal(zero)
                .setGrandTotal(EventMoney.of(grandTotal))
                .setPaidAmount(EventMoney.of(new BigDecimal(paid)))
                .setRefundedAmount(EventMoney.of(new BigDecimal(refunded)))
                .setItems(List.of())
                .setPayments(payment == null ? List.of() : List.of(payment))
                .setCreatedAt(at)
                .setUpdatedAt(at)
                .build();
        return OrderEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setType(type)
                .setOccurredAt(at)
                .setOrderId(orderId)
                .setVersion(version)
                .setActor(payment == null ? source : "payments")
                .setCausingPayment(payment)
                .setOrder(order)
                .build();
    }
}

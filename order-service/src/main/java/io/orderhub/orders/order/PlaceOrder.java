package io.orderhub.orders.order;

import static io.orderhub.orders.jooq.Tables.ORDERS;

import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderEventType;
import io.orderhub.events.OrderSnapshot;
import io.orderhub.events.OrderStatus;
import io.orderhub.messaging.outbox.Outbox;
import io.orderhub.schemas.EventMoney;
import io.orderhub.schemas.EventTopic;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walking skeleton of order creation: stores the order and publishes {@code CREATED} through the outbox
 * in one transaction. The order feature replaces this with the full contract.
 */
@Service
public class PlaceOrder {

    private final DSLContext db;
    private final Outbox outbox;

    PlaceOrder(DSLContext db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    public record Command(String source, String sourceOrderId, String currency, BigDecimal grandTotal) {
        public Command {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(sourceOrderId, "source_order_id");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(grandTotal, "grand_total");
        }
    }

    @Transactional
    public UUID place(Command command) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        db.insertInto(ORDERS)
                .set(ORDERS.ID, id)
                .set(ORDERS.SOURCE, command.source())
                .set(ORDERS.SOURCE_ORDER_ID, command.sourceOrderId())
                .set(ORDERS.STATUS, OrderStatus.PENDING.name())
                .set(ORDERS.CURRENCY, command.currency())
                .set(ORDERS.GRAND_TOTAL, command.grandTotal())
                .set(ORDERS.VERSION, 1L)
                .set(ORDERS.CREATED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .set(ORDERS.UPDATED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .execute();
        BigDecimal zero = EventMoney.of(BigDecimal.ZERO);
        outbox.append(
                EventTopic.ORDER_EVENTS,
                "order",
                id,
                OrderEvent.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setType(OrderEventType.CREATED)
                        .setOccurredAt(now)
                        .setOrderId(id)
                        .setVersion(1L)
                        .setActor(command.source())
                        .setOrder(OrderSnapshot.newBuilder()
                                .setId(id)
                                .setSource(command.source())
                                .setSourceOrderId(command.sourceOrderId())
                                .setStatus(OrderStatus.PENDING)
                                .setCurrency(command.currency())
                                .setSubtotal(zero)
                                .setTaxTotal(zero)
                                .setShippingTotal(zero)
                                .setDiscountTotal(zero)
                                .setGrandTotal(EventMoney.of(command.grandTotal()))
                                .setPaidAmount(zero)
                                .setRefundedAmount(zero)
                                .setItems(List.of())
                                .setPayments(List.of())
                                .setCreatedAt(now)
                                .setUpdatedAt(now)
                                .build())
                        .build());
        return id;
    }
}

package io.orderhub.callbacks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.callbacks.OrderEvents;
import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderEventType;
import io.orderhub.events.OrderStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallbackBodyTest {

    private static final Instant AT = Instant.parse("2025-03-01T10:15:30.123456Z");

    @Test
    void rendersExactlyTheContractFieldsInOrder() {
        OrderEvents order = OrderEvents.anOrder("woocommerce", "10023");
        UUID paymentId = UUID.fromString("0190f3c4-1111-7000-8000-000000000001");
        OrderEvent event = order.event(
                OrderEventType.STATUS_CHANGED,
                3,
                OrderStatus.PAID,
                "47.49",
                "0",
                OrderEvents.aSucceededPayment(paymentId, "stripe", "47.49"),
                AT);

        assertThat(CallbackBody.render(event, event.getType()))
                .isEqualTo("{\"event_id\":\"" + event.getEventId() + "\",\"type\":\"order.status_changed\","
                        + "\"order_id\":\"" + order.orderId() + "\",\"source\":\"woocommerce\","
                        + "\"source_order_id\":\"10023\",\"status\":\"paid\",\"version\":3,\"paid_amount\":47.49,"
                        + "\"refunded_amount\":0.00,\"payment\":{\"payment_id\":\"" + paymentId + "\","
                        + "\"provider\":\"stripe\",\"status\":\"succeeded\",\"amount\":47.49,\"refunded_amount\":0.00,"
                        + "\"version\":2},\"timestamp\":\"2025-03-01T10:15:30.123Z\"}");
    }

    @Test
    void writesAmountsWithTheCurrencysFractionDigitsAndANullPaymentWhenNoneCausedIt() {
        OrderEvents order = OrderEvents.anOrder("pos", "T-9", "JPY", "1200");
        OrderEvent event = order.event(OrderEventType.PAYMENT_UPDATED, 2, OrderStatus.PENDING, "500", "0", null, AT);

        String body = CallbackBody.render(event, event.getType());

        assertThat(body)
                .contains("\"type\":\"order.payment_updated\"")
                .contains("\"paid_amount\":500,\"refunded_amount\":0,\"payment\":null");
    }
}

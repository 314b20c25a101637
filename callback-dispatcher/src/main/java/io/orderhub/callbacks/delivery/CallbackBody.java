package io.orderhub.callbacks.delivery;

import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderEventType;
import io.orderhub.events.PaymentSummary;
import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract's callback body, exactly its fields in a fixed order. Rendered once per delivery and stored,
 * so retries send identical bytes. Amounts are JSON numbers with the currency's own fraction digits
 * ({@code 47.49} EUR, {@code 1200} JPY), {@code timestamp} is when the order change happened (RFC 3339 UTC).
 */
final class CallbackBody {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final DateTimeFormatter RFC_3339 =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private CallbackBody() {}

    static String type(OrderEventType type) {
        return switch (type) {
            case STATUS_CHANGED -> "order.status_changed";
            case PAYMENT_UPDATED -> "order.payment_updated";
            case CREATED -> throw new IllegalArgumentException("CREATED is not called back");
        };
    }

    /** The body of the event's order state, sent as a change of this type. */
    static String render(OrderEvent event, OrderEventType type) {
        var order = event.getOrder();
        String currency = order.getCurrency();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_id", event.getEventId().toString());
        body.put("type", type(type));
        body.put("order_id", event.getOrderId().toString());
        body.put("source", order.getSource());
        body.put("source_order_id", order.getSourceOrderId());
        body.put("status", order.getStatus().name().toLowerCase(Locale.ROOT));
        body.put("version", event.getVersion());
        body.put("paid_amount", amount(order.getPaidAmount(), currency));
        body.put("refunded_amount", amount(order.getRefundedAmount(), currency));
        body.put("payment", payment(event.getCausingPayment(), currency));
        body.put("timestamp", timestamp(event.getOccurredAt()));
        return json(body);
    }

    /** The body's fields in their order; amounts as plain JSON numbers (never {@code 1E+3}). */
    static String json(Map<String, Object> body) {
        return JSON.writeValueAsString(body);
    }

    private static Map<String, Object> payment(PaymentSummary payment, String currency) {
        if (payment == null) {
            return null;
        }
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("payment_id", payment.getPaymentId().toString());
        block.put("provider", payment.getProvider());
        block.put("status", payment.getStatus().name().toLowerCase(Locale.ROOT));
        block.put("amount", amount(payment.getAmount(), currency));
        block.put("refunded_amount", amount(payment.getRefundedAmount(), currency));
        block.put("version", payment.getVersion());
        return block;
    }

    /** The event's decimal(19,4) at the currency's scale; exact, or the event itself is wrong. */
    static BigDecimal amount(BigDecimal amount, String currency) {
        return CurrencyCode.parse(currency)
                .map(code -> Money.of(amount, code).amount())
                // A currency the money module does not know cannot come from order-service; keep every digit.
                .orElseGet(() ->
                        amount.stripTrailingZeros().scale() < 0 ? amount.setScale(0) : amount.stripTrailingZeros());
    }

    static String timestamp(Instant at) {
        return RFC_3339.format(at.truncatedTo(ChronoUnit.MILLIS));
    }
}

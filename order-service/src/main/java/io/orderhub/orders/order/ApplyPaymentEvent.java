package io.orderhub.orders.order;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.events.PaymentEvent;
import io.orderhub.events.PaymentSnapshot;
import io.orderhub.messaging.inbox.Inbox;
import io.orderhub.schemas.EventTopic;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a payment event to its order: each event once (inbox), each payment's latest version only,
 * with the order row locked, and the resulting order change(s) published in the same transaction.
 */
@Service
public class ApplyPaymentEvent {

    private static final Logger log = LoggerFactory.getLogger(ApplyPaymentEvent.class);

    private final OrderRepository orders;
    private final OrderEvents events;
    private final Inbox inbox;
    private final Clock clock;
    private final MeterRegistry meters;

    ApplyPaymentEvent(OrderRepository orders, OrderEvents events, Inbox inbox, Clock clock, MeterRegistry meters) {
        this.orders = orders;
        this.events = events;
        this.inbox = inbox;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public void apply(PaymentEvent event) {
        if (!inbox.firstDelivery(event.getEventId(), EventTopic.PAYMENT_EVENTS.topicName())) {
            count("duplicate");
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Order> found = orders.lockForUpdate(new OrderId(event.getOrderId()));
        if (found.isEmpty()) {
            // payment-service knows orders only from this service's events, so this is lost data or a bug:
            // kept for a human, rather than blocking every later event of the partition.
            log.error(
                    "Payment event {} (payment {}, version {}) names order {}, which does not exist; kept in"
                            + " unmatched_payment_events",
                    event.getEventId(),
                    event.getPaymentId(),
                    event.getVersion(),
                    event.getOrderId());
            orders.recordUnmatched(
                    event.getEventId(), event.getOrderId(), event.getPaymentId(), event.getVersion(), now);
            count("unmatched");
            return;
        }
        Order order = found.get();
        boolean wasOverpaid = order.state().overpaid();
        try {
            if (event.getImported()) {
                order.seedImportedPayment(payment(event));
            } else {
                order.applyPayment(payment(event), now);
            }
        } catch (PaymentAmountOutOfRange e) {
            log.error("Payment event {} refused as a permanent failure: {}", event.getEventId(), e.getMessage());
            count("out_of_range");
            throw e;
        }
        orders.save(order);
        events.publish(order);
        count(order.changes().isEmpty() ? "no_order_change" : "order_changed");
        if (!wasOverpaid && order.state().overpaid()) {
            OrderState state = order.state();
            log.warn(
                    "Order {} is overpaid: {} received, {} refunded, grand total {} (payment {}, event {}); refund the"
                            + " excess",
                    state.id(),
                    state.paidAmount(),
                    state.refundedAmount(),
                    state.totals().grandTotal(),
                    event.getPaymentId(),
                    event.getEventId());
            meters.counter("orderhub.orders.overpaid").increment();
        }
    }

    /**
     * {@code orderhub.orders.payment_events{outcome}}: order_changed, no_order_change (an older version, or
     * nothing visible), duplicate (a redelivery), unmatched (an unknown order: alert on this one), out_of_range
     * (refused, counted at each attempt: alert on this one too). Orders that become overpaid are counted in
     * {@code orderhub.orders.overpaid}.
     */
    private void count(String outcome) {
        meters.counter("orderhub.orders.payment_events", "outcome", outcome).increment();
    }

    private static OrderPayment payment(PaymentEvent event) {
        PaymentSnapshot p = event.getPayment();
        return new OrderPayment(
                event.getPaymentId(),
                p.getProvider(),
                PaymentStatus.valueOf(p.getStatus().name()),
                p.getAmount(),
                p.getCurrency(),
                p.getRefundedAmount(),
                event.getVersion());
    }
}

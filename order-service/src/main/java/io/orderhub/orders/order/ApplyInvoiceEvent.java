package io.orderhub.orders.order;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.events.InvoiceEvent;
import io.orderhub.events.InvoiceEventType;
import io.orderhub.messaging.inbox.Inbox;
import io.orderhub.money.Money;
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
 * Applies payment-service's invoice events to their order: a credit note lowers what the buyer of an order on
 * account owes (an early-payment discount taken by a bank transfer, a correction), so that payments and credit
 * notes together settle the order. Each event once (inbox), the order row locked, the resulting change published
 * in the same transaction. Issued invoices and reminders change nothing here.
 */
@Service
public class ApplyInvoiceEvent {

    private static final Logger log = LoggerFactory.getLogger(ApplyInvoiceEvent.class);

    private final OrderRepository orders;
    private final OrderEvents events;
    private final Inbox inbox;
    private final Clock clock;
    private final MeterRegistry meters;

    ApplyInvoiceEvent(OrderRepository orders, OrderEvents events, Inbox inbox, Clock clock, MeterRegistry meters) {
        this.orders = orders;
        this.events = events;
        this.inbox = inbox;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public void apply(InvoiceEvent event) {
        if (event.getType() != InvoiceEventType.CREDIT_NOTE_ISSUED) {
            count("not_a_credit_note");
            return;
        }
        if (!inbox.firstDelivery(event.getEventId(), EventTopic.INVOICE_EVENTS.topicName())) {
            count("duplicate");
            return;
        }
        Optional<Order> found = orders.lockForUpdate(new OrderId(event.getOrderId()));
        if (found.isEmpty() || found.get().state().onAccount() == null) {
            // payment-service invoices only orders on account it learnt from this service's events: lost data or
            // a bug, logged for a human rather than blocking every later event of the partition.
            log.error(
                    "Invoice event {} (credit note {} of invoice {}) names order {}, which {}; ignored",
                    event.getEventId(),
                    event.getCreditNote() == null ? null : event.getCreditNote().getNumber(),
                    event.getInvoiceNumber(),
                    event.getOrderId(),
                    found.isEmpty() ? "does not exist" : "is not on account");
            count("unmatched");
            return;
        }
        Order order = found.get();
        Money credited = Money.of(event.getCreditedAmount(), order.state().currency());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        order.applyCredit(credited, event.getCreditNote().getNumber(), now);
        orders.save(order);
        events.publish(order);
        count(order.changes().isEmpty() ? "no_order_change" : "order_changed");
    }

    /**
     * {@code orderhub.orders.invoice_events{outcome}}: order_changed (the credit note settled the order),
     * no_order_change (only its credited amount moved, or a smaller total came late), duplicate (a redelivery),
     * not_a_credit_note (invoices and reminders), unmatched (an unknown order or one not on account: alert on it).
     */
    private void count(String outcome) {
        meters.counter("orderhub.orders.invoice_events", "outcome", outcome).increment();
    }
}

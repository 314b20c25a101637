package io.orderhub.payments.invoice;

import io.orderhub.messaging.id.Ids;
import io.orderhub.payments.order.OrderConfirmedOnAccount;
import io.orderhub.payments.order.OrderView;
import io.orderhub.payments.order.Orders;
import io.orderhub.payments.payment.InvalidRequest;
import io.orderhub.payments.payment.OrderNotYetSeen;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues an order on account's invoice: on request, or when the order event that confirms it is applied (in that
 * event's transaction, so exactly once with the read model). The order's read-model row is locked first, so a
 * request and the confirmation never both issue; the number is taken last, from the series' counter row.
 */
@Service
public class IssueInvoice {

    static final String SERIES = "RE";
    static final String ACTOR = "system";
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final Orders orders;
    private final InvoiceRepository invoices;
    private final InvoiceEvents events;
    private final Clock clock;

    IssueInvoice(Orders orders, InvoiceRepository invoices, InvoiceEvents events, Clock clock) {
        this.orders = orders;
        this.invoices = invoices;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Waits (outside any transaction) up to five seconds for an order whose event is still on its way; an order
     * still unknown is {@link OrderNotYetSeen}. Call before {@link #issue}.
     */
    public void awaitOrder(UUID orderId) {
        if (orders.await(orderId, PATIENCE).isEmpty()) {
            throw new OrderNotYetSeen(orderId);
        }
    }

    /** The order's invoice, or {@link AlreadyInvoiced} naming the one it has; only orders on account. */
    @Transactional
    public Invoice issue(UUID orderId, String actor) {
        OrderView order = orders.lock(orderId).orElseThrow(() -> new OrderNotYetSeen(orderId));
        Optional<Invoice> existing = invoices.findByOrder(orderId);
        if (existing.isPresent()) {
            throw new AlreadyInvoiced(
                    orderId, existing.get().id(), existing.get().number());
        }
        if (order.onAccount() == null) {
            throw new InvalidRequest("order_id", "is not an order on account: only those are invoiced");
        }
        if (order.cancelled()) {
            throw new InvalidRequest("order_id", "is cancelled: a cancelled order is not invoiced");
        }
        return issue(order, actor);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderConfirmedOnAccount event) {
        // The event consumer holds the order's row lock; an invoice issued on request before is left as it is.
        orders.find(event.orderId())
                .filter(order -> invoices.findByOrder(order.id()).isEmpty())
                .ifPresent(order -> issue(order, ACTOR));
    }

    private Invoice issue(OrderView order, String actor) {
        Instant now = clock.instant();
        int year = now.atZone(Invoice.ZONE).getYear();
        String number = number(SERIES, year, invoices.nextNumber(SERIES, year));
        Invoice invoice = Invoice.issue(
                Ids.next(), number, order.id(), order.source(), order.onAccount(), order.grandTotal(), now, actor);
        invoices.insert(invoice);
        Invoice issued = invoices.find(invoice.id()).orElseThrow();
        events.issued(issued, actor);
        return issued;
    }

    /** {@code RE-2026-000001}: series, year, the number within them. */
    static String number(String series, int year, long n) {
        return "%s-%d-%06d".formatted(series, year, n);
    }
}

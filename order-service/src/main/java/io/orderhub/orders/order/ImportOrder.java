package io.orderhub.orders.order;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import io.orderhub.orders.customer.Customer;
import io.orderhub.orders.customer.CustomerDetails;
import io.orderhub.orders.customer.CustomerRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings one order of the old hub over (bin/orderhub-import, docs/switch-over.md): under its old id, in the
 * status its history ends with, its history rows numbered as versions 1..n, its amounts as the import
 * repaired them. Importing it again changes nothing and answers the stored order. Its one event is a
 * {@code CREATED} marked {@code imported}: every read model learns the order, no channel is called back.
 */
@Service
public class ImportOrder {

    /** The reason on the imported order's event. */
    static final String REASON = "imported from the old hub";

    private final OrderRepository orders;
    private final CustomerRepository customers;
    private final OrderEvents events;
    private final Clock clock;

    ImportOrder(OrderRepository orders, CustomerRepository customers, OrderEvents events, Clock clock) {
        this.orders = orders;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    /** One history row of the old hub, already de-duplicated; {@code oldStatus} null for the creation row. */
    public record History(String oldStatus, String newStatus, String reason, String changedBy, Instant changedAt) {}

    /**
     * The order as the import repaired it, checked on construction ({@link InvalidOrderException} names every
     * invalid field). {@code customerRef} is the old hub's customer id; {@code reviewReason} says why a human
     * should look at the order (null when nothing is unknown).
     */
    public record Command(
            UUID id,
            String source,
            String sourceOrderId,
            String customerId,
            UUID customerRef,
            CustomerDetails customer,
            String currency,
            String status,
            BigDecimal subtotal,
            BigDecimal taxTotal,
            BigDecimal shippingTotal,
            BigDecimal discountTotal,
            BigDecimal grandTotal,
            BigDecimal paidAmount,
            BigDecimal refundedAmount,
            List<PlaceOrder.Item> items,
            List<History> history,
            String metadataJson,
            Instant createdAt,
            String reviewReason) {

        public Command {
            customer = customer == null ? new CustomerDetails(null, null, null) : customer;
            items = items == null ? null : Collections.unmodifiableList(new ArrayList<>(items));
            history = history == null ? null : Collections.unmodifiableList(new ArrayList<>(history));
            Violations v = new Violations();
            if (id == null) {
                v.add("id", "is required");
            }
            v.requiredText("source", source, 64);
            v.requiredText("source_order_id", sourceOrderId, 255);
            v.optionalText("customer_id", customerId, 255);
            v.optionalText("customer.name", customer.name(), 255);
            v.optionalText("customer.phone", customer.phone(), 64);
            v.optionalText("customer.email", customer.email(), 320);
            v.optionalText("review_reason", reviewReason, 1000);
            CurrencyCode code = v.currency("currency", currency);
            if (OrderStatus.fromApiName(status).isEmpty()) {
                v.add("status", "must be one of the order statuses");
            }
            BigDecimal[] amounts = {
                subtotal, taxTotal, shippingTotal, discountTotal, grandTotal, paidAmount, refundedAmount
            };
            String[] names = {
                "subtotal",
                "tax_total",
                "shipping_total",
                "discount_total",
                "grand_total",
                "paid_amount",
                "refunded_amount"
            };
            for (int i = 0; i < names.length; i++) {
                if (amounts[i] == null) {
                    v.add(names[i], "is required");
                } else {
                    v.amount(names[i], amounts[i], code);
                }
            }
            if (items == null) {
                v.add("items", "is required (may be empty)");
            } else if (items.size() > PlaceOrder.MAX_ITEMS) {
                v.add("items", "at most " + PlaceOrder.MAX_ITEMS + " items");
            } else {
                for (int i = 0; i < items.size(); i++) {
                    PlaceOrder.Command.validateItem(v, "items[" + i + "]", items.get(i), code);
                }
            }
            if (createdAt == null) {
                v.add("created_at", "is required");
            }
            validateHistory(v, history, status);
            v.throwIfAny();
        }

        /** A chain: the first row creates (no old status), each next one starts where the last ended. */
        private static void validateHistory(Violations v, List<History> history, String status) {
            if (history == null || history.isEmpty()) {
                v.add("history", "at least the creation row is required");
                return;
            }
            String previous = null;
            for (int i = 0; i < history.size(); i++) {
                History row = history.get(i);
                String path = "history[" + i + "]";
                if (row == null) {
                    v.add(path, "must be an object");
                    return;
                }
                if (!java.util.Objects.equals(row.oldStatus(), previous)) {
                    v.add(path + ".old_status", "must be " + (previous == null ? "null" : previous));
                }
                if (OrderStatus.fromApiName(row.newStatus()).isEmpty()) {
                    v.add(path + ".new_status", "must be one of the order statuses");
                }
                v.requiredText(path + ".changed_by", row.changedBy(), 255);
                v.optionalText(path + ".reason", row.reason(), 1000);
                if (row.changedAt() == null) {
                    v.add(path + ".changed_at", "is required");
                }
                previous = row.newStatus();
            }
            if (!java.util.Objects.equals(previous, status)) {
                v.add("history", "must end with the order's status " + status);
            }
        }
    }

    /** The stored order and whether this call stored it (false: it was imported before). */
    public record Result(OrderState order, boolean created) {}

    @Transactional
    public Result importOrder(Command command, String actor) {
        OrderId id = new OrderId(command.id());
        Optional<OrderState> existing = orders.find(id);
        if (existing.isPresent()) {
            return new Result(existing.get(), false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CurrencyCode currency = CurrencyCode.of(command.currency());
        CustomerDetails details = command.customer();
        Instant createdAt = command.createdAt().truncatedTo(ChronoUnit.MICROS);
        Customer customer = details.isEmpty()
                ? null
                : command.customerRef() == null
                        ? customers.upsert(command.source(), details, createdAt)
                        : customers.importCustomer(command.customerRef(), command.source(), details, createdAt);
        List<History> history = command.history();
        Instant updatedAt = history.get(history.size() - 1).changedAt().truncatedTo(ChronoUnit.MICROS);
        OrderState state = new OrderState(
                id,
                command.source(),
                command.sourceOrderId(),
                command.customerId(),
                customer,
                OrderStatus.fromApiName(command.status()).orElseThrow(),
                history.size(),
                currency,
                new Totals(
                        Money.of(command.subtotal(), currency),
                        Money.of(command.taxTotal(), currency),
                        Money.of(command.shippingTotal(), currency),
                        Money.of(command.discountTotal(), currency),
                        Money.of(command.grandTotal(), currency)),
                Money.of(command.paidAmount(), currency),
                Money.of(command.refundedAmount(), currency),
                PlaceOrder.items(currency, command.items()),
                List.of(),
                command.metadataJson(),
                createdAt,
                updatedAt.isBefore(createdAt) ? createdAt : updatedAt,
                // The old hub had no contracts: no imported order is on account.
                null);
        Order order = Order.imported(state, actor);
        List<HistoryEntry> entries = new ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            History row = history.get(i);
            entries.add(new HistoryEntry(
                    i + 1,
                    row.oldStatus() == null
                            ? null
                            : OrderStatus.fromApiName(row.oldStatus()).orElseThrow(),
                    OrderStatus.fromApiName(row.newStatus()).orElseThrow(),
                    row.reason(),
                    row.changedBy(),
                    row.changedAt().truncatedTo(ChronoUnit.MICROS)));
        }
        if (!orders.insertImported(order, entries, command.reviewReason(), now)) {
            UUID other = orders.findBySource(command.source(), command.sourceOrderId())
                    .map(s -> s.id().value())
                    .orElseThrow(() -> new IllegalStateException("Order " + id + " was neither inserted nor found"));
            throw new OrderExistsException(new OrderId(other), command.source(), command.sourceOrderId());
        }
        events.publish(order);
        return new Result(state, true);
    }
}

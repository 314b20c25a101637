package io.orderhub.orders.order;

import io.orderhub.orders.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A channel moves an order to another status. The order row is locked for the change, so a concurrent
 * payment or request waits; the change, its history row and its event commit together.
 */
@Service
public class ChangeOrderStatus {

    private final OrderRepository orders;
    private final OrderEvents events;
    private final Clock clock;

    ChangeOrderStatus(OrderRepository orders, OrderEvents events, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    /** The status asked for (the contract's lower-case name) and why; checked on construction. */
    public record Command(OrderId orderId, String status, String reason) {

        public Command {
            Violations v = new Violations();
            if (status == null || status.isBlank()) {
                v.add("status", "is required");
            } else {
                OrderStatus.fromApiName(status)
                        .ifPresentOrElse(
                                s -> {
                                    if (s.isSetByPayments()) {
                                        v.add("status", s.apiName() + " is set by payments, never by a request");
                                    }
                                },
                                () -> v.add("status", "must be one of " + OrderStatus.requestableNames()));
            }
            v.optionalText("reason", reason, 1000);
            v.throwIfAny();
            reason = reason == null || reason.isBlank() ? null : reason;
        }

        OrderStatus target() {
            return OrderStatus.fromApiName(status).orElseThrow();
        }
    }

    /** The order after the request: unchanged when it already had that status. */
    @Transactional
    public OrderState change(Command command, Caller caller) {
        Order order = orders.lockForUpdate(command.orderId())
                .filter(o -> caller.canSee(o.state().source()))
                .orElseThrow(() -> new OrderNotFoundException("No order " + command.orderId()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        order.requestStatus(command.target(), command.reason(), caller.name(), now);
        orders.save(order);
        events.publish(order);
        return order.state();
    }
}

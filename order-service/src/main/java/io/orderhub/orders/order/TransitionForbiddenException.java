package io.orderhub.orders.order;

/** The status machine does not allow this move. */
public class TransitionForbiddenException extends RuntimeException {

    private final OrderStatus from;
    private final OrderStatus to;

    public TransitionForbiddenException(OrderStatus from, OrderStatus to) {
        super("An order in status " + from.apiName() + " cannot move to " + to.apiName());
        this.from = from;
        this.to = to;
    }

    public OrderStatus from() {
        return from;
    }

    public OrderStatus to() {
        return to;
    }
}

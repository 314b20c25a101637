package io.orderhub.orders.order;

/** The channel already placed an order with this {@code source_order_id}. */
public class OrderExistsException extends RuntimeException {

    private final OrderId existing;

    public OrderExistsException(OrderId existing, String source, String sourceOrderId) {
        super("Order " + sourceOrderId + " of " + source + " exists already as " + existing);
        this.existing = existing;
    }

    public OrderId existing() {
        return existing;
    }
}

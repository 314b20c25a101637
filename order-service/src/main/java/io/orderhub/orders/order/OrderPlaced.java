package io.orderhub.orders.order;

/** A channel placed (or imported) the order, in its initial status. */
public record OrderPlaced(OrderState state, String actor) implements OrderChange {}

package io.orderhub.orders.order;

import java.util.List;

/** One page of orders and where the next one starts (null on the last page). */
public record OrderPage(List<OrderState> orders, OrderQuery.Position next) {}

/**
 * Orders: the {@link io.orderhub.orders.order.Order} aggregate and its status machine, placing orders,
 * status changes, payments as the order sees them, history, queries, and the order events they publish.
 */
package io.orderhub.orders.order;

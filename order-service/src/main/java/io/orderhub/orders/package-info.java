/** order-service: orders, their status machine and history, published as order events. */
package io.orderhub.orders;

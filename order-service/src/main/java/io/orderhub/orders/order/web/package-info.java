/** The REST API of orders. */
package io.orderhub.orders.order.web;

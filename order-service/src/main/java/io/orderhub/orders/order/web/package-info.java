/** The orders REST API (ARCHITECTURE.md, Orders): create, read, list, history and status transitions. */
package io.orderhub.orders.order.web;

/** What every feature's web layer of order-service shares: the caller of a request, query parameters. */
package io.orderhub.orders.web;

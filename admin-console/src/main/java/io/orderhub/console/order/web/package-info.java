/** The order search and an order's timeline. */
package io.orderhub.console.order.web;

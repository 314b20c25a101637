/** Customers: one per email address per channel, taken from the orders that name them. */
package io.orderhub.orders.customer;

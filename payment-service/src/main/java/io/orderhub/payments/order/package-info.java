/** The order read model: what payments need to know of orders, kept from order events. */
package io.orderhub.payments.order;

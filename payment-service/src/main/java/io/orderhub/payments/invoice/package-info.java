/** Invoices of orders on account and their credit notes: issued once, numbered without gaps, never changed. */
package io.orderhub.payments.invoice;

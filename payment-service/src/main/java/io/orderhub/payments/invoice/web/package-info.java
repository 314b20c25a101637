/** The invoices API for admin keys: issue, read, list, credit notes. */
package io.orderhub.payments.invoice.web;

/** The payment reads of the REST contract, and the JSON shape of payments and refunds every endpoint answers. */
package io.orderhub.payments.payment.web;

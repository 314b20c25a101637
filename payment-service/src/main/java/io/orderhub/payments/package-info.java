/** payment-service: payments through the providers, refunds, disputes, and the order facts they need. */
package io.orderhub.payments;

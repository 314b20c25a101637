/**
 * Card-present payments for the POS through Stripe Terminal: connection tokens for its readers and Terminal
 * PaymentIntents for what is open on an order, created on the same path as every other payment.
 */
package io.orderhub.payments.terminal;

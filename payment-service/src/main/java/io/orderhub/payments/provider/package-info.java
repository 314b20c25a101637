/** The payment providers behind one small interface: Stripe (stripe-java), BTCPay Greenfield, and recorded payments. */
package io.orderhub.payments.provider;

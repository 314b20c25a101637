/** Creating payments: through Stripe or BTCPay (never inside a transaction), or recorded as a channel reports them. */
package io.orderhub.payments.creation;

/** Refunds a channel asks for: pending until the provider confirms, recorded at once for recorded payments. */
package io.orderhub.payments.refund;

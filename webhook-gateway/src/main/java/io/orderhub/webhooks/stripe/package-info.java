/** Stripe webhooks: Stripe-Signature verification, event type and PaymentIntent reference, publishing. */
package io.orderhub.webhooks.stripe;

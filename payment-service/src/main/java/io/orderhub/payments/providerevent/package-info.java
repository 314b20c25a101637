/** Applies provider webhooks (orderhub.provider-events.v1) to payments, refunds and disputes, each event once. */
package io.orderhub.payments.providerevent;

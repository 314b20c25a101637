/** webhook-gateway: verified Stripe and BTCPay webhooks onto Kafka; no state of its own. */
package io.orderhub.webhooks;

/** Load on the webhook gateway: verified Stripe webhooks per second and accept latency. */
package io.orderhub.bench.webhooks;

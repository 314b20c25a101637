/** End-to-end latency: a signed Stripe webhook at the edge until the owning channel's callback arrives. */
package io.orderhub.bench.endtoend;

/** Idempotency-Key (IETF draft, Stripe semantics): claims with a lease, stored responses replayed byte for byte. */
package io.orderhub.httpapi.idempotency;

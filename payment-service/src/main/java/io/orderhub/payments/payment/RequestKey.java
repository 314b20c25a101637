package io.orderhub.payments.payment;

/**
 * What makes a provider-calling request re-runnable: the caller's API key and Idempotency-Key, and a digest
 * of what it asked for (so the same key with another request is refused, not re-driven).
 */
public record RequestKey(String scope, String key, String digest) {}

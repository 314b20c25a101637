package io.orderhub.httpapi.idempotency;

/**
 * The Idempotency-Key this request holds, as a request attribute; {@code completed} once its answer was
 * stored together with the effect.
 */
final class ActiveClaim {

    static final String ATTRIBUTE = ActiveClaim.class.getName();

    final String apiKey;
    final String key;
    volatile boolean completed;

    ActiveClaim(String apiKey, String key) {
        this.apiKey = apiKey;
        this.key = key;
    }
}

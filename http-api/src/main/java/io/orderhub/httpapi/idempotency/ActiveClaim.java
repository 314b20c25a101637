package io.orderhub.httpapi.idempotency;

/**
 * The Idempotency-Key this request holds, as a request attribute, with the fencing token it holds it
 * under; {@code completed} once its answer was stored together with the effect, {@code lost} when
 * another request took the key over meanwhile (this one's lease had run out).
 */
final class ActiveClaim {

    static final String ATTRIBUTE = ActiveClaim.class.getName();

    final String apiKey;
    final String key;
    final long fence;
    volatile boolean completed;
    volatile boolean lost;

    ActiveClaim(String apiKey, String key, long fence) {
        this.apiKey = apiKey;
        this.key = key;
        this.fence = fence;
    }
}

package io.orderhub.httpapi.idempotency;

/**
 * What a request holding an Idempotency-Key may do: go ahead (it now holds the key, under the fencing
 * token {@code fence}), replay the stored answer, or be refused because the key is in flight or was used
 * for another request.
 */
record Claim(Outcome outcome, StoredResponse stored, long fence) {

    enum Outcome {
        PROCEED,
        REPLAY,
        IN_FLIGHT,
        MISMATCH
    }

    static Claim proceed(long fence) {
        return new Claim(Outcome.PROCEED, null, fence);
    }

    static Claim replay(StoredResponse stored) {
        return new Claim(Outcome.REPLAY, stored, 0);
    }

    static Claim inFlight() {
        return new Claim(Outcome.IN_FLIGHT, null, 0);
    }

    static Claim mismatch() {
        return new Claim(Outcome.MISMATCH, null, 0);
    }
}

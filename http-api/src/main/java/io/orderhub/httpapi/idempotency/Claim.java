package io.orderhub.httpapi.idempotency;

/**
 * What a request holding an Idempotency-Key may do: go ahead (it now holds the key), replay the stored
 * answer, or be refused because the key is in flight or was used for another request.
 */
record Claim(Outcome outcome, StoredResponse stored) {

    enum Outcome {
        PROCEED,
        REPLAY,
        IN_FLIGHT,
        MISMATCH
    }

    static Claim proceed() {
        return new Claim(Outcome.PROCEED, null);
    }

    static Claim replay(StoredResponse stored) {
        return new Claim(Outcome.REPLAY, stored);
    }

    static Claim inFlight() {
        return new Claim(Outcome.IN_FLIGHT, null);
    }

    static Claim mismatch() {
        return new Claim(Outcome.MISMATCH, null);
    }
}

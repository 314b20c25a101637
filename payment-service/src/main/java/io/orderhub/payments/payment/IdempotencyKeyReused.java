package io.orderhub.payments.payment;

/** An Idempotency-Key sent again with a request other than the one it was first used for. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String what) {
        super("This Idempotency-Key was used for a different " + what);
    }
}

package io.orderhub.payments.bank;

/** A body that is not a camt.053 or camt.054 the hub can read: a 422 saying why, nothing stored. */
public class UnreadableStatement extends RuntimeException {

    public UnreadableStatement(String message) {
        super(message);
    }
}

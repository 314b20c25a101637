package io.orderhub.payments.reconciliation;

/** No reconciliation run with this id. */
public class RunNotFound extends RuntimeException {

    public RunNotFound() {
        super("No such reconciliation run");
    }
}

package io.orderhub.payments.payment;

/** A status move the payment table does not allow: 409 for a request; for a provider event, recorded and ignored. */
public class IllegalTransition extends RuntimeException {

    private final PaymentStatus from;
    private final PaymentStatus to;

    public IllegalTransition(PaymentStatus from, PaymentStatus to) {
        super("A payment cannot move from " + from.wireName() + " to " + to.wireName());
        this.from = from;
        this.to = to;
    }

    public PaymentStatus from() {
        return from;
    }

    public PaymentStatus to() {
        return to;
    }
}

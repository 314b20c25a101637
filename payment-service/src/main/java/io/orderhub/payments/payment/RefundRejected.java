package io.orderhub.payments.payment;

/** A refund the payment cannot take: the payment is not refundable (409) or the amount is above what is left (422). */
public class RefundRejected extends RuntimeException {

    private final boolean conflict;

    RefundRejected(String message, boolean conflict) {
        super(message);
        this.conflict = conflict;
    }

    /** True when the payment's status forbids it (409), false when the amount does (422). */
    public boolean conflict() {
        return conflict;
    }
}

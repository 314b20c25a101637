package io.orderhub.payments.payment;

import java.util.UUID;

/** A recorded payment sent again with a status its current one cannot move to. */
public class RecordedStatusRefused extends RuntimeException {

    private final UUID paymentId;
    private final PaymentStatus current;

    public RecordedStatusRefused(UUID paymentId, IllegalTransition cause) {
        super(cause.getMessage(), cause);
        this.paymentId = paymentId;
        this.current = cause.from();
    }

    public UUID paymentId() {
        return paymentId;
    }

    public PaymentStatus current() {
        return current;
    }
}

package io.orderhub.payments.payment;

/** The provider did not cancel the payment: it moved on meanwhile (e.g. it succeeded) and stays as it is now. */
public class CancellationRefused extends RuntimeException {

    private final PaymentStatus current;

    public CancellationRefused(PaymentStatus current, String provider) {
        super("The payment could not be cancelled: it is " + current.wireName() + " at " + provider);
        this.current = current;
    }

    public PaymentStatus current() {
        return current;
    }
}

package io.orderhub.payments.payment;

/** No published payment with this id that the caller may see: another channel's payment is as absent. */
public class PaymentNotFound extends RuntimeException {

    public PaymentNotFound() {
        super("No such payment");
    }
}

package io.orderhub.callbacks.delivery;

/** No such delivery, or one of another channel (which must look the same, so ids do not leak). */
public class DeliveryNotFoundException extends RuntimeException {

    public DeliveryNotFoundException(String detail) {
        super(detail);
    }
}

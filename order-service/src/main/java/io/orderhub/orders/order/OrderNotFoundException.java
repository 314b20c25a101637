package io.orderhub.orders.order;

/** No such order, or one of another channel (which must look the same, so ids do not leak). */
public class OrderNotFoundException extends RuntimeException {

    public OrderNotFoundException(String detail) {
        super(detail);
    }
}

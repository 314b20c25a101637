package io.orderhub.callbacks.delivery;

/** A replay that cannot be sent: the channel has no callback endpoint, or it is disabled. */
public class ReplayRefusedException extends RuntimeException {

    public ReplayRefusedException(String detail) {
        super(detail);
    }
}

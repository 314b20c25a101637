package io.orderhub.console.hub;

/** A service refused the console's request (4xx); {@code detail} is the problem's own, safe to show. */
public class HubRefusal extends RuntimeException {

    private final int status;

    HubRefusal(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

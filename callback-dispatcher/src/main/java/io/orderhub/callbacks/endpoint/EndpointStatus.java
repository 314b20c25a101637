package io.orderhub.callbacks.endpoint;

import java.time.Instant;

/** An endpoint as stored: where it points and whether a 410 disabled it. */
public record EndpointStatus(
        String name, String url, String format, Instant disabledAt, String disabledUrl, String disabledReason) {

    public boolean disabled() {
        return disabledAt != null;
    }
}

package io.orderhub.callbacks.sending;

import java.net.UnknownHostException;

/**
 * A target the SSRF guard refused. An {@link UnknownHostException} because OkHttp's {@code Dns} may only
 * throw that; no connection is attempted.
 */
class RefusedTarget extends UnknownHostException {

    RefusedTarget(String message) {
        super(message);
    }
}

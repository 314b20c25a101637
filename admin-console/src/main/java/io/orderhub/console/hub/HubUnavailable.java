package io.orderhub.console.hub;

/** A service could not answer the console (unreachable, or a 5xx). */
public class HubUnavailable extends RuntimeException {

    HubUnavailable(String message) {
        super(message);
    }
}

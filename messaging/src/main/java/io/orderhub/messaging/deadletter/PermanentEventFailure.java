package io.orderhub.messaging.deadletter;

/**
 * Thrown by a consumer for an event it can never apply as it stands (it contradicts the data, names
 * something impossible): after a few retries the event goes to its topic's dead-letter topic instead of
 * blocking its partition. The message is logged and kept with the dead letter, so it names ids, never
 * payload contents or secrets.
 */
public class PermanentEventFailure extends RuntimeException {

    public PermanentEventFailure(String message) {
        super(message);
    }

    public PermanentEventFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

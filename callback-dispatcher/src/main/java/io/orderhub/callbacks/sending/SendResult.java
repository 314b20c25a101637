package io.orderhub.callbacks.sending;

import java.time.Duration;

/**
 * What one attempt came to.
 *
 * @param responseCode the HTTP status, or null when no answer came (refused, timeout, connection error)
 * @param retryAfter the receiver's {@code Retry-After}, or null
 * @param responseExcerpt the start of the answer's body, for people reading the delivery
 * @param error why the attempt failed, in words; null on success
 * @param url the URL of the last request made (or refused)
 */
public record SendResult(
        Outcome outcome,
        Integer responseCode,
        Duration retryAfter,
        long latencyMs,
        String responseExcerpt,
        String error,
        String url) {

    public enum Outcome {
        /** 2xx. */
        DELIVERED,
        /** Any other answer, a timeout or a connection error: retried on the schedule. */
        FAILED,
        /** 410 Gone: the receiver asks never to be called again; the endpoint is disabled. */
        GONE,
        /** Not sent: the target is not allowed or the endpoint cannot be called (no request was made). */
        REFUSED
    }

    static SendResult refused(String reason, String url) {
        return new SendResult(Outcome.REFUSED, null, null, 0, null, reason, url);
    }
}

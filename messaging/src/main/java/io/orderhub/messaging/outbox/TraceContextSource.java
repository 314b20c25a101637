package io.orderhub.messaging.outbox;

/**
 * The current trace context in Debezium's {@code tracingspancontext} format (Java properties text,
 * {@code traceparent=00-<trace id>-<span id>-<flags>}), or null outside a trace.
 */
@FunctionalInterface
public interface TraceContextSource {

    TraceContextSource NONE = () -> null;

    String current();

    /** The {@code traceparent} inside a {@code tracingspancontext} text, or null. */
    static String traceparentOf(String tracingSpanContext) {
        if (tracingSpanContext == null) {
            return null;
        }
        for (String line : tracingSpanContext.split("\n")) {
            if (line.startsWith("traceparent=")) {
                return line.substring("traceparent=".length()).trim();
            }
        }
        return null;
    }
}

package io.orderhub.messaging.outbox;

/**
 * The current trace context in Debezium's {@code tracingspancontext} format (Java properties text,
 * {@code traceparent=00-<trace id>-<span id>-<flags>}), or null outside a trace.
 */
@FunctionalInterface
public interface TraceContextSource {

    TraceContextSource NONE = () -> null;

    String current();
}

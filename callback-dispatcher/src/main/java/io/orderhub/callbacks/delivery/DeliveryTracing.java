package io.orderhub.callbacks.delivery;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.orderhub.messaging.outbox.TraceContextSource;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sends a callback inside the trace of the order change it carries (kept with the delivery when it was
 * recorded), so a provider's webhook, the payment and order changes it caused and the callback to the
 * channel are one trace, however long the delivery waited for its attempt.
 */
@Component
class DeliveryTracing {

    private final Tracer tracer;
    private final Propagator propagator;

    DeliveryTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable();
        this.propagator = propagator.getIfAvailable();
    }

    void within(String traceContext, Runnable work) {
        String traceparent = TraceContextSource.traceparentOf(traceContext);
        if (tracer == null || propagator == null || traceparent == null) {
            work.run();
            return;
        }
        Span span = propagator
                .extract(Map.of("traceparent", traceparent), Map::get)
                .name("callback delivery")
                .start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            work.run();
        } finally {
            span.end();
        }
    }
}

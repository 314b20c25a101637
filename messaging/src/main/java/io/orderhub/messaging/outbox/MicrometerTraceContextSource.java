package io.orderhub.messaging.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/** The W3C trace context of Micrometer Tracing's current span. */
final class MicrometerTraceContextSource implements TraceContextSource {

    private final Tracer tracer;

    MicrometerTraceContextSource(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public String current() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        TraceContext context = span.context();
        String flags = Boolean.TRUE.equals(context.sampled()) ? "01" : "00";
        return "traceparent=00-" + context.traceId() + "-" + context.spanId() + "-" + flags;
    }
}

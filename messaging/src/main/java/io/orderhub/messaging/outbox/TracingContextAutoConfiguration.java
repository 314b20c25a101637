package io.orderhub.messaging.outbox;

import io.micrometer.tracing.Tracer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Keeps the trace context of the writing request in the outbox row, when the service traces. */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration"
        },
        before = OutboxAutoConfiguration.class)
@ConditionalOnClass(Tracer.class)
@ConditionalOnBean(Tracer.class)
public class TracingContextAutoConfiguration {

    @Bean
    TraceContextSource micrometerTraceContext(Tracer tracer) {
        return new MicrometerTraceContextSource(tracer);
    }
}

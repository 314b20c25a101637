package io.orderhub.payments.payment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.events.PaymentEventType;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code orderhub.payments.changes{type, status}}: every published payment change, by kind and resulting status. */
@Component
class PaymentChangeMetrics {

    private final MeterRegistry registry;

    PaymentChangeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void increment(PaymentEventType type, PaymentStatus status) {
        Counter.builder("orderhub.payments.changes")
                .description("Payment changes published, by event type and the payment's status after it")
                .tag("type", type.name().toLowerCase(Locale.ROOT))
                .tag("status", status.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }
}

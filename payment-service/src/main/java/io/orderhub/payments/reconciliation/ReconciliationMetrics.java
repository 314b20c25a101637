package io.orderhub.payments.reconciliation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.payments.provider.ProviderBooks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code orderhub.reconciliation.mismatches} (counter: provider, kind, resolution), and per provider the gauges
 * the alert rules read: {@code orderhub.reconciliation.unresolved} (mismatches its last completed run left to a
 * person) and {@code orderhub.reconciliation.last.success} (when that run finished, Unix seconds; NaN before the
 * first). The gauges start from the database, so a restart does not reset them.
 */
@Component
class ReconciliationMetrics {

    private static final long NEVER = Long.MIN_VALUE;

    private final MeterRegistry meters;
    private final RunSteps steps;
    private final List<ProviderBooks> books;
    private final Map<String, AtomicLong> unresolved = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    ReconciliationMetrics(MeterRegistry meters, RunSteps steps, List<ProviderBooks> books) {
        this.meters = meters;
        this.steps = steps;
        this.books = books;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        for (ProviderBooks provider :
                books.stream().filter(ProviderBooks::configured).toList()) {
            steps.lastCompleted(provider.name())
                    .ifPresentOrElse(
                            run -> set(provider.name(), run.unresolved(), run.finishedAt()),
                            () -> gauges(provider.name()));
        }
    }

    void completed(String provider, List<Mismatch> mismatches, Instant finishedAt) {
        for (Mismatch m : mismatches) {
            meters.counter(
                            "orderhub.reconciliation.mismatches",
                            "provider",
                            provider,
                            "kind",
                            m.kind().wireName(),
                            "resolution",
                            m.resolution().wireName())
                    .increment();
        }
        set(
                provider,
                (int) mismatches.stream()
                        .filter(m -> m.resolution() == Resolution.REPORTED)
                        .count(),
                finishedAt);
    }

    private void set(String provider, int open, Instant finishedAt) {
        gauges(provider);
        unresolved.get(provider).set(open);
        lastSuccess.get(provider).set(finishedAt.getEpochSecond());
    }

    private void gauges(String provider) {
        unresolved.computeIfAbsent(provider, name -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("orderhub.reconciliation.unresolved", value, AtomicLong::get)
                    .tag("provider", name)
                    .description("Mismatches the provider's last completed reconciliation run left to a person")
                    .register(meters);
            return value;
        });
        lastSuccess.computeIfAbsent(provider, name -> {
            AtomicLong value = new AtomicLong(NEVER);
            Gauge.builder("orderhub.reconciliation.last.success", value, v -> v.get() == NEVER ? Double.NaN : v.get())
                    .tag("provider", name)
                    .baseUnit("seconds")
                    .description("When the provider's last reconciliation run completed (Unix time)")
                    .register(meters);
            return value;
        });
    }
}

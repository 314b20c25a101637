package io.orderhub.callbacks.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The dispatcher's meters, under {@code orderhub.callbacks}:
 *
 * <ul>
 *   <li>{@code orderhub.callbacks.delivery.latency} (timer, per channel): from the order change
 *       ({@code occurred_at} of the order event) until the channel acknowledged the callback — what the
 *       end-to-end benchmark reads;
 *   <li>{@code orderhub.callbacks.attempt.duration} (timer, per channel and outcome): one HTTP attempt;
 *   <li>{@code orderhub.callbacks.outcomes} (counter, per channel and outcome): delivered, attempt_failed,
 *       refused, dead_lettered, superseded, skipped, endpoint_disabled;
 *   <li>{@code orderhub.callbacks.endpoints.disabled} (gauge): endpoints a 410 disabled — alert on it;
 *   <li>{@code orderhub.callbacks.deliveries.purged} (counter): finished deliveries deleted after the retention.
 * </ul>
 *
 * Counted after the transaction that made the change committed, so a rolled-back change is never counted.
 */
@Component
public class DeliveryMetrics {

    static final String DELIVERY_LATENCY = "orderhub.callbacks.delivery.latency";
    static final String ATTEMPT_DURATION = "orderhub.callbacks.attempt.duration";
    static final String OUTCOMES = "orderhub.callbacks.outcomes";
    static final String DISABLED_ENDPOINTS = "orderhub.callbacks.endpoints.disabled";
    static final String PURGED = "orderhub.callbacks.deliveries.purged";

    private final MeterRegistry registry;
    private final AtomicInteger disabledEndpoints = new AtomicInteger();
    private final Counter purged;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge(DISABLED_ENDPOINTS, disabledEndpoints);
        this.purged = Counter.builder(PURGED)
                .description("Finished deliveries deleted, with their attempts, after the retention")
                .register(registry);
    }

    void outcomeAfterCommit(String channel, String outcome) {
        afterCommit(() -> outcome(channel, outcome));
    }

    void outcome(String channel, String outcome) {
        Counter.builder(OUTCOMES)
                .description("What became of deliveries and attempts, by channel and outcome")
                .tag("channel", channel)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    void attempt(String channel, String outcome, Duration duration) {
        Timer.builder(ATTEMPT_DURATION)
                .description("One callback attempt over HTTP")
                .tag("channel", channel)
                .tag("outcome", outcome)
                .register(registry)
                .record(duration);
    }

    void delivered(String channel, Duration sinceChange) {
        Timer.builder(DELIVERY_LATENCY)
                .description("From the order change until the channel acknowledged its callback")
                .tag("channel", channel)
                .publishPercentileHistogram()
                .register(registry)
                .record(sinceChange.isNegative() ? Duration.ZERO : sinceChange);
    }

    void disabledEndpoints(int count) {
        disabledEndpoints.set(count);
    }

    /** Counts deliveries a committed purge batch deleted. */
    void purged(int deliveries) {
        purged.increment(deliveries);
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}

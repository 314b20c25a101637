package io.orderhub.callbacks.delivery;

import io.orderhub.callbacks.CallbackProperties;
import io.orderhub.callbacks.endpoint.CallbackEndpoints;
import io.orderhub.callbacks.endpoint.Endpoint;
import io.orderhub.callbacks.endpoint.EndpointStates;
import io.orderhub.callbacks.sending.CallbackSender;
import io.orderhub.callbacks.sending.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The workers: a loop claims due deliveries per endpoint — never more than that endpoint's free slots
 * ({@code per-endpoint-concurrency} per instance), so one slow channel cannot take the others' threads —
 * and sends each on a worker thread, then records the outcome. Woken at once when this instance records a
 * delivery or frees a slot; otherwise it polls, which is how the instances share the work.
 */
@Component
class DeliveryDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final CallbackEndpoints endpoints;
    private final EndpointStates endpointStates;
    private final ClaimDueDeliveries claimer;
    private final CompleteAttempt completer;
    private final CallbackSender sender;
    private final DeliveryMetrics metrics;
    private final DispatchSignal signal;
    private final CallbackProperties properties;
    private final Clock clock;
    private final DeliveryTracing tracing;
    private final Map<String, Semaphore> slots;

    private volatile boolean running;
    private Thread loop;
    private ExecutorService workers;

    DeliveryDispatcher(
            CallbackEndpoints endpoints,
            EndpointStates endpointStates,
            ClaimDueDeliveries claimer,
            CompleteAttempt completer,
            CallbackSender sender,
            DeliveryMetrics metrics,
            DispatchSignal signal,
            CallbackProperties properties,
            Clock clock,
            DeliveryTracing tracing) {
        this.endpoints = endpoints;
        this.endpointStates = endpointStates;
        this.claimer = claimer;
        this.completer = completer;
        this.sender = sender;
        this.metrics = metrics;
        this.signal = signal;
        this.properties = properties;
        this.clock = clock;
        this.tracing = tracing;
        this.slots = endpoints.all().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Endpoint::name, endpoint -> new Semaphore(properties.perEndpointConcurrency())));
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        int threads = Math.max(1, slots.size() * properties.perEndpointConcurrency());
        AtomicInteger number = new AtomicInteger();
        workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "callback-worker-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        loop = new Thread(this::run, "callback-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        loop.interrupt();
        workers.shutdown();
        try {
            // Attempts on the wire get their timeout to finish; anything cut off is claimed again after its lease.
            if (!workers.awaitTermination(properties.timeout().toSeconds() + 5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
            loop.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                round();
            } catch (RuntimeException e) {
                log.warn("Claiming due callbacks failed; trying again: {}", e.toString());
            }
            try {
                signal.await(properties.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void round() {
        Set<String> disabled = endpointStates.disabledNames();
        metrics.disabledEndpoints(disabled.size());
        for (Endpoint endpoint : endpoints.all()) {
            Semaphore free = slots.get(endpoint.name());
            int available = Math.min(free.availablePermits(), properties.batchSize());
            if (!running || disabled.contains(endpoint.name()) || available == 0) {
                continue;
            }
            List<ClaimDueDeliveries.Claim> claims = claimer.claim(endpoint, available);
            for (ClaimDueDeliveries.Claim claim : claims) {
                free.acquireUninterruptibly();
                workers.execute(() -> attempt(endpoint, claim, free));
            }
        }
    }

    private void attempt(Endpoint endpoint, ClaimDueDeliveries.Claim claim, Semaphore slot) {
        tracing.within(claim.traceContext(), () -> attemptInTrace(endpoint, claim, slot));
    }

    private void attemptInTrace(Endpoint endpoint, ClaimDueDeliveries.Claim claim, Semaphore slot) {
        try {
            Instant started = clock.instant();
            Delivery delivery = claim.delivery();
            SendResult result = sender.send(endpoint, delivery.id(), delivery.payload());
            metrics.attempt(
                    delivery.channel(),
                    result.outcome().name().toLowerCase(Locale.ROOT),
                    Duration.ofMillis(result.latencyMs()));
            completer.complete(claim, endpoint, result, started).ifPresent(completion -> {
                logOutcome(delivery, completion.outcome(), result);
                metrics.outcome(delivery.channel(), completion.outcome());
                if (completion.outcome().equals("delivered") && delivery.replayOf() == null) {
                    metrics.delivered(delivery.channel(), Duration.between(delivery.occurredAt(), clock.instant()));
                }
                if (completion.outcome().equals("endpoint_disabled")) {
                    metrics.outcome(delivery.channel(), "dead_lettered");
                }
            });
        } catch (RuntimeException e) {
            // The claim stays until its lease runs out; then the delivery is attempted again.
            log.error(
                    "Recording the attempt of delivery {} failed; it is retried after its lease",
                    claim.delivery().id(),
                    e);
        } finally {
            slot.release();
            signal.wake();
        }
    }

    private static void logOutcome(Delivery delivery, String outcome, SendResult result) {
        try (MDC.MDCCloseable orderId =
                        MDC.putCloseable("order_id", delivery.orderId().toString());
                MDC.MDCCloseable deliveryId =
                        MDC.putCloseable("delivery_id", delivery.id().toString())) {
            log.info(
                    "Callback {} ({}) of order {} v{} to {}: {} (attempt {}, HTTP {}, {} ms)",
                    delivery.id(),
                    delivery.type(),
                    delivery.orderId(),
                    delivery.orderVersion(),
                    delivery.channel(),
                    outcome,
                    delivery.attempts(),
                    result.responseCode() == null ? "-" : result.responseCode(),
                    result.latencyMs());
        }
    }
}

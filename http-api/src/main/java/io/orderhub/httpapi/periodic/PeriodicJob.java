package io.orderhub.httpapi.periodic;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a job every {@code interval} (fixed delay, first run one interval after start) in its own daemon thread
 * while the application runs — the retention purges of Idempotency-Keys, of the inbox and of callback
 * deliveries. A failed run is logged with its message only (no stack trace in the logs) and the job runs again
 * after the next interval.
 */
public final class PeriodicJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final Duration interval;
    private final Runnable job;
    private ScheduledExecutorService scheduler;

    /** {@code name} names the thread and the log line of a failed run, e.g. {@code inbox-purge}. */
    public PeriodicJob(String name, Duration interval, Runnable job) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(name + " needs a positive interval, not " + interval);
        }
        this.name = name;
        this.interval = interval;
        this.job = job;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        long period = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::runOnce, period, period, TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            job.run();
        } catch (RuntimeException e) {
            log.warn("{} failed, will retry: {}", name, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}

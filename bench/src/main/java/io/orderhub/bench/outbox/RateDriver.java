package io.orderhub.bench.outbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Starts transactions at a fixed rate on a pool of writers, open loop: the schedule does not wait for
 * slow transactions, which queue instead, so a stalled database shows up as writer latency (measured
 * from each transaction's intended start) and as a lower achieved rate, never as a quietly lower load.
 */
final class RateDriver {

    @FunctionalInterface
    interface Transaction {
        void run(long index) throws Exception;
    }

    private RateDriver() {}

    static Result run(int perSecond, Duration duration, int threads, Transaction transaction) {
        long total = perSecond * duration.toSeconds();
        long period = 1_000_000_000L / perSecond;
        Recorder latency = new Recorder(3);
        LongAdder completed = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        pool.prestartAllCoreThreads();
        int maxQueued = 0;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long intended = start + i * period;
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            long index = i;
            pool.execute(() -> {
                try {
                    transaction.run(index);
                    latency.recordValue(Math.max(0, (System.nanoTime() - intended) / 1_000));
                    completed.increment();
                } catch (Exception e) {
                    failed.increment();
                    firstFailure.compareAndSet(null, e);
                }
            });
            maxQueued = Math.max(maxQueued, pool.getQueue().size());
        }
        pool.shutdown();
        // A busy machine leaves a long queue behind the schedule; it is reported, not cut off.
        Duration grace = Duration.ofMinutes(5).plus(duration.multipliedBy(10));
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
                throw new IllegalStateException("Writers did not finish within " + grace + " of the schedule's end");
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writers finished", e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (firstFailure.get() != null) {
            System.err.println("Writer transactions failed (" + failed.sum() + "), first: " + firstFailure.get());
        }
        return new Result(
                total,
                completed.sum(),
                failed.sum(),
                completed.sum() / seconds,
                maxQueued,
                latency.getIntervalHistogram());
    }

    /**
     * @param intendedToCommit microseconds from each transaction's scheduled start to its commit returning
     */
    record Result(
            long scheduled,
            long committed,
            long failed,
            double achievedPerSecond,
            int maxQueued,
            Histogram intendedToCommit) {

        Map<String, Object> describe() {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("scheduled", scheduled);
            described.put("committed", committed);
            described.put("failed", failed);
            described.put("achieved_per_s", Math.round(achievedPerSecond * 10) / 10.0);
            described.put("max_queued_transactions", maxQueued);
            return described;
        }
    }
}

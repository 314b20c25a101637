package io.orderhub.bench.outbox;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Pairs each measured outbox row's commit, as its writer saw it, with Kafka's acknowledgement of its
 * record, as the relay's producer saw it ({@link AckInterceptor}), both on this JVM's
 * {@link System#nanoTime()} clock. Production code is untouched: the writer notes its times in a
 * transaction synchronisation, the producer's acknowledgements reach an interceptor named in the
 * producer configuration.
 *
 * <p>Kafka instantiates interceptors itself from a class name, so the interceptor finds this tracker
 * through {@link #INSTANCE}.
 */
final class AckTracker {

    static final AckTracker INSTANCE = new AckTracker();

    private final Map<UUID, Timing> pending = new ConcurrentHashMap<>();
    private final Recorder commitToAck = new Recorder(3);
    private final Recorder appendToAck = new Recorder(3);
    private final LongAdder ackedBeforeCommitReturned = new LongAdder();
    private final LongAdder failedAcks = new LongAdder();
    private volatile Drain drain;

    private AckTracker() {}

    /** Called before a measured row's transaction starts; rows not expected are not timed. */
    void expect(UUID eventId) {
        pending.put(eventId, new Timing());
    }

    /** Just before the outbox insert: the start of what the relay's own lag metric measures. */
    void appending(UUID eventId, long nanos) {
        Timing timing = pending.get(eventId);
        if (timing != null) {
            synchronized (timing) {
                timing.appendAt = nanos;
            }
        }
    }

    /** The writer's commit returned. */
    void committed(UUID eventId, long nanos) {
        Timing timing = pending.get(eventId);
        if (timing != null) {
            synchronized (timing) {
                timing.committedAt = nanos;
                completeIfBoth(eventId, timing);
            }
        }
    }

    /** The transaction rolled back: its row never existed. */
    void forget(UUID eventId) {
        pending.remove(eventId);
    }

    /** Kafka acknowledged the record of this event id. */
    void acknowledged(UUID eventId, long nanos) {
        Drain current = drain;
        if (current != null) {
            current.acked(nanos);
        }
        Timing timing = pending.get(eventId);
        if (timing != null) {
            synchronized (timing) {
                if (timing.ackedAt == 0) {
                    timing.ackedAt = nanos;
                    completeIfBoth(eventId, timing);
                }
            }
        }
    }

    void failed() {
        failedAcks.increment();
    }

    private void completeIfBoth(UUID eventId, Timing timing) {
        if (timing.committedAt == 0 || timing.ackedAt == 0) {
            return;
        }
        long commitMicros = (timing.ackedAt - timing.committedAt) / 1_000;
        if (commitMicros < 0) {
            // The relay can read a row as soon as the server made it visible, a moment before the writer's
            // driver returns from commit; Kafka then acknowledged within that moment.
            ackedBeforeCommitReturned.increment();
            commitMicros = 0;
        }
        commitToAck.recordValue(commitMicros);
        appendToAck.recordValue(Math.max(0, (timing.ackedAt - timing.appendAt) / 1_000));
        pending.remove(eventId);
    }

    /** Measured rows committed (or not yet committed) whose record Kafka has not acknowledged. */
    int unacknowledged() {
        return pending.size();
    }

    long ackedBeforeCommitReturned() {
        return ackedBeforeCommitReturned.sum();
    }

    long failedAcks() {
        return failedAcks.sum();
    }

    /** Commit → acknowledgement in microseconds since the last call; resets. */
    Histogram takeCommitToAck() {
        return commitToAck.getIntervalHistogram();
    }

    /** Outbox insert → acknowledgement in microseconds since the last call; resets. */
    Histogram takeAppendToAck() {
        return appendToAck.getIntervalHistogram();
    }

    /** Starts counting acknowledgements towards a backlog of {@code rows}. */
    Drain startDrain(long rows) {
        Drain started = new Drain(rows);
        drain = started;
        return started;
    }

    void stopDrain() {
        drain = null;
    }

    private static final class Timing {
        long appendAt;
        long committedAt;
        long ackedAt;
    }

    /** Times at which 1, 10 %, 90 % and all of a backlog's records were acknowledged. */
    static final class Drain {
        private final long rows;
        private final AtomicLong acked = new AtomicLong();
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile long firstAt;
        private volatile long tenthAt;
        private volatile long ninetiethAt;
        private volatile long lastAt;

        private Drain(long rows) {
            this.rows = rows;
        }

        private void acked(long nanos) {
            long count = acked.incrementAndGet();
            if (count == 1) {
                firstAt = nanos;
            }
            if (count == Math.max(1, rows / 10)) {
                tenthAt = nanos;
            }
            if (count == Math.max(1, rows * 9 / 10)) {
                ninetiethAt = nanos;
            }
            if (count == rows) {
                lastAt = nanos;
                done.countDown();
            }
        }

        boolean await(long timeout, TimeUnit unit) throws InterruptedException {
            return done.await(timeout, unit);
        }

        long acked() {
            return acked.get();
        }

        long firstAt() {
            return firstAt;
        }

        long tenthAt() {
            return tenthAt;
        }

        long ninetiethAt() {
            return ninetiethAt;
        }

        long lastAt() {
            return lastAt;
        }

        long rows() {
            return rows;
        }
    }
}

package io.orderhub.messaging.outbox;

import static io.orderhub.messaging.jooq.Tables.OUTBOX;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes outbox rows to Kafka in outbox order and deletes them once Kafka acknowledged them.
 *
 * <p>One relay per service is active: the instance holding a PostgreSQL session advisory lock. It keeps
 * the connection that holds the lock and does all its work on it, so it cannot publish once it has lost
 * the lock; if its process dies, PostgreSQL ends the session and a standby takes over within
 * {@code standbyRetry}.
 *
 * <p>Order: a writer locks its aggregate's row before it appends, so one aggregate's rows commit in
 * position order, and a batch is sent in position order through an idempotent producer. Rows are read
 * as "everything still in the table", never "after the last position seen", so a transaction that
 * commits late with an earlier position is still picked up. When a send fails, no later row of that
 * aggregate is deleted in that round, so a retry can only repeat events, never reorder them (consumers
 * deduplicate through their inbox and versions).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** First key of the two-int advisory lock: "outbox relay"; the second is the schema's hash. */
    private static final int LOCK_CLASS = 0x0b0c_5e1a;

    private final DataSource dataSource;
    private final Supplier<Producer<String, byte[]>> producers;
    private final OutboxProperties properties;
    private final OutboxMetrics metrics;
    private final Semaphore work = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean leader;
    private Thread thread;

    public OutboxRelay(
            DataSource dataSource,
            Supplier<Producer<String, byte[]>> producers,
            OutboxProperties properties,
            OutboxMetrics metrics) {
        this.dataSource = dataSource;
        this.producers = producers;
        this.properties = properties;
        this.metrics = metrics;
    }

    /** Called after a local commit appended rows: publish now rather than at the next poll. */
    public void wakeUp() {
        work.release();
    }

    /** Whether this instance holds the relay lock right now. */
    public boolean isLeader() {
        return leader;
    }

    @Override
    public synchronized void start() {
        if (running || !properties.relayEnabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        work.release();
        if (thread != null) {
            try {
                thread.join(properties.sendTimeout().plusSeconds(5).toMillis());
                if (thread.isAlive()) {
                    // Stuck on a broker that does not answer: interrupt, so the lock's session ends now.
                    thread.interrupt();
                    thread.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server and listeners (higher phases stop first), so late commits still go out. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
                if (tryLock(db)) {
                    leader = true;
                    log.info("Outbox relay active");
                    try {
                        // The relay's deletes need not wait for the WAL flush: a delete lost in a database
                        // crash only means its rows are published again, which consumers' inboxes absorb.
                        // Every writer's outbox insert keeps its synchronous commit.
                        db.execute("set synchronous_commit = off");
                        relay(db);
                    } finally {
                        leader = false;
                        if (!unlock(db)) {
                            // Never hand a connection that may still hold the lock back to the pool.
                            connection.abort(Runnable::run);
                        }
                    }
                } else {
                    pause(properties.standbyRetry());
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Outbox relay interrupted, retrying: {}", e.toString());
                    pause(properties.standbyRetry());
                }
            }
        }
    }

    private void relay(DSLContext db) {
        try (Producer<String, byte[]> producer = producers.get()) {
            while (running) {
                int published = publishBatch(db, producer);
                if (published < properties.batchSize()) {
                    awaitWork();
                }
            }
        }
    }

    /** Publishes one batch and deletes what Kafka acknowledged; throws when a send failed. */
    int publishBatch(DSLContext db, Producer<String, byte[]> producer) {
        List<Row> rows = db.select(
                        OUTBOX.POSITION,
                        OUTBOX.ID,
                        OUTBOX.AGGREGATETYPE,
                        OUTBOX.AGGREGATEID,
                        OUTBOX.TYPE,
                        OUTBOX.TOPIC,
                        OUTBOX.PAYLOAD,
                        OUTBOX.TRACINGSPANCONTEXT,
                        OUTBOX.CREATED_AT)
                .from(OUTBOX)
                .orderBy(OUTBOX.POSITION)
                .limit(properties.batchSize())
                .fetch(Records.mapping(Row::new));
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        Exception failure = null;
        for (Row row : rows) {
            // Only a prefix of the batch is sent when the round ends early; the rest stay for the next
            // round, after the rows before them, so order holds.
            if (!running) {
                break;
            }
            Future<RecordMetadata> ack = producer.send(row.toProducerRecord());
            acks.add(ack);
            if (failedAlready(ack)) {
                // The producer could not even queue it (no metadata within max.block.ms): each further send
                // would block as long, keeping the round, the lock and stop() waiting rows × max.block.ms.
                break;
            }
        }
        producer.flush();

        List<Long> delivered = new ArrayList<>(acks.size());
        Set<String> failedAggregates = new HashSet<>();
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        for (int i = 0; i < acks.size(); i++) {
            Row row = rows.get(i);
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!failedAggregates.contains(row.aggregateId())) {
                    delivered.add(row.position());
                    metrics.published(row.topic(), row.createdAt());
                }
            } catch (Exception e) {
                failedAggregates.add(row.aggregateId());
                failure = failure == null ? e : failure;
            }
        }
        if (!delivered.isEmpty()) {
            db.deleteFrom(OUTBOX)
                    .where(OUTBOX.POSITION.eq(DSL.any(delivered.toArray(Long[]::new))))
                    .execute();
        }
        if (failure != null) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            metrics.failed();
            throw new IllegalStateException(
                    "Kafka did not acknowledge " + (acks.size() - delivered.size()) + " outbox rows", failure);
        }
        return acks.size();
    }

    private static boolean failedAlready(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return false;
        }
        try {
            ack.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private boolean tryLock(DSLContext db) {
        return Boolean.TRUE.equals(db.select(field(
                        "pg_try_advisory_lock({0}, hashtext(current_schema()))", Boolean.class, inline(LOCK_CLASS)))
                .fetchOne(0, Boolean.class));
    }

    /** Releases the lock before the connection goes back to the pool; false when that failed. */
    private boolean unlock(DSLContext db) {
        try {
            db.execute("reset synchronous_commit");
            db.select(field("pg_advisory_unlock({0}, hashtext(current_schema()))", Boolean.class, inline(LOCK_CLASS)))
                    .fetch();
            return true;
        } catch (RuntimeException e) {
            log.warn("Relay lock not released, closing its connection instead: {}", e.toString());
            return false;
        }
    }

    private void awaitWork() {
        try {
            work.tryAcquire(properties.pollInterval().toNanos(), TimeUnit.NANOSECONDS);
            work.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void pause(Duration duration) {
        try {
            work.tryAcquire(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private record Row(
            Long position,
            UUID id,
            String aggregateType,
            String aggregateId,
            String type,
            String topic,
            byte[] payload,
            String tracingSpanContext,
            OffsetDateTime createdAt) {

        ProducerRecord<String, byte[]> toProducerRecord() {
            RecordHeaders headers = new RecordHeaders();
            headers.add("id", id.toString().getBytes(StandardCharsets.UTF_8));
            headers.add("type", type.getBytes(StandardCharsets.UTF_8));
            headers.add("aggregatetype", aggregateType.getBytes(StandardCharsets.UTF_8));
            String traceparent = TraceContextSource.traceparentOf(tracingSpanContext);
            if (traceparent != null) {
                headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            }
            return new ProducerRecord<>(topic, null, aggregateId, payload, headers);
        }
    }
}

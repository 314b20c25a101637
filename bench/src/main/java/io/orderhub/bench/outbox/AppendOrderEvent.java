package io.orderhub.bench.outbox;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import io.orderhub.messaging.outbox.Outbox;
import io.orderhub.schemas.EventTopic;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The writer of the latency run, shaped like the services' use cases: lock the order's row, bump its
 * version, append the event to the outbox, commit. It notes, for measured events, when the outbox insert
 * starts and when the commit has returned. The bench module has no jOOQ code generation for one table,
 * hence the plain table and field references.
 */
class AppendOrderEvent {

    static final Table<Record> BENCH_ORDER = table("bench_order");
    static final Field<UUID> ID = field("id", UUID.class);
    static final Field<Long> VERSION = field("version", Long.class);

    private final DSLContext db;
    private final Outbox outbox;
    private final OrderEvents events;
    private final AckTracker tracker;

    AppendOrderEvent(DSLContext db, Outbox outbox, OrderEvents events, AckTracker tracker) {
        this.db = db;
        this.outbox = outbox;
        this.events = events;
        this.tracker = tracker;
    }

    @Transactional
    public void append(UUID orderId, UUID eventId) {
        long version = db.select(VERSION)
                        .from(BENCH_ORDER)
                        .where(ID.eq(orderId))
                        .forUpdate()
                        .fetchSingle(VERSION)
                + 1;
        db.update(BENCH_ORDER).set(VERSION, version).where(ID.eq(orderId)).execute();
        tracker.appending(eventId, System.nanoTime());
        outbox.append(EventTopic.ORDER_EVENTS, "order", orderId, events.next(eventId, orderId, version));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            // Every afterCommit runs before any afterCompletion, so this time is taken before the outbox's
            // after-completion hook wakes the relay.
            @Override
            public void afterCommit() {
                tracker.committed(eventId, System.nanoTime());
            }

            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    tracker.forget(eventId);
                }
            }
        });
    }
}

package io.orderhub.messaging.outbox;

import static io.orderhub.messaging.jooq.Tables.OUTBOX;

import org.jooq.DSLContext;

/** How many rows wait for the relay: a growing backlog means the relay is down or Kafka is. */
public class OutboxBacklog {

    private final DSLContext db;

    public OutboxBacklog(DSLContext db) {
        this.db = db;
    }

    public double rows() {
        try {
            return db.fetchCount(OUTBOX);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}

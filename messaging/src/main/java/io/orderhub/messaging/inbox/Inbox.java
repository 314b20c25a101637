package io.orderhub.messaging.inbox;

import static io.orderhub.messaging.jooq.Tables.INBOX;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers which events a consumer applied. Kafka delivers at least once; recording the event id in
 * the effect's own transaction turns that into exactly-once effects.
 */
public class Inbox {

    private final DSLContext db;

    public Inbox(DSLContext db) {
        this.db = db;
    }

    /**
     * Records the event as consumed and answers true, or answers false when it was consumed before, in
     * which case the caller must not apply it again. Must run in the transaction that applies the effect.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(UUID eventId, String topic) {
        return db.insertInto(INBOX)
                        .set(INBOX.EVENT_ID, eventId)
                        .set(INBOX.TOPIC, topic)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /** Forgets events consumed longer ago than the retention (which must exceed Kafka's). */
    @Transactional
    public int purgeOlderThan(Duration retention) {
        return db.deleteFrom(INBOX)
                .where(INBOX.CONSUMED_AT.lt(OffsetDateTime.now().minus(retention)))
                .execute();
    }
}

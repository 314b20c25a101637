package io.orderhub.messaging;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import io.orderhub.events.CallbackEvent;
import io.orderhub.events.CallbackEventType;
import io.orderhub.messaging.outbox.Outbox;
import io.orderhub.schemas.EventTopic;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A use case as the services write them: lock the aggregate's row, bump its version, append the event.
 * CallbackEvent serves as the payload because it is the smallest event with an aggregate and a version.
 */
@Component
public class AppendTestEvent {

    private final DSLContext db;
    private final Outbox outbox;

    AppendTestEvent(DSLContext db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    @Transactional
    public UUID append(UUID aggregateId) {
        Long current = db.select(field("version", Long.class))
                .from(table("test_aggregate"))
                .where(field("id", UUID.class).eq(aggregateId))
                .forUpdate()
                .fetchOne(0, Long.class);
        long version;
        if (current == null) {
            version = 1;
            db.insertInto(table("test_aggregate"), field("id"), field("version"))
                    .values(aggregateId, version)
                    .execute();
        } else {
            version = current + 1;
            db.update(table("test_aggregate"))
                    .set(field("version"), version)
                    .where(field("id", UUID.class).eq(aggregateId))
                    .execute();
        }
        UUID eventId = UUID.randomUUID();
        outbox.append(
                EventTopic.CALLBACK_EVENTS,
                "test",
                aggregateId,
                CallbackEvent.newBuilder()
                        .setEventId(eventId)
                        .setType(CallbackEventType.DELIVERED)
                        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MICROS))
                        .setDeliveryId(UUID.randomUUID())
                        .setVersion(version)
                        .setOrderId(aggregateId)
                        .setOrderVersion(version)
                        .setChannel("test")
                        .setAttempt(1)
                        .build());
        return eventId;
    }
}

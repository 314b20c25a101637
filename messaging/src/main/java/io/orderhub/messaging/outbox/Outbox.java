package io.orderhub.messaging.outbox;

import static io.orderhub.messaging.jooq.Tables.OUTBOX;

import io.orderhub.schemas.EventTopic;
import io.orderhub.schemas.serde.AvroSerializer;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.jooq.DSLContext;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends an event to the outbox inside the caller's transaction, so the event exists exactly when the
 * state change that caused it commits. The payload is serialised here (Confluent wire format, schema ids
 * registered at start-up), so the relay only moves bytes.
 */
public class Outbox {

    private final DSLContext db;
    private final AvroSerializer serializer;
    private final TraceContextSource traceContext;
    private final Runnable relayWakeUp;

    public Outbox(DSLContext db, AvroSerializer serializer, TraceContextSource traceContext, Runnable relayWakeUp) {
        this.db = db;
        this.serializer = serializer;
        this.traceContext = traceContext;
        this.relayWakeUp = relayWakeUp;
    }

    /**
     * Appends one event. The aggregate id becomes the Kafka key: the order id for order and payment
     * events alike, so one order's events stay in one partition, in commit order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(EventTopic topic, String aggregateType, UUID aggregateId, SpecificRecord event) {
        if (!topic.valueSchema().getFullName().equals(event.getSchema().getFullName())) {
            throw new IllegalArgumentException(
                    event.getSchema().getFullName() + " does not travel on " + topic.topicName());
        }
        db.insertInto(OUTBOX)
                .set(OUTBOX.ID, (UUID) field(event, "event_id"))
                .set(OUTBOX.AGGREGATETYPE, aggregateType)
                .set(OUTBOX.AGGREGATEID, aggregateId.toString())
                .set(OUTBOX.TYPE, String.valueOf(field(event, "type")))
                .set(OUTBOX.TOPIC, topic.topicName())
                .set(OUTBOX.PAYLOAD, serializer.serialize(topic.topicName(), event))
                .set(OUTBOX.TRACINGSPANCONTEXT, traceContext.current())
                .execute();
        wakeRelayAfterCommit();
    }

    private static Object field(SpecificRecord event, String name) {
        Schema.Field field = event.getSchema().getField(name);
        if (field == null) {
            throw new IllegalArgumentException(event.getSchema().getFullName() + " has no " + name + " field");
        }
        return event.get(field.pos());
    }

    /** One wake-up per transaction, however many events it appends. */
    private void wakeRelayAfterCommit() {
        if (TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
                if (status == STATUS_COMMITTED) {
                    relayWakeUp.run();
                }
            }
        });
    }
}

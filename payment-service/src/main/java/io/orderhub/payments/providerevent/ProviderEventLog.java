package io.orderhub.payments.providerevent;

import static io.orderhub.payments.jooq.Tables.PROVIDER_EVENT;
import static org.jooq.impl.DSL.row;

import io.orderhub.events.ProviderEvent;
import io.orderhub.payments.jooq.tables.records.ProviderEventRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Every provider event the hub saw, deduplicated on the provider's own event id, with what was done with it. */
@Repository
class ProviderEventLog {

    private final DSLContext db;

    ProviderEventLog(DSLContext db) {
        this.db = db;
    }

    /**
     * Records the event as seen; false when the provider sent it before (a retry), which is counted on the
     * first one's row.
     */
    boolean firstSeen(ProviderEvent event) {
        boolean first = firstSeen(
                provider(event),
                event.getProviderEventId(),
                event.getEventId(),
                event.getProviderEventType(),
                event.getProviderReference(),
                event.getOccurredAt(),
                event.getReceivedAt());
        if (!first) {
            db.update(PROVIDER_EVENT)
                    .set(PROVIDER_EVENT.DUPLICATES, PROVIDER_EVENT.DUPLICATES.plus(1))
                    .where(PROVIDER_EVENT.PROVIDER.eq(provider(event)))
                    .and(PROVIDER_EVENT.PROVIDER_EVENT_ID.eq(event.getProviderEventId()))
                    .execute();
        }
        return first;
    }

    /** A payment's events, in the order they were received. */
    List<ReceivedEvent> ofPayment(UUID paymentId) {
        return db.selectFrom(PROVIDER_EVENT)
                .where(PROVIDER_EVENT.PAYMENT_ID.eq(paymentId))
                .orderBy(PROVIDER_EVENT.RECEIVED_AT, PROVIDER_EVENT.EVENT_ID)
                .fetch(ProviderEventLog::received);
    }

    /**
     * Events with this outcome, the latest handled first: {@code limit} after the position ({@code at}, the
     * time it was handled, and the hub's event id).
     */
    List<ReceivedEvent> withOutcome(String outcome, Instant afterAt, UUID afterId, int limit) {
        Condition condition = PROVIDER_EVENT.OUTCOME.eq(outcome);
        if (afterAt != null) {
            condition = condition.and(row(PROVIDER_EVENT.APPLIED_AT, PROVIDER_EVENT.EVENT_ID)
                    .lt(OffsetDateTime.ofInstant(afterAt, ZoneOffset.UTC), afterId));
        }
        return db.selectFrom(PROVIDER_EVENT)
                .where(condition)
                .orderBy(PROVIDER_EVENT.APPLIED_AT.desc(), PROVIDER_EVENT.EVENT_ID.desc())
                .limit(limit)
                .fetch(ProviderEventLog::received);
    }

    private static ReceivedEvent received(ProviderEventRecord r) {
        return new ReceivedEvent(
                r.getProvider(),
                r.getProviderEventId(),
                r.getEventId(),
                r.getType(),
                r.getProviderReference(),
                r.getPaymentId(),
                r.getOutcome(),
                r.getDetail(),
                r.getOccurredAt().toInstant(),
                r.getReceivedAt().toInstant(),
                r.getAppliedAt().toInstant(),
                r.getDuplicates());
    }

    boolean firstSeen(
            String provider,
            String providerEventId,
            UUID eventId,
            String type,
            String reference,
            Instant occurredAt,
            Instant receivedAt) {
        return db.insertInto(PROVIDER_EVENT)
                        .set(PROVIDER_EVENT.PROVIDER, provider)
                        .set(PROVIDER_EVENT.PROVIDER_EVENT_ID, providerEventId)
                        .set(PROVIDER_EVENT.EVENT_ID, eventId)
                        .set(PROVIDER_EVENT.TYPE, type)
                        .set(PROVIDER_EVENT.PROVIDER_REFERENCE, reference)
                        .set(PROVIDER_EVENT.OUTCOME, "received")
                        .set(PROVIDER_EVENT.OCCURRED_AT, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
                        .set(PROVIDER_EVENT.RECEIVED_AT, OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC))
                        .set(PROVIDER_EVENT.APPLIED_AT, OffsetDateTime.now())
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    void outcome(ProviderEvent event, Outcome outcome) {
        outcome(provider(event), event.getProviderEventId(), outcome);
    }

    void outcome(String provider, String providerEventId, Outcome outcome) {
        db.update(PROVIDER_EVENT)
                .set(PROVIDER_EVENT.OUTCOME, outcome.kind().wireName())
                .set(PROVIDER_EVENT.PAYMENT_ID, outcome.paymentId())
                .set(PROVIDER_EVENT.DETAIL, outcome.detail())
                .where(PROVIDER_EVENT.PROVIDER.eq(provider))
                .and(PROVIDER_EVENT.PROVIDER_EVENT_ID.eq(providerEventId))
                .execute();
    }

    private static String provider(ProviderEvent event) {
        return event.getProvider().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** What happened to one event: applied, ignored (not a move the table allows, or nothing to do), unmatched. */
    record Outcome(Kind kind, UUID paymentId, String detail) {

        enum Kind {
            APPLIED,
            IGNORED,
            UNMATCHED;

            String wireName() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }

        static Outcome applied(UUID paymentId, String detail) {
            return new Outcome(Kind.APPLIED, paymentId, detail);
        }

        static Outcome ignored(UUID paymentId, String detail) {
            return new Outcome(Kind.IGNORED, paymentId, detail);
        }

        static Outcome unmatched(String detail) {
            return new Outcome(Kind.UNMATCHED, null, detail);
        }
    }
}

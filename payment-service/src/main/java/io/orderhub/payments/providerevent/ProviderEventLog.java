package io.orderhub.payments.providerevent;

import static io.orderhub.payments.jooq.Tables.PROVIDER_EVENT;

import io.orderhub.events.ProviderEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Every provider event the hub saw, deduplicated on the provider's own event id, with what was done with it. */
@Repository
class ProviderEventLog {

    private final DSLContext db;

    ProviderEventLog(DSLContext db) {
        this.db = db;
    }

    /** Records the event as seen; false when the provider sent it before (a retry or a redelivery). */
    boolean firstSeen(ProviderEvent event) {
        return firstSeen(
                provider(event),
                event.getProviderEventId(),
                event.getEventId(),
                event.getProviderEventType(),
                event.getProviderReference(),
                event.getOccurredAt(),
                event.getReceivedAt());
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

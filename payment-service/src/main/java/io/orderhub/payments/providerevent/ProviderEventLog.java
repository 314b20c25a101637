package io.orderhub.payments.providerevent;

import static io.orderhub.payments.jooq.Tables.PROVIDER_EVENT;

import io.orderhub.events.ProviderEvent;
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
        return db.insertInto(PROVIDER_EVENT)
                        .set(PROVIDER_EVENT.PROVIDER, event.getProvider().name().toLowerCase(java.util.Locale.ROOT))
                        .set(PROVIDER_EVENT.PROVIDER_EVENT_ID, event.getProviderEventId())
                        .set(PROVIDER_EVENT.EVENT_ID, event.getEventId())
                        .set(PROVIDER_EVENT.TYPE, event.getProviderEventType())
                        .set(PROVIDER_EVENT.PROVIDER_REFERENCE, event.getProviderReference())
                        .set(PROVIDER_EVENT.OUTCOME, "received")
                        .set(
                                PROVIDER_EVENT.OCCURRED_AT,
                                OffsetDateTime.ofInstant(event.getOccurredAt(), ZoneOffset.UTC))
                        .set(
                                PROVIDER_EVENT.RECEIVED_AT,
                                OffsetDateTime.ofInstant(event.getReceivedAt(), ZoneOffset.UTC))
                        .set(PROVIDER_EVENT.APPLIED_AT, OffsetDateTime.now())
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    void outcome(ProviderEvent event, Outcome outcome) {
        db.update(PROVIDER_EVENT)
                .set(PROVIDER_EVENT.OUTCOME, outcome.kind().wireName())
                .set(PROVIDER_EVENT.PAYMENT_ID, outcome.paymentId())
                .set(PROVIDER_EVENT.DETAIL, outcome.detail())
                .where(PROVIDER_EVENT.PROVIDER.eq(event.getProvider().name().toLowerCase(java.util.Locale.ROOT)))
                .and(PROVIDER_EVENT.PROVIDER_EVENT_ID.eq(event.getProviderEventId()))
                .execute();
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

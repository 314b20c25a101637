package io.orderhub.callbacks.delivery;

import static io.orderhub.callbacks.jooq.Tables.DELIVERY;
import static io.orderhub.callbacks.jooq.Tables.DELIVERY_ATTEMPT;
import static io.orderhub.callbacks.jooq.Tables.ORDER_STATE;

import io.orderhub.messaging.outbox.TraceContextSource;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;

@Repository
class DeliveryRepository {

    private final DSLContext db;
    private final TraceContextSource traceContext;

    DeliveryRepository(DSLContext db, ObjectProvider<TraceContextSource> traceContext) {
        this.db = db;
        this.traceContext = traceContext.getIfAvailable(() -> TraceContextSource.NONE);
    }

    // --- endpoint health ----------------------------------------------------------------------------------

    /** Attempts per endpoint (of one channel's deliveries, or all): counted, delivered, latency, the last. */
    List<EndpointHealth> health(String channel) {
        return db.select(
                        DELIVERY.ENDPOINT,
                        DSL.count(),
                        DSL.count().filterWhere(DELIVERY_ATTEMPT.OUTCOME.eq("delivered")),
                        DSL.avg(DELIVERY_ATTEMPT.LATENCY_MS),
                        DSL.percentileDisc(0.95).withinGroupOrderBy(DELIVERY_ATTEMPT.LATENCY_MS),
                        DSL.max(DELIVERY_ATTEMPT.STARTED_AT))
                .from(DELIVERY_ATTEMPT)
                .join(DELIVERY)
                .on(DELIVERY.ID.eq(DELIVERY_ATTEMPT.DELIVERY_ID))
                .where(channel == null ? DSL.noCondition() : DELIVERY.CHANNEL.eq(channel))
                .groupBy(DELIVERY.ENDPOINT)
                .orderBy(DELIVERY.ENDPOINT)
                .fetch(r -> new EndpointHealth(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4().setScale(0, RoundingMode.HALF_UP).longValue(),
                        r.value5().longValue(),
                        r.value6().toInstant()));
    }

    // --- order state -------------------------------------------------------------------------------------

    /** Creates the order's state from this change if it has none, then locks it: changes to one order queue here. */
    OrderState lockOrderState(OrderChange change, Instant now) {
        db.insertInto(ORDER_STATE)
                .set(ORDER_STATE.ORDER_ID, change.orderId())
                .set(ORDER_STATE.CHANNEL, change.channel())
                .set(ORDER_STATE.LATEST_VERSION, 0L)
                .set(ORDER_STATE.LATEST_EVENT_ID, change.eventId())
                .set(ORDER_STATE.LATEST_TYPE, change.type())
                .set(ORDER_STATE.LATEST_PAYLOAD, change.payload())
                .set(ORDER_STATE.LATEST_OCCURRED_AT, at(change.occurredAt()))
                .set(ORDER_STATE.UPDATED_AT, at(now))
                .onConflictDoNothing()
                .execute();
        return lockOrderState(change.orderId()).orElseThrow();
    }

    Optional<OrderState> lockOrderState(UUID orderId) {
        return db.selectFrom(ORDER_STATE)
                .where(ORDER_STATE.ORDER_ID.eq(orderId))
                .forUpdate()
                .fetchOptional(DeliveryRepository::orderState);
    }

    void saveLatest(OrderChange change, Instant now) {
        db.update(ORDER_STATE)
                .set(ORDER_STATE.LATEST_VERSION, change.version())
                .set(ORDER_STATE.LATEST_EVENT_ID, change.eventId())
                .set(ORDER_STATE.LATEST_TYPE, change.type())
                .set(ORDER_STATE.LATEST_PAYLOAD, change.payload())
                .set(ORDER_STATE.LATEST_OCCURRED_AT, at(change.occurredAt()))
                .set(ORDER_STATE.UPDATED_AT, at(now))
                .where(ORDER_STATE.ORDER_ID.eq(change.orderId()))
                .execute();
    }

    void markInflight(UUID orderId, UUID deliveryId, Instant until) {
        db.update(ORDER_STATE)
                .set(ORDER_STATE.INFLIGHT_DELIVERY_ID, deliveryId)
                .set(ORDER_STATE.INFLIGHT_UNTIL, at(until))
                .where(ORDER_STATE.ORDER_ID.eq(orderId))
                .execute();
    }

    /** Ends the in-flight mark if it is still this delivery's (a lost lease may have passed it on). */
    void clearInflight(UUID orderId, UUID deliveryId) {
        db.update(ORDER_STATE)
                .setNull(ORDER_STATE.INFLIGHT_DELIVERY_ID)
                .setNull(ORDER_STATE.INFLIGHT_UNTIL)
                .where(ORDER_STATE.ORDER_ID.eq(orderId))
                .and(ORDER_STATE.INFLIGHT_DELIVERY_ID.eq(deliveryId))
                .execute();
    }

    void raiseDeliveredVersion(UUID orderId, long version) {
        db.update(ORDER_STATE)
                .set(ORDER_STATE.DELIVERED_VERSION, DSL.greatest(ORDER_STATE.DELIVERED_VERSION, DSL.val(version)))
                .where(ORDER_STATE.ORDER_ID.eq(orderId))
                .execute();
    }

    // --- deliveries ------------------------------------------------------------------------------------------

    void insert(Delivery delivery) {
        db.insertInto(DELIVERY)
                .set(DELIVERY.ID, delivery.id())
                .set(DELIVERY.EVENT_ID, delivery.eventId())
                .set(DELIVERY.ORDER_ID, delivery.orderId())
                .set(DELIVERY.ORDER_VERSION, delivery.orderVersion())
                .set(DELIVERY.KIND, delivery.kind().label())
                .set(DELIVERY.INVOICE_ID, delivery.invoiceId())
                .set(DELIVERY.CHANNEL, delivery.channel())
                .set(DELIVERY.ENDPOINT, delivery.endpoint())
                .set(DELIVERY.TYPE, delivery.type())
                .set(DELIVERY.PAYLOAD, delivery.payload())
                .set(DELIVERY.TRACE_CONTEXT, traceContext.current())
                .set(DELIVERY.STATUS, delivery.status().label())
                .set(DELIVERY.ATTEMPTS, delivery.attempts())
                .set(DELIVERY.NEXT_ATTEMPT_AT, at(delivery.nextAttemptAt()))
                .set(DELIVERY.LAST_ERROR, delivery.lastError())
                .set(DELIVERY.VERSION, delivery.version())
                .set(DELIVERY.REPLAY_OF, delivery.replayOf())
                .set(DELIVERY.OCCURRED_AT, at(delivery.occurredAt()))
                .set(DELIVERY.CREATED_AT, at(delivery.createdAt()))
                .set(DELIVERY.UPDATED_AT, at(delivery.updatedAt()))
                .execute();
    }

    /** Writes a state change; the claim (if any) ends with it. */
    void save(Delivery delivery) {
        db.update(DELIVERY)
                .set(DELIVERY.STATUS, delivery.status().label())
                .set(DELIVERY.NEXT_ATTEMPT_AT, at(delivery.nextAttemptAt()))
                .set(DELIVERY.LAST_RESPONSE_CODE, delivery.lastResponseCode())
                .set(DELIVERY.LAST_RESPONSE_EXCERPT, delivery.lastResponseExcerpt())
                .set(DELIVERY.LAST_LATENCY_MS, delivery.lastLatencyMs())
                .set(DELIVERY.LAST_ERROR, delivery.lastError())
                .set(DELIVERY.VERSION, delivery.version())
                .set(DELIVERY.UPDATED_AT, at(delivery.updatedAt()))
                .set(DELIVERY.DELIVERED_AT, at(delivery.deliveredAt()))
                .setNull(DELIVERY.CLAIMED_UNTIL)
                .setNull(DELIVERY.CLAIM_TOKEN)
                .where(DELIVERY.ID.eq(delivery.id()))
                .execute();
    }

    Optional<Delivery> find(UUID id) {
        return db.selectFrom(DELIVERY).where(DELIVERY.ID.eq(id)).fetchOptional(DeliveryRepository::delivery);
    }

    /** The delivery with its claim token, locked. */
    Optional<ClaimedRow> lockClaimed(UUID id) {
        return db.selectFrom(DELIVERY)
                .where(DELIVERY.ID.eq(id))
                .forUpdate()
                .fetchOptional(row -> new ClaimedRow(delivery(row), row.get(DELIVERY.CLAIM_TOKEN)));
    }

    record ClaimedRow(Delivery delivery, UUID claimToken) {}

    /**
     * Open order-change deliveries of the order up to {@code version} that no worker holds: they may be
     * superseded. Invoice deliveries never are.
     */
    List<Delivery> lockWaiting(UUID orderId, long belowOrAtVersion, Instant now) {
        return db.selectFrom(DELIVERY)
                .where(DELIVERY.ORDER_ID.eq(orderId))
                .and(DELIVERY.KIND.eq(DeliveryKind.ORDER.label()))
                .and(DELIVERY.STATUS.in(DeliveryStatus.PENDING.label(), DeliveryStatus.FAILED.label()))
                .and(DELIVERY.ORDER_VERSION.le(belowOrAtVersion))
                .and(DELIVERY.CLAIMED_UNTIL.isNull().or(DELIVERY.CLAIMED_UNTIL.lt(at(now))))
                .forUpdate()
                .fetch(DeliveryRepository::delivery);
    }

    /** Whether an open delivery of a newer version of the order exists (which makes older ones pointless). */
    boolean hasOpenNewerThan(UUID orderId, long version) {
        return db.fetchExists(
                DELIVERY,
                DELIVERY.ORDER_ID
                        .eq(orderId)
                        .and(DELIVERY.KIND.eq(DeliveryKind.ORDER.label()))
                        .and(DELIVERY.ORDER_VERSION.gt(version))
                        .and(DELIVERY.STATUS.in(DeliveryStatus.PENDING.label(), DeliveryStatus.FAILED.label())));
    }

    private static final io.orderhub.callbacks.jooq.tables.Delivery NEWER = DELIVERY.as("newer");

    /**
     * Due order-change deliveries of one endpoint whose order has nothing on the wire and no newer open delivery (only
     * the newest state of an order is ever sent), oldest due first, locked together
     * with their order's state. SKIP LOCKED lets many instances claim side by side; locking the order's state
     * row keeps two workers from claiming two deliveries of one order at the same time.
     */
    List<DueDelivery> lockDue(String endpoint, Instant now, int limit) {
        OffsetDateTime at = at(now);
        return db.select(DELIVERY.fields())
                .select(ORDER_STATE.DELIVERED_VERSION)
                .from(DELIVERY)
                .join(ORDER_STATE)
                .on(ORDER_STATE.ORDER_ID.eq(DELIVERY.ORDER_ID))
                .where(DELIVERY.ENDPOINT.eq(endpoint))
                .and(DELIVERY.KIND.eq(DeliveryKind.ORDER.label()))
                .and(DELIVERY.STATUS.in(DeliveryStatus.PENDING.label(), DeliveryStatus.FAILED.label()))
                .and(DELIVERY.NEXT_ATTEMPT_AT.le(at))
                .and(ORDER_STATE.INFLIGHT_UNTIL.isNull().or(ORDER_STATE.INFLIGHT_UNTIL.lt(at)))
                .andNotExists(DSL.selectOne()
                        .from(NEWER)
                        .where(NEWER.ORDER_ID.eq(DELIVERY.ORDER_ID))
                        .and(NEWER.KIND.eq(DeliveryKind.ORDER.label()))
                        .and(NEWER.ORDER_VERSION.gt(DELIVERY.ORDER_VERSION))
                        .and(NEWER.STATUS.in(DeliveryStatus.PENDING.label(), DeliveryStatus.FAILED.label())))
                .orderBy(DELIVERY.NEXT_ATTEMPT_AT, DELIVERY.CREATED_AT)
                .limit(limit)
                .forUpdate()
                .of(DELIVERY, ORDER_STATE)
                .skipLocked()
                .fetch(row -> new DueDelivery(
                        delivery(row), row.get(ORDER_STATE.DELIVERED_VERSION), row.get(DELIVERY.TRACE_CONTEXT)));
    }

    record DueDelivery(Delivery delivery, long deliveredVersion, String traceContext) {}

    private static final io.orderhub.callbacks.jooq.tables.Delivery EARLIER = DELIVERY.as("earlier");

    /**
     * Due invoice deliveries of one endpoint that no worker holds (their lease is on the delivery itself, not
     * the order) and that no earlier open delivery of the same invoice precedes — an invoice's documents reach
     * the channel in the order they were recorded — oldest due first, locked, SKIP LOCKED.
     */
    List<DueDelivery> lockDueInvoices(String endpoint, Instant now, int limit) {
        OffsetDateTime at = at(now);
        return db.selectFrom(DELIVERY)
                .where(DELIVERY.ENDPOINT.eq(endpoint))
                .and(DELIVERY.KIND.eq(DeliveryKind.INVOICE.label()))
                .and(DELIVERY.STATUS.in(DeliveryStatus.PENDING.label(), DeliveryStatus.FAILED.label()))
                .and(DELIVERY.NEXT_ATTEMPT_AT.le(at))
                .and(DELIVERY.CLAIMED_UNTIL.isNull().or(DELIVERY.CLAIMED_UNTIL.lt(at)))
                .andNotExists(DSL.selectOne()
                        .from(EARLIER)
                        .where(EARLIER.INVOICE_ID.eq(DELIVERY.INVOICE_ID))
                        .and(EARLIER.KIND.eq(DeliveryKind.INVOICE.label()))
                        .and(EARLIER.STATUS.in(DeliveryStatus.PENDING.label(), DeliveryStatus.FAILED.label()))
                        .and(DSL.row(EARLIER.CREATED_AT, EARLIER.ID).lt(DELIVERY.CREATED_AT, DELIVERY.ID)))
                .orderBy(DELIVERY.NEXT_ATTEMPT_AT, DELIVERY.CREATED_AT)
                .limit(limit)
                .forUpdate()
                .skipLocked()
                .fetch(row -> new DueDelivery(delivery(row), 0, row.get(DELIVERY.TRACE_CONTEXT)));
    }

    /** Claims the delivery for one attempt: counts it, and hands it to the worker holding {@code token}. */
    Delivery claim(Delivery delivery, UUID token, Instant until) {
        db.update(DELIVERY)
                .set(DELIVERY.ATTEMPTS, DELIVERY.ATTEMPTS.plus(1))
                .set(DELIVERY.CLAIMED_UNTIL, at(until))
                .set(DELIVERY.CLAIM_TOKEN, token)
                .where(DELIVERY.ID.eq(delivery.id()))
                .execute();
        return find(delivery.id()).orElseThrow();
    }

    void insertAttempt(UUID id, Attempt attempt) {
        db.insertInto(DELIVERY_ATTEMPT)
                .set(DELIVERY_ATTEMPT.ID, id)
                .set(DELIVERY_ATTEMPT.DELIVERY_ID, attempt.deliveryId())
                .set(DELIVERY_ATTEMPT.ATTEMPT, attempt.attempt())
                .set(DELIVERY_ATTEMPT.STARTED_AT, at(attempt.startedAt()))
                .set(DELIVERY_ATTEMPT.URL, attempt.url())
                .set(DELIVERY_ATTEMPT.OUTCOME, attempt.outcome())
                .set(DELIVERY_ATTEMPT.RESPONSE_CODE, attempt.responseCode())
                .set(DELIVERY_ATTEMPT.RESPONSE_EXCERPT, attempt.responseExcerpt())
                .set(DELIVERY_ATTEMPT.LATENCY_MS, attempt.latencyMs())
                .set(DELIVERY_ATTEMPT.ERROR, attempt.error())
                .execute();
    }

    // --- listing ------------------------------------------------------------------------------------------------

    /** Newest first; {@code limit + 1} rows so the caller knows whether there is a next page. */
    List<Delivery> page(DeliveryFilter filter, DeliveryPage.Position after, int limit) {
        List<Condition> conditions = new ArrayList<>();
        if (filter.orderId() != null) {
            conditions.add(DELIVERY.ORDER_ID.eq(filter.orderId()));
        }
        if (filter.status() != null) {
            conditions.add(DELIVERY.STATUS.eq(filter.status().label()));
        }
        if (filter.channel() != null) {
            conditions.add(DELIVERY.CHANNEL.eq(filter.channel()));
        }
        if (after != null) {
            conditions.add(DSL.row(DELIVERY.CREATED_AT, DELIVERY.ID).lt(at(after.createdAt()), after.id()));
        }
        return db.selectFrom(DELIVERY)
                .where(conditions)
                .orderBy(DELIVERY.CREATED_AT.desc(), DELIVERY.ID.desc())
                .limit(limit + 1)
                .fetch(DeliveryRepository::delivery);
    }

    Map<UUID, List<Attempt>> attemptsOf(Collection<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Map.of();
        }
        return db
                .selectFrom(DELIVERY_ATTEMPT)
                .where(DELIVERY_ATTEMPT.DELIVERY_ID.in(deliveryIds))
                .orderBy(DELIVERY_ATTEMPT.DELIVERY_ID, DELIVERY_ATTEMPT.ATTEMPT)
                .fetch(row -> new Attempt(
                        row.get(DELIVERY_ATTEMPT.DELIVERY_ID),
                        row.get(DELIVERY_ATTEMPT.ATTEMPT),
                        row.get(DELIVERY_ATTEMPT.STARTED_AT).toInstant(),
                        row.get(DELIVERY_ATTEMPT.URL),
                        row.get(DELIVERY_ATTEMPT.OUTCOME),
                        row.get(DELIVERY_ATTEMPT.RESPONSE_CODE),
                        row.get(DELIVERY_ATTEMPT.RESPONSE_EXCERPT),
                        row.get(DELIVERY_ATTEMPT.LATENCY_MS),
                        row.get(DELIVERY_ATTEMPT.ERROR)))
                .stream()
                .collect(Collectors.groupingBy(Attempt::deliveryId));
    }

    // --- retention -----------------------------------------------------------------------------------------------

    /**
     * Deletes up to {@code limit} finished deliveries last changed before {@code before}, their attempts first
     * (they reference the delivery). SKIP LOCKED: instances purging at once take different rows and never wait
     * for each other.
     */
    Purged deleteFinished(Instant before, int limit) {
        OffsetDateTime at = at(before);
        List<UUID> ids = db.select(DELIVERY.ID)
                .from(DELIVERY)
                .where(DELIVERY.STATUS.in(DeliveryStatus.finished().stream()
                        .map(DeliveryStatus::label)
                        .toList()))
                .and(DELIVERY.UPDATED_AT.lt(at))
                // Implied by updated_at (a delivery changes only after it was created), but lets PostgreSQL read
                // the listing index on created_at instead of the whole table.
                .and(DELIVERY.CREATED_AT.lt(at))
                .limit(limit)
                .forUpdate()
                .skipLocked()
                .fetch(DELIVERY.ID);
        if (ids.isEmpty()) {
            return new Purged(0, 0);
        }
        int attempts = db.deleteFrom(DELIVERY_ATTEMPT)
                .where(DELIVERY_ATTEMPT.DELIVERY_ID.in(ids))
                .execute();
        int deleted = db.deleteFrom(DELIVERY).where(DELIVERY.ID.in(ids)).execute();
        return new Purged(deleted, attempts);
    }

    record Purged(int deliveries, int attempts) {}

    // --- mapping -------------------------------------------------------------------------------------------------

    private static Delivery delivery(Record row) {
        return new Delivery(
                row.get(DELIVERY.ID),
                row.get(DELIVERY.EVENT_ID),
                row.get(DELIVERY.ORDER_ID),
                row.get(DELIVERY.ORDER_VERSION),
                DeliveryKind.parse(row.get(DELIVERY.KIND)).orElseThrow(),
                row.get(DELIVERY.INVOICE_ID),
                row.get(DELIVERY.CHANNEL),
                row.get(DELIVERY.ENDPOINT),
                row.get(DELIVERY.TYPE),
                row.get(DELIVERY.PAYLOAD),
                DeliveryStatus.parse(row.get(DELIVERY.STATUS)).orElseThrow(),
                row.get(DELIVERY.ATTEMPTS),
                instant(row.get(DELIVERY.NEXT_ATTEMPT_AT)),
                row.get(DELIVERY.LAST_RESPONSE_CODE),
                row.get(DELIVERY.LAST_RESPONSE_EXCERPT),
                row.get(DELIVERY.LAST_LATENCY_MS),
                row.get(DELIVERY.LAST_ERROR),
                row.get(DELIVERY.VERSION),
                row.get(DELIVERY.REPLAY_OF),
                instant(row.get(DELIVERY.OCCURRED_AT)),
                instant(row.get(DELIVERY.CREATED_AT)),
                instant(row.get(DELIVERY.UPDATED_AT)),
                instant(row.get(DELIVERY.DELIVERED_AT)));
    }

    private static OrderState orderState(Record row) {
        OrderChange latest = new OrderChange(
                row.get(ORDER_STATE.LATEST_EVENT_ID),
                row.get(ORDER_STATE.ORDER_ID),
                row.get(ORDER_STATE.LATEST_VERSION),
                row.get(ORDER_STATE.CHANNEL),
                row.get(ORDER_STATE.LATEST_TYPE),
                row.get(ORDER_STATE.LATEST_PAYLOAD),
                instant(row.get(ORDER_STATE.LATEST_OCCURRED_AT)));
        return new OrderState(
                row.get(ORDER_STATE.ORDER_ID),
                latest,
                row.get(ORDER_STATE.DELIVERED_VERSION),
                row.get(ORDER_STATE.INFLIGHT_DELIVERY_ID),
                instant(row.get(ORDER_STATE.INFLIGHT_UNTIL)));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

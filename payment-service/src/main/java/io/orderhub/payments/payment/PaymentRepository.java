package io.orderhub.payments.payment;

import static io.orderhub.payments.jooq.Tables.DISPUTE;
import static io.orderhub.payments.jooq.Tables.PAYMENT;
import static io.orderhub.payments.jooq.Tables.PAYMENT_STATUS_HISTORY;
import static io.orderhub.payments.jooq.Tables.REFUND;

import io.orderhub.messaging.id.Ids;
import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import io.orderhub.payments.jooq.tables.records.DisputeRecord;
import io.orderhub.payments.jooq.tables.records.PaymentRecord;
import io.orderhub.payments.jooq.tables.records.RefundRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** Payments with their refunds and dispute in and out of the {@code payments} schema. */
@Repository
public class PaymentRepository {

    private final DSLContext db;

    PaymentRepository(DSLContext db) {
        this.db = db;
    }

    /** Inserts a new payment; false when a unique key (source payment id, idempotency key, reference) exists. */
    boolean insert(Payment payment, RequestKey requestKey, Instant nextCheckAt) {
        PaymentRecord row = row(payment);
        row.set(PAYMENT.IDEMPOTENCY_SCOPE, requestKey == null ? null : requestKey.scope());
        row.set(PAYMENT.IDEMPOTENCY_KEY, requestKey == null ? null : requestKey.key());
        row.set(PAYMENT.REQUEST_DIGEST, requestKey == null ? null : requestKey.digest());
        row.set(PAYMENT.NEXT_CHECK_AT, at(nextCheckAt));
        return db.insertInto(PAYMENT).set(row).onConflictDoNothing().execute() == 1;
    }

    /**
     * Stores a payment imported from the old hub with its history rows (versions 1..n); false when its id or
     * provider reference is taken (nothing is written then). Never scheduled for the repair job: the old hub's
     * in-flight payments settle through their provider's webhooks.
     */
    boolean insertImported(Payment payment, List<HistoryEntry> history, Instant now) {
        PaymentRecord imported = row(payment);
        imported.set(PAYMENT.IMPORTED_AT, at(now));
        int inserted =
                db.insertInto(PAYMENT).set(imported).onConflictDoNothing().execute();
        if (inserted == 0) {
            return false;
        }
        for (HistoryEntry row : history) {
            db.insertInto(PAYMENT_STATUS_HISTORY)
                    .set(PAYMENT_STATUS_HISTORY.ID, Ids.next())
                    .set(PAYMENT_STATUS_HISTORY.PAYMENT_ID, payment.id())
                    .set(PAYMENT_STATUS_HISTORY.VERSION, row.version())
                    .set(PAYMENT_STATUS_HISTORY.EVENT_TYPE, row.type())
                    .set(PAYMENT_STATUS_HISTORY.OLD_STATUS, row.oldStatus())
                    .set(PAYMENT_STATUS_HISTORY.NEW_STATUS, row.newStatus())
                    .set(PAYMENT_STATUS_HISTORY.REASON, row.reason())
                    .set(PAYMENT_STATUS_HISTORY.CHANGED_BY, row.changedBy())
                    .set(PAYMENT_STATUS_HISTORY.CHANGED_AT, at(row.changedAt()))
                    .execute();
        }
        return true;
    }

    /** The columns every stored payment has, from the payment itself. */
    private PaymentRecord row(Payment payment) {
        PaymentRecord row = db.newRecord(PAYMENT);
        row.set(PAYMENT.ID, payment.id());
        row.set(PAYMENT.ORDER_ID, payment.orderId());
        row.set(PAYMENT.SOURCE, payment.source());
        row.set(PAYMENT.PROVIDER, payment.provider());
        row.set(PAYMENT.STATUS, payment.status().wireName());
        row.set(PAYMENT.VERSION, payment.version());
        row.set(PAYMENT.AMOUNT, payment.amount().amount());
        row.set(PAYMENT.CURRENCY, payment.currency().code());
        row.set(PAYMENT.REFUNDED_AMOUNT, payment.refundedAmount().amount());
        row.set(PAYMENT.PROVIDER_REFUNDED, payment.providerRefunded().amount());
        row.set(PAYMENT.PROVIDER_REFERENCE, payment.providerReference());
        row.set(PAYMENT.SOURCE_PAYMENT_ID, payment.sourcePaymentId());
        row.set(PAYMENT.RECORDED, payment.recorded());
        row.set(PAYMENT.RETURN_URL, payment.returnUrl());
        row.set(PAYMENT.METADATA, payment.metadataJson());
        row.set(PAYMENT.METHOD, payment.method());
        row.set(PAYMENT.CREATED_AT, at(payment.createdAt()));
        row.set(PAYMENT.UPDATED_AT, at(payment.updatedAt()));
        return row;
    }

    public Optional<Payment> find(UUID id) {
        return db.selectFrom(PAYMENT).where(PAYMENT.ID.eq(id)).fetchOptional().map(this::payment);
    }

    /** Loads and locks the payment row: changes to one payment are serialised. */
    public Optional<Payment> lock(UUID id) {
        return lockWhere(PAYMENT.ID.eq(id));
    }

    public Optional<Payment> lockByReference(String provider, String reference) {
        return lockWhere(PAYMENT.PROVIDER.eq(provider).and(PAYMENT.PROVIDER_REFERENCE.eq(reference)));
    }

    public Optional<Payment> lockBySourcePaymentId(String source, String sourcePaymentId) {
        return lockWhere(PAYMENT.SOURCE.eq(source).and(PAYMENT.SOURCE_PAYMENT_ID.eq(sourcePaymentId)));
    }

    public Optional<Payment> lockByRequestKey(String scope, String key) {
        return lockWhere(PAYMENT.IDEMPOTENCY_SCOPE.eq(scope).and(PAYMENT.IDEMPOTENCY_KEY.eq(key)));
    }

    public Optional<String> requestDigest(UUID paymentId) {
        return db.select(PAYMENT.REQUEST_DIGEST)
                .from(PAYMENT)
                .where(PAYMENT.ID.eq(paymentId))
                .fetchOptional(PAYMENT.REQUEST_DIGEST);
    }

    private Optional<Payment> lockWhere(Condition condition) {
        return db.selectFrom(PAYMENT)
                .where(condition)
                .forUpdate()
                .fetchOptional()
                .map(this::payment);
    }

    /** Writes the payment's mutable state, its refunds and its dispute. */
    void save(Payment payment) {
        db.update(PAYMENT)
                .set(PAYMENT.STATUS, payment.status().wireName())
                .set(PAYMENT.VERSION, payment.version())
                .set(PAYMENT.REFUNDED_AMOUNT, payment.refundedAmount().amount())
                .set(PAYMENT.PROVIDER_REFUNDED, payment.providerRefunded().amount())
                .set(PAYMENT.PROVIDER_REFERENCE, payment.providerReference())
                .set(PAYMENT.NEXT_ACTION, payment.nextActionJson())
                .set(PAYMENT.NEEDS_ATTENTION, payment.needsAttention())
                .set(PAYMENT.ATTENTION_REASON, payment.attentionReason())
                .set(PAYMENT.CANCEL_REQUESTED_AT, at(payment.cancelRequestedAt()))
                .set(PAYMENT.UPDATED_AT, at(payment.updatedAt()))
                .where(PAYMENT.ID.eq(payment.id()))
                .execute();
        for (Refund refund : payment.refunds()) {
            db.insertInto(REFUND)
                    .set(REFUND.ID, refund.id())
                    .set(REFUND.PAYMENT_ID, payment.id())
                    .set(REFUND.AMOUNT, refund.amount().amount())
                    .set(REFUND.STATUS, refund.status().wireName())
                    .set(REFUND.REASON, refund.reason())
                    .set(REFUND.PROVIDER_REFERENCE, refund.providerReference())
                    .set(REFUND.REQUESTED_BY, refund.requestedBy())
                    .set(REFUND.SYSTEM, refund.system())
                    .set(REFUND.CREATED_AT, at(refund.createdAt()))
                    .set(REFUND.UPDATED_AT, at(refund.updatedAt()))
                    .onConflict(REFUND.ID)
                    .doUpdate()
                    .set(REFUND.STATUS, refund.status().wireName())
                    .set(REFUND.PROVIDER_REFERENCE, refund.providerReference())
                    .set(REFUND.UPDATED_AT, at(refund.updatedAt()))
                    .set(
                            REFUND.NEXT_CHECK_AT,
                            refund.status().isFinal() ? DSL.castNull(REFUND.NEXT_CHECK_AT) : REFUND.NEXT_CHECK_AT)
                    .execute();
        }
        Dispute dispute = payment.dispute();
        if (dispute != null) {
            db.insertInto(DISPUTE)
                    .set(DISPUTE.PROVIDER_REFERENCE, dispute.providerReference())
                    .set(DISPUTE.PAYMENT_ID, payment.id())
                    .set(DISPUTE.STATUS, dispute.status())
                    .set(DISPUTE.AMOUNT, dispute.amount().amount())
                    .set(DISPUTE.REASON, dispute.reason())
                    .set(DISPUTE.CREATED_AT, at(dispute.createdAt()))
                    .set(DISPUTE.UPDATED_AT, at(payment.updatedAt()))
                    .onConflict(DISPUTE.PROVIDER_REFERENCE)
                    .doUpdate()
                    .set(DISPUTE.STATUS, dispute.status())
                    .set(DISPUTE.AMOUNT, dispute.amount().amount())
                    .set(DISPUTE.REASON, dispute.reason())
                    .set(DISPUTE.UPDATED_AT, at(payment.updatedAt()))
                    .execute();
        }
    }

    void insertHistory(Payment payment, PaymentChange change, String actor) {
        db.insertInto(PAYMENT_STATUS_HISTORY)
                .set(PAYMENT_STATUS_HISTORY.ID, Ids.next())
                .set(PAYMENT_STATUS_HISTORY.PAYMENT_ID, payment.id())
                .set(PAYMENT_STATUS_HISTORY.VERSION, payment.version())
                .set(PAYMENT_STATUS_HISTORY.EVENT_TYPE, change.type().name())
                .set(
                        PAYMENT_STATUS_HISTORY.OLD_STATUS,
                        change.previousStatus() == null
                                ? null
                                : change.previousStatus().wireName())
                .set(PAYMENT_STATUS_HISTORY.NEW_STATUS, payment.status().wireName())
                .set(PAYMENT_STATUS_HISTORY.REASON, change.reason())
                .set(PAYMENT_STATUS_HISTORY.CHANGED_BY, actor)
                .set(PAYMENT_STATUS_HISTORY.CHANGED_AT, at(payment.updatedAt()))
                .execute();
    }

    public List<HistoryEntry> history(UUID paymentId) {
        return db.selectFrom(PAYMENT_STATUS_HISTORY)
                .where(PAYMENT_STATUS_HISTORY.PAYMENT_ID.eq(paymentId))
                .orderBy(PAYMENT_STATUS_HISTORY.VERSION)
                .fetch(row -> new HistoryEntry(
                        row.getVersion(),
                        row.getEventType(),
                        row.getOldStatus(),
                        row.getNewStatus(),
                        row.getReason(),
                        row.getChangedBy(),
                        row.getChangedAt().toInstant()));
    }

    /** Published payments (version ≥ 1), keyset-paged by (created_at, id). */
    public List<Payment> list(
            Collection<String> sources,
            UUID orderId,
            String status,
            String provider,
            Instant afterCreatedAt,
            UUID afterId,
            int limit) {
        Condition condition = PAYMENT.VERSION.gt(0L);
        if (sources != null) {
            condition = condition.and(PAYMENT.SOURCE.in(sources));
        }
        if (orderId != null) {
            condition = condition.and(PAYMENT.ORDER_ID.eq(orderId));
        }
        if (status != null) {
            condition = condition.and(PAYMENT.STATUS.eq(status));
        }
        if (provider != null) {
            condition = condition.and(PAYMENT.PROVIDER.eq(provider));
        }
        if (afterCreatedAt != null) {
            condition = condition.and(DSL.row(PAYMENT.CREATED_AT, PAYMENT.ID).gt(at(afterCreatedAt), afterId));
        }
        return db.selectFrom(PAYMENT)
                .where(condition)
                .orderBy(PAYMENT.CREATED_AT, PAYMENT.ID)
                .limit(limit)
                .fetch(this::payment);
    }

    /**
     * Published payments in an open status unchanged since before {@code unchangedSince}, the oldest change first,
     * after the cursor's (updated_at, id) if given.
     */
    public List<Payment> stuck(Instant unchangedSince, Instant afterUpdatedAt, UUID afterId, int limit) {
        Condition condition = stuck(unchangedSince);
        if (afterUpdatedAt != null) {
            condition = condition.and(DSL.row(PAYMENT.UPDATED_AT, PAYMENT.ID).gt(at(afterUpdatedAt), afterId));
        }
        return db.selectFrom(PAYMENT)
                .where(condition)
                .orderBy(PAYMENT.UPDATED_AT, PAYMENT.ID)
                .limit(limit)
                .fetch(this::payment);
    }

    /** How many payments {@link #stuck} finds in all. */
    public int countStuck(Instant unchangedSince) {
        return db.fetchCount(PAYMENT, stuck(unchangedSince));
    }

    private static Condition stuck(Instant unchangedSince) {
        return PAYMENT.VERSION
                .gt(0L)
                .and(PAYMENT.STATUS.in(Arrays.stream(PaymentStatus.values())
                        .filter(PaymentStatus::open)
                        .map(PaymentStatus::wireName)
                        .toList()))
                .and(PAYMENT.UPDATED_AT.lt(at(unchangedSince)));
    }

    /** Published payments created in [from, to) per provider, currency and status, and per hour (UTC) if asked. */
    public List<PaymentFigure> figures(Instant from, Instant to, boolean perHour) {
        Field<OffsetDateTime> hour = perHour
                ? DSL.field("date_trunc('hour', {0}, 'UTC')", SQLDataType.TIMESTAMPWITHTIMEZONE, PAYMENT.CREATED_AT)
                : DSL.inline(null, SQLDataType.TIMESTAMPWITHTIMEZONE);
        List<Field<?>> groups = perHour
                ? List.of(hour, PAYMENT.PROVIDER, PAYMENT.CURRENCY, PAYMENT.STATUS)
                : List.of(PAYMENT.PROVIDER, PAYMENT.CURRENCY, PAYMENT.STATUS);
        return db.select(hour, PAYMENT.PROVIDER, PAYMENT.CURRENCY, PAYMENT.STATUS, DSL.count(), DSL.sum(PAYMENT.AMOUNT))
                .from(PAYMENT)
                .where(PAYMENT.VERSION.gt(0L))
                .and(PAYMENT.CREATED_AT.ge(at(from)))
                .and(PAYMENT.CREATED_AT.lt(at(to)))
                .groupBy(groups)
                .orderBy(groups.stream().map(Field::asc).toList())
                .fetch(r -> new PaymentFigure(
                        r.value1() == null ? null : r.value1().toInstant(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6().setScale(CurrencyCode.of(r.value3()).fractionDigits())));
    }

    /**
     * A payment as reconciliation compares it with its provider's books: its row only (no refunds or dispute
     * loaded), amounts at the currency's scale, {@code refunded} being what the hub counts as refunded.
     */
    public record Booked(
            UUID id,
            String reference,
            PaymentStatus status,
            BigDecimal amount,
            String currency,
            BigDecimal refunded,
            boolean published,
            Instant createdAt) {}

    /** The provider's payments (not recorded ones) the hub created in {@code [from, to)}. */
    public List<Booked> booked(String provider, Instant from, Instant to) {
        return booked(PAYMENT.PROVIDER
                .eq(provider)
                .and(PAYMENT.RECORDED.isFalse())
                .and(PAYMENT.CREATED_AT.ge(at(from)))
                .and(PAYMENT.CREATED_AT.lt(at(to))));
    }

    /** The provider's payments the hub knows by these references or ids, wherever their creation time falls. */
    public List<Booked> booked(String provider, Collection<String> references, Collection<UUID> ids) {
        return booked(PAYMENT.PROVIDER
                .eq(provider)
                .and(PAYMENT.PROVIDER_REFERENCE.in(references).or(PAYMENT.ID.in(ids))));
    }

    private List<Booked> booked(Condition condition) {
        return db.select(
                        PAYMENT.ID,
                        PAYMENT.PROVIDER_REFERENCE,
                        PAYMENT.STATUS,
                        PAYMENT.AMOUNT,
                        PAYMENT.CURRENCY,
                        PAYMENT.REFUNDED_AMOUNT,
                        PAYMENT.VERSION,
                        PAYMENT.CREATED_AT)
                .from(PAYMENT)
                .where(condition)
                .orderBy(PAYMENT.CREATED_AT, PAYMENT.ID)
                .fetch(r -> {
                    CurrencyCode currency = CurrencyCode.of(r.value5());
                    return new Booked(
                            r.value1(),
                            r.value2(),
                            PaymentStatus.fromDatabase(r.value3()),
                            Money.of(r.value4(), currency).amount(),
                            currency.code(),
                            Money.of(r.value6(), currency).amount(),
                            r.value7() > 0,
                            r.value8().toInstant());
                });
    }

    /** Money received for an order by its published payments, net of their refunds. */
    public BigDecimal netReceived(UUID orderId, UUID except) {
        BigDecimal sum = db.select(DSL.sum(PAYMENT.AMOUNT.minus(PAYMENT.REFUNDED_AMOUNT)))
                .from(PAYMENT)
                .where(PAYMENT.ORDER_ID.eq(orderId))
                .and(PAYMENT.VERSION.gt(0L))
                .and(PAYMENT.STATUS.in(
                        PaymentStatus.SUCCEEDED.wireName(),
                        PaymentStatus.PARTIALLY_REFUNDED.wireName(),
                        PaymentStatus.REFUNDED.wireName()))
                .and(except == null ? DSL.noCondition() : PAYMENT.ID.ne(except))
                .fetchOne(0, BigDecimal.class);
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /** Open provider payments of an order (not yet settled; the hub can still cancel them). */
    public List<UUID> openProviderPayments(UUID orderId) {
        return db.select(PAYMENT.ID)
                .from(PAYMENT)
                .where(PAYMENT.ORDER_ID.eq(orderId))
                .and(PAYMENT.RECORDED.isFalse())
                .and(PAYMENT.STATUS.in(
                        PaymentStatus.PENDING.wireName(),
                        PaymentStatus.REQUIRES_ACTION.wireName(),
                        PaymentStatus.PROCESSING.wireName()))
                .fetch(PAYMENT.ID);
    }

    // --- refunds ---------------------------------------------------------------------------------------

    public record RefundLocation(UUID paymentId, UUID refundId, String digest) {}

    public Optional<RefundLocation> refundByRequestKey(String scope, String key) {
        return db.select(REFUND.PAYMENT_ID, REFUND.ID, REFUND.REQUEST_DIGEST)
                .from(REFUND)
                .where(REFUND.IDEMPOTENCY_SCOPE.eq(scope))
                .and(REFUND.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional(row -> new RefundLocation(row.value1(), row.value2(), row.value3()));
    }

    public Optional<UUID> paymentOfRefund(UUID refundId) {
        return db.select(REFUND.PAYMENT_ID)
                .from(REFUND)
                .where(REFUND.ID.eq(refundId))
                .fetchOptional(REFUND.PAYMENT_ID);
    }

    public Optional<UUID> paymentOfRefundReference(String reference) {
        return db.select(REFUND.PAYMENT_ID)
                .from(REFUND)
                .where(REFUND.PROVIDER_REFERENCE.eq(reference))
                .fetchOptional(REFUND.PAYMENT_ID);
    }

    /** Gives refunds that just appeared their first check: system refunds at once, others after the delay. */
    void scheduleNewRefunds(UUID paymentId, Instant normal, Instant system) {
        db.update(REFUND)
                .set(
                        REFUND.NEXT_CHECK_AT,
                        DSL.when(REFUND.SYSTEM.isTrue(), at(system)).otherwise(at(normal)))
                .where(REFUND.PAYMENT_ID.eq(paymentId))
                .and(REFUND.STATUS.eq(RefundStatus.PENDING.wireName()))
                .and(REFUND.NEXT_CHECK_AT.isNull())
                .and(REFUND.CHECKS.eq(0))
                .execute();
    }

    /** Ties a refund to the request that made it (after {@link #save}, which inserted it). */
    public void tagRefund(UUID refundId, RequestKey requestKey) {
        if (requestKey == null) {
            return;
        }
        db.update(REFUND)
                .set(REFUND.IDEMPOTENCY_SCOPE, requestKey.scope())
                .set(REFUND.IDEMPOTENCY_KEY, requestKey.key())
                .set(REFUND.REQUEST_DIGEST, requestKey.digest())
                .where(REFUND.ID.eq(refundId))
                .execute();
    }

    // --- the repair job's bookkeeping (not changes of the payment: no version, no event) -----------------

    /** Claims up to {@code limit} payments due for a check, leasing them so other instances skip them. */
    public List<UUID> claimDuePayments(Instant now, Duration lease, int limit) {
        OffsetDateTime at = at(now);
        var due = db.select(PAYMENT.ID)
                .from(PAYMENT)
                .where(PAYMENT.NEXT_CHECK_AT.le(at))
                .and(PAYMENT.REPAIR_LEASE_UNTIL.isNull().or(PAYMENT.REPAIR_LEASE_UNTIL.lt(at)))
                .orderBy(PAYMENT.NEXT_CHECK_AT)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return db.update(PAYMENT)
                .set(PAYMENT.REPAIR_LEASE_UNTIL, at(now.plus(lease)))
                .where(PAYMENT.ID.in(due))
                .returning(PAYMENT.ID)
                .fetch(PAYMENT.ID);
    }

    public record DueRefund(UUID paymentId, UUID refundId) {}

    public List<DueRefund> claimDueRefunds(Instant now, Duration lease, int limit) {
        OffsetDateTime at = at(now);
        var due = db.select(REFUND.ID)
                .from(REFUND)
                .where(REFUND.NEXT_CHECK_AT.le(at))
                .and(REFUND.REPAIR_LEASE_UNTIL.isNull().or(REFUND.REPAIR_LEASE_UNTIL.lt(at)))
                .orderBy(REFUND.NEXT_CHECK_AT)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return db.update(REFUND)
                .set(REFUND.REPAIR_LEASE_UNTIL, at(now.plus(lease)))
                .where(REFUND.ID.in(due))
                .returning(REFUND.PAYMENT_ID, REFUND.ID)
                .fetch(row -> new DueRefund(row.getPaymentId(), row.getId()));
    }

    public int paymentChecks(UUID paymentId) {
        return db.select(PAYMENT.CHECKS)
                .from(PAYMENT)
                .where(PAYMENT.ID.eq(paymentId))
                .fetchOne(PAYMENT.CHECKS);
    }

    public int refundChecks(UUID refundId) {
        return db.select(REFUND.CHECKS)
                .from(REFUND)
                .where(REFUND.ID.eq(refundId))
                .fetchOne(REFUND.CHECKS);
    }

    /** When to ask about the payment next (null: never again); releases the lease. */
    public void scheduleCheck(UUID paymentId, Instant next, boolean countCheck) {
        db.update(PAYMENT)
                .set(PAYMENT.NEXT_CHECK_AT, at(next))
                .set(PAYMENT.CHECKS, countCheck ? PAYMENT.CHECKS.plus(1) : PAYMENT.CHECKS)
                .setNull(PAYMENT.REPAIR_LEASE_UNTIL)
                .where(PAYMENT.ID.eq(paymentId))
                .execute();
    }

    public void scheduleRefundCheck(UUID refundId, Instant next, boolean countCheck) {
        db.update(REFUND)
                .set(REFUND.NEXT_CHECK_AT, at(next))
                .set(REFUND.CHECKS, countCheck ? REFUND.CHECKS.plus(1) : REFUND.CHECKS)
                .setNull(REFUND.REPAIR_LEASE_UNTIL)
                .where(REFUND.ID.eq(refundId))
                .execute();
    }

    // --- mapping -----------------------------------------------------------------------------------------

    private Payment payment(PaymentRecord row) {
        CurrencyCode currency = CurrencyCode.of(row.getCurrency());
        List<Refund> refunds = db.selectFrom(REFUND)
                .where(REFUND.PAYMENT_ID.eq(row.getId()))
                .orderBy(REFUND.CREATED_AT, REFUND.ID)
                .fetch(refund -> refund(refund, currency));
        Dispute dispute = db.selectFrom(DISPUTE)
                .where(DISPUTE.PAYMENT_ID.eq(row.getId()))
                .orderBy(DISPUTE.UPDATED_AT.desc())
                .limit(1)
                .fetchOptional()
                .map(d -> dispute(d, currency))
                .orElse(null);
        return new Payment(
                row.getId(),
                row.getOrderId(),
                row.getSource(),
                row.getProvider(),
                Money.of(row.getAmount(), currency),
                row.getRecorded(),
                row.getSourcePaymentId(),
                row.getReturnUrl(),
                row.getMetadata(),
                row.getMethod(),
                row.getCreatedAt().toInstant(),
                refunds,
                PaymentStatus.fromDatabase(row.getStatus()),
                row.getVersion(),
                Money.of(row.getRefundedAmount(), currency),
                Money.of(row.getProviderRefunded(), currency),
                row.getProviderReference(),
                row.getNextAction(),
                row.getNeedsAttention(),
                row.getAttentionReason(),
                dispute,
                row.getCancelRequestedAt() == null
                        ? null
                        : row.getCancelRequestedAt().toInstant(),
                row.getUpdatedAt().toInstant());
    }

    private static Refund refund(RefundRecord row, CurrencyCode currency) {
        return new Refund(
                row.getId(),
                Money.of(row.getAmount(), currency),
                RefundStatus.fromDatabase(row.getStatus()),
                row.getReason(),
                row.getProviderReference(),
                row.getRequestedBy(),
                row.getSystem(),
                row.getCreatedAt().toInstant(),
                row.getUpdatedAt().toInstant());
    }

    private static Dispute dispute(DisputeRecord row, CurrencyCode currency) {
        return new Dispute(
                row.getProviderReference(),
                row.getStatus(),
                Money.of(row.getAmount(), currency),
                row.getReason(),
                row.getCreatedAt().toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

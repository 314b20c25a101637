package io.orderhub.orders.order;

import static io.orderhub.orders.jooq.Tables.CUSTOMERS;
import static io.orderhub.orders.jooq.Tables.ORDERS;
import static io.orderhub.orders.jooq.Tables.ORDER_ITEMS;
import static io.orderhub.orders.jooq.Tables.ORDER_PAYMENTS;
import static io.orderhub.orders.jooq.Tables.ORDER_STATUS_HISTORY;
import static io.orderhub.orders.jooq.Tables.UNMATCHED_PAYMENT_EVENTS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import io.orderhub.orders.contract.ContractId;
import io.orderhub.orders.customer.Customer;
import io.orderhub.orders.jooq.tables.records.OrderItemsRecord;
import io.orderhub.orders.jooq.tables.records.OrderPaymentsRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Orders with their items, payments and history rows; the only class that knows their tables. */
@Repository
class OrderRepository {

    private static final List<SelectField<?>> ORDER_FIELDS = List.of(
            ORDERS.ID,
            ORDERS.SOURCE,
            ORDERS.SOURCE_ORDER_ID,
            ORDERS.CUSTOMER_ID,
            ORDERS.STATUS,
            ORDERS.VERSION,
            ORDERS.CURRENCY,
            ORDERS.SUBTOTAL,
            ORDERS.TAX_TOTAL,
            ORDERS.SHIPPING_TOTAL,
            ORDERS.DISCOUNT_TOTAL,
            ORDERS.GRAND_TOTAL,
            ORDERS.PAID_AMOUNT,
            ORDERS.REFUNDED_AMOUNT,
            ORDERS.METADATA,
            ORDERS.CREATED_AT,
            ORDERS.UPDATED_AT,
            ORDERS.CONTRACT_ID,
            ORDERS.CONTRACT_VERSION,
            ORDERS.CREDITED_AMOUNT,
            CUSTOMERS.ID,
            CUSTOMERS.EMAIL,
            CUSTOMERS.NAME,
            CUSTOMERS.PHONE);

    private final DSLContext db;

    OrderRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Stores a new order with its items and first history row, in one statement ({@link NewOrderStatement}).
     * A second order with the same
     * {@code (source, source_order_id)} is refused by the unique constraint — also when both arrive at
     * once: the later insert waits for the earlier transaction and then finds the row — and then nothing
     * of it is written.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void insert(Order order) {
        OrderState s = order.state();
        if (!(order.changes().size() == 1 && order.changes().get(0) instanceof OrderPlaced placed)) {
            throw new IllegalArgumentException("Only a newly placed order can be inserted");
        }
        boolean inserted = db.connectionResult(
                connection -> NewOrderStatement.insert(connection, s, placed.reason(), placed.actor()));
        if (!inserted) {
            UUID existing = db.select(ORDERS.ID)
                    .from(ORDERS)
                    .where(ORDERS.SOURCE.eq(s.source()))
                    .and(ORDERS.SOURCE_ORDER_ID.eq(s.sourceOrderId()))
                    .fetchSingle(ORDERS.ID);
            throw new OrderExistsException(new OrderId(existing), s.source(), s.sourceOrderId());
        }
    }

    /**
     * Stores an order imported from the old hub with its whole history; false when an order with its
     * {@code (source, source_order_id)} exists under another id (nothing is written then).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean insertImported(Order order, List<HistoryEntry> history, String reviewReason, Instant now) {
        OrderState s = order.state();
        int inserted = db.insertInto(ORDERS)
                .set(ORDERS.ID, s.id().value())
                .set(ORDERS.SOURCE, s.source())
                .set(ORDERS.SOURCE_ORDER_ID, s.sourceOrderId())
                .set(ORDERS.CUSTOMER_ID, s.customerId())
                .set(
                        ORDERS.CUSTOMER_REF,
                        s.customer() == null ? null : s.customer().id())
                .set(ORDERS.STATUS, s.status().apiName())
                .set(ORDERS.VERSION, s.version())
                .set(ORDERS.CURRENCY, s.currency().code())
                .set(ORDERS.CURRENCY_DIGITS, (short) s.currency().fractionDigits())
                .set(ORDERS.SUBTOTAL, s.totals().subtotal().amount())
                .set(ORDERS.TAX_TOTAL, s.totals().taxTotal().amount())
                .set(ORDERS.SHIPPING_TOTAL, s.totals().shippingTotal().amount())
                .set(ORDERS.DISCOUNT_TOTAL, s.totals().discountTotal().amount())
                .set(ORDERS.GRAND_TOTAL, s.totals().grandTotal().amount())
                .set(ORDERS.PAID_AMOUNT, s.paidAmount().amount())
                .set(ORDERS.REFUNDED_AMOUNT, s.refundedAmount().amount())
                .set(ORDERS.METADATA, s.metadataJson() == null ? null : JSONB.valueOf(s.metadataJson()))
                .set(ORDERS.CREATED_AT, at(s.createdAt()))
                .set(ORDERS.UPDATED_AT, at(s.updatedAt()))
                .set(ORDERS.IMPORTED_AT, at(now))
                .set(ORDERS.REVIEW_REASON, reviewReason)
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            return false;
        }
        int position = 0;
        for (OrderItem item : s.items()) {
            db.insertInto(ORDER_ITEMS)
                    .set(ORDER_ITEMS.ID, item.id())
                    .set(ORDER_ITEMS.ORDER_ID, s.id().value())
                    .set(ORDER_ITEMS.POSITION, position++)
                    .set(ORDER_ITEMS.PRODUCT_ID, item.productId())
                    .set(ORDER_ITEMS.SKU, item.sku())
                    .set(ORDER_ITEMS.NAME, item.name())
                    .set(ORDER_ITEMS.QUANTITY, item.quantity())
                    .set(
                            ORDER_ITEMS.UNIT_PRICE,
                            item.unitPrice() == null ? null : item.unitPrice().amount())
                    .set(ORDER_ITEMS.PRICE, item.price().amount())
                    .set(
                            ORDER_ITEMS.SUBTOTAL,
                            item.subtotal() == null ? null : item.subtotal().amount())
                    .set(ORDER_ITEMS.TAX, item.tax() == null ? null : item.tax().amount())
                    .set(ORDER_ITEMS.TAX_RATE, item.taxRate())
                    .set(ORDER_ITEMS.METADATA, item.metadataJson() == null ? null : JSONB.valueOf(item.metadataJson()))
                    .execute();
        }
        for (HistoryEntry row : history) {
            db.insertInto(ORDER_STATUS_HISTORY)
                    .set(ORDER_STATUS_HISTORY.ORDER_ID, s.id().value())
                    .set(ORDER_STATUS_HISTORY.VERSION, row.version())
                    .set(
                            ORDER_STATUS_HISTORY.OLD_STATUS,
                            row.oldStatus() == null ? null : row.oldStatus().apiName())
                    .set(ORDER_STATUS_HISTORY.NEW_STATUS, row.newStatus().apiName())
                    .set(ORDER_STATUS_HISTORY.REASON, row.reason())
                    .set(ORDER_STATUS_HISTORY.CHANGED_BY, row.changedBy())
                    .set(ORDER_STATUS_HISTORY.CHANGED_AT, at(row.changedAt()))
                    .execute();
        }
        return true;
    }

    /** The order, locked until the transaction ends: changes to one order happen one after another. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Order> lockForUpdate(OrderId id) {
        return db.select(ORDER_FIELDS)
                .from(ORDERS)
                .leftJoin(CUSTOMERS)
                .on(CUSTOMERS.ID.eq(ORDERS.CUSTOMER_REF))
                .where(ORDERS.ID.eq(id.value()))
                .forUpdate()
                .of(ORDERS)
                .fetchOptional()
                .map(row -> Order.restore(complete(List.of(row)).get(0)));
    }

    /** Writes what changed: the order row, newer payment snapshots, one history row per status change. */
    @Transactional(propagation = Propagation.MANDATORY)
    void save(Order order) {
        OrderState s = order.state();
        for (OrderPayment payment : order.changedPayments()) {
            db.insertInto(ORDER_PAYMENTS)
                    .set(ORDER_PAYMENTS.ORDER_ID, s.id().value())
                    .set(ORDER_PAYMENTS.PAYMENT_ID, payment.paymentId())
                    .set(ORDER_PAYMENTS.PROVIDER, payment.provider())
                    .set(ORDER_PAYMENTS.STATUS, payment.status().apiName())
                    .set(ORDER_PAYMENTS.AMOUNT, payment.amount())
                    .set(ORDER_PAYMENTS.CURRENCY, payment.currency())
                    .set(ORDER_PAYMENTS.REFUNDED_AMOUNT, payment.refundedAmount())
                    .set(ORDER_PAYMENTS.PAYMENT_VERSION, payment.version())
                    .set(ORDER_PAYMENTS.UPDATED_AT, at(s.updatedAt()))
                    .onConflict(ORDER_PAYMENTS.ORDER_ID, ORDER_PAYMENTS.PAYMENT_ID)
                    .doUpdate()
                    .set(ORDER_PAYMENTS.PROVIDER, excluded(ORDER_PAYMENTS.PROVIDER))
                    .set(ORDER_PAYMENTS.STATUS, excluded(ORDER_PAYMENTS.STATUS))
                    .set(ORDER_PAYMENTS.AMOUNT, excluded(ORDER_PAYMENTS.AMOUNT))
                    .set(ORDER_PAYMENTS.CURRENCY, excluded(ORDER_PAYMENTS.CURRENCY))
                    .set(ORDER_PAYMENTS.REFUNDED_AMOUNT, excluded(ORDER_PAYMENTS.REFUNDED_AMOUNT))
                    .set(ORDER_PAYMENTS.PAYMENT_VERSION, excluded(ORDER_PAYMENTS.PAYMENT_VERSION))
                    .set(ORDER_PAYMENTS.UPDATED_AT, excluded(ORDER_PAYMENTS.UPDATED_AT))
                    .where(ORDER_PAYMENTS.PAYMENT_VERSION.lt(excluded(ORDER_PAYMENTS.PAYMENT_VERSION)))
                    .execute();
        }
        if (s.version() != order.storedVersion() || !order.changedPayments().isEmpty() || order.creditChanged()) {
            int updated = db.update(ORDERS)
                    .set(ORDERS.STATUS, s.status().apiName())
                    .set(ORDERS.VERSION, s.version())
                    .set(ORDERS.PAID_AMOUNT, s.paidAmount().amount())
                    .set(ORDERS.REFUNDED_AMOUNT, s.refundedAmount().amount())
                    .set(ORDERS.CREDITED_AMOUNT, s.creditedAmount().amount())
                    .set(ORDERS.UPDATED_AT, at(s.updatedAt()))
                    .where(ORDERS.ID.eq(s.id().value()))
                    .and(ORDERS.VERSION.eq(order.storedVersion()))
                    .execute();
            if (updated != 1) {
                // Callers lock the row first, so this is a bug, not a race to retry.
                throw new IllegalStateException(
                        "Order " + s.id() + " is no longer at version " + order.storedVersion());
            }
        }
        writeChanges(order);
    }

    private void writeChanges(Order order) {
        for (OrderChange change : order.changes()) {
            // A payment update leaves the status as it was: its event is the record; history shows statuses.
            if (change instanceof OrderPlaced placed) {
                history(placed.state(), null, placed.state().status(), placed.reason(), placed.actor());
            } else if (change instanceof OrderStatusChanged moved) {
                history(moved.state(), moved.from(), moved.to(), moved.reason(), moved.actor());
            }
        }
    }

    private void history(OrderState s, OrderStatus from, OrderStatus to, String reason, String actor) {
        db.insertInto(ORDER_STATUS_HISTORY)
                .set(ORDER_STATUS_HISTORY.ORDER_ID, s.id().value())
                .set(ORDER_STATUS_HISTORY.VERSION, s.version())
                .set(ORDER_STATUS_HISTORY.OLD_STATUS, from == null ? null : from.apiName())
                .set(ORDER_STATUS_HISTORY.NEW_STATUS, to.apiName())
                .set(ORDER_STATUS_HISTORY.REASON, reason)
                .set(ORDER_STATUS_HISTORY.CHANGED_BY, actor)
                .set(ORDER_STATUS_HISTORY.CHANGED_AT, at(s.updatedAt()))
                .execute();
    }

    /** Keeps a payment event whose order is unknown here, once. */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordUnmatched(UUID eventId, UUID orderId, UUID paymentId, long version, Instant now) {
        db.insertInto(UNMATCHED_PAYMENT_EVENTS)
                .set(UNMATCHED_PAYMENT_EVENTS.EVENT_ID, eventId)
                .set(UNMATCHED_PAYMENT_EVENTS.ORDER_ID, orderId)
                .set(UNMATCHED_PAYMENT_EVENTS.PAYMENT_ID, paymentId)
                .set(UNMATCHED_PAYMENT_EVENTS.VERSION, version)
                .set(UNMATCHED_PAYMENT_EVENTS.RECEIVED_AT, at(now))
                .onConflictDoNothing()
                .execute();
    }

    /**
     * What the contract's customer owes on its orders on account: the sum of grand total less what was paid and
     * what credit notes took back (never below 0 per order) over its orders neither cancelled nor refunded
     * (docs/b2b.md, Receivables). A refund lowers what is owed and what was paid alike, so it does not enter.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Money openReceivables(ContractId contract, CurrencyCode currency) {
        BigDecimal open = db.select(coalesce(
                        sum(greatest(
                                ORDERS.GRAND_TOTAL.minus(ORDERS.PAID_AMOUNT).minus(ORDERS.CREDITED_AMOUNT),
                                inline(BigDecimal.ZERO))),
                        inline(BigDecimal.ZERO)))
                .from(ORDERS)
                .where(ORDERS.CONTRACT_ID.eq(contract.value()))
                .and(ORDERS.CURRENCY.eq(currency.code()))
                .and(ORDERS.STATUS.notIn(OrderStatus.CANCELLED.apiName(), OrderStatus.REFUNDED.apiName()))
                .fetchSingle(0, BigDecimal.class);
        return Money.of(open, currency);
    }

    Optional<OrderState> find(OrderId id) {
        return one(ORDERS.ID.eq(id.value()));
    }

    Optional<OrderState> findBySource(String source, String sourceOrderId) {
        return one(ORDERS.SOURCE.eq(source).and(ORDERS.SOURCE_ORDER_ID.eq(sourceOrderId)));
    }

    /** Whether the order exists and which channel it belongs to, without loading it. */
    Optional<String> sourceOf(OrderId id) {
        return db.select(ORDERS.SOURCE)
                .from(ORDERS)
                .where(ORDERS.ID.eq(id.value()))
                .fetchOptional(ORDERS.SOURCE);
    }

    List<HistoryEntry> history(OrderId id) {
        return db.select(
                        ORDER_STATUS_HISTORY.VERSION,
                        ORDER_STATUS_HISTORY.OLD_STATUS,
                        ORDER_STATUS_HISTORY.NEW_STATUS,
                        ORDER_STATUS_HISTORY.REASON,
                        ORDER_STATUS_HISTORY.CHANGED_BY,
                        ORDER_STATUS_HISTORY.CHANGED_AT)
                .from(ORDER_STATUS_HISTORY)
                .where(ORDER_STATUS_HISTORY.ORDER_ID.eq(id.value()))
                .orderBy(ORDER_STATUS_HISTORY.VERSION)
                .fetch(r -> new HistoryEntry(
                        r.value1(),
                        r.value2() == null ? null : status(r.value2()),
                        status(r.value3()),
                        r.value4(),
                        r.value5(),
                        r.value6().toInstant()));
    }

    /** Newest first: {@code limit} orders after the position, and whether there are more. */
    List<OrderState> page(OrderQuery query, int fetch) {
        Condition condition = noCondition();
        if (query.source() != null) {
            condition = condition.and(ORDERS.SOURCE.eq(query.source()));
        }
        if (query.status() != null) {
            condition = condition.and(ORDERS.STATUS.eq(query.status().apiName()));
        }
        if (query.customerEmail() != null) {
            condition = condition.and(ORDERS.CUSTOMER_REF.in(
                    select(CUSTOMERS.ID).from(CUSTOMERS).where(CUSTOMERS.EMAIL.eq(query.customerEmail()))));
        }
        if (query.createdFrom() != null) {
            condition = condition.and(ORDERS.CREATED_AT.ge(at(query.createdFrom())));
        }
        if (query.createdTo() != null) {
            condition = condition.and(ORDERS.CREATED_AT.lt(at(query.createdTo())));
        }
        if (query.after() != null) {
            condition = condition.and(row(ORDERS.CREATED_AT, ORDERS.ID)
                    .lt(at(query.after().createdAt()), query.after().id()));
        }
        return complete(db.select(ORDER_FIELDS)
                .from(ORDERS)
                .leftJoin(CUSTOMERS)
                .on(CUSTOMERS.ID.eq(ORDERS.CUSTOMER_REF))
                .where(condition)
                .orderBy(ORDERS.CREATED_AT.desc(), ORDERS.ID.desc())
                .limit(fetch)
                .fetch());
    }

    /** Orders created in [from, to) per channel and currency, and per hour (UTC) if asked. */
    List<OrderFigure> figures(Instant from, Instant to, boolean perHour) {
        Field<OffsetDateTime> hour = perHour
                ? field("date_trunc('hour', {0}, 'UTC')", SQLDataType.TIMESTAMPWITHTIMEZONE, ORDERS.CREATED_AT)
                : inline(null, SQLDataType.TIMESTAMPWITHTIMEZONE);
        List<Field<?>> groups =
                perHour ? List.of(hour, ORDERS.SOURCE, ORDERS.CURRENCY) : List.of(ORDERS.SOURCE, ORDERS.CURRENCY);
        return db.select(hour, ORDERS.SOURCE, ORDERS.CURRENCY, count(), sum(ORDERS.GRAND_TOTAL))
                .from(ORDERS)
                .where(ORDERS.CREATED_AT.ge(at(from)).and(ORDERS.CREATED_AT.lt(at(to))))
                .groupBy(groups)
                .orderBy(groups.stream().map(Field::asc).toList())
                .fetch(r -> new OrderFigure(
                        r.value1() == null ? null : r.value1().toInstant(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5().setScale(CurrencyCode.of(r.value3()).fractionDigits())));
    }

    private Optional<OrderState> one(Condition condition) {
        Record row = db.select(ORDER_FIELDS)
                .from(ORDERS)
                .leftJoin(CUSTOMERS)
                .on(CUSTOMERS.ID.eq(ORDERS.CUSTOMER_REF))
                .where(condition)
                .fetchOne();
        return row == null
                ? Optional.empty()
                : Optional.of(complete(List.of(row)).get(0));
    }

    /** Order rows with their items and payments, fetched for all of them at once. */
    private List<OrderState> complete(List<? extends Record> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, CurrencyCode> currencies = new LinkedHashMap<>();
        for (Record row : rows) {
            currencies.put(row.get(ORDERS.ID), CurrencyCode.of(row.get(ORDERS.CURRENCY)));
        }
        Map<UUID, List<OrderItem>> items = new LinkedHashMap<>();
        for (OrderItemsRecord item : db.selectFrom(ORDER_ITEMS)
                .where(ORDER_ITEMS.ORDER_ID.in(currencies.keySet()))
                .orderBy(ORDER_ITEMS.ORDER_ID, ORDER_ITEMS.POSITION)
                .fetch()) {
            items.computeIfAbsent(item.getOrderId(), id -> new ArrayList<>())
                    .add(item(item, currencies.get(item.getOrderId())));
        }
        Map<UUID, List<OrderPayment>> payments = new LinkedHashMap<>();
        for (OrderPaymentsRecord payment : db.selectFrom(ORDER_PAYMENTS)
                .where(ORDER_PAYMENTS.ORDER_ID.in(currencies.keySet()))
                .orderBy(ORDER_PAYMENTS.ORDER_ID, ORDER_PAYMENTS.PAYMENT_ID)
                .fetch()) {
            payments.computeIfAbsent(payment.getOrderId(), id -> new ArrayList<>())
                    .add(payment(payment));
        }
        List<OrderState> orders = new ArrayList<>(rows.size());
        for (Record row : rows) {
            UUID id = row.get(ORDERS.ID);
            orders.add(state(
                    row, currencies.get(id), items.getOrDefault(id, List.of()), payments.getOrDefault(id, List.of())));
        }
        return orders;
    }

    private static OrderState state(
            Record r, CurrencyCode currency, List<OrderItem> items, List<OrderPayment> payments) {
        UUID customerId = r.get(CUSTOMERS.ID);
        JSONB metadata = r.get(ORDERS.METADATA);
        return new OrderState(
                new OrderId(r.get(ORDERS.ID)),
                r.get(ORDERS.SOURCE),
                r.get(ORDERS.SOURCE_ORDER_ID),
                r.get(ORDERS.CUSTOMER_ID),
                customerId == null
                        ? null
                        : new Customer(
                                customerId, r.get(CUSTOMERS.EMAIL), r.get(CUSTOMERS.NAME), r.get(CUSTOMERS.PHONE)),
                status(r.get(ORDERS.STATUS)),
                r.get(ORDERS.VERSION),
                currency,
                new Totals(
                        Money.of(r.get(ORDERS.SUBTOTAL), currency),
                        Money.of(r.get(ORDERS.TAX_TOTAL), currency),
                        Money.of(r.get(ORDERS.SHIPPING_TOTAL), currency),
                        Money.of(r.get(ORDERS.DISCOUNT_TOTAL), currency),
                        Money.of(r.get(ORDERS.GRAND_TOTAL), currency)),
                Money.of(r.get(ORDERS.PAID_AMOUNT), currency),
                Money.of(r.get(ORDERS.REFUNDED_AMOUNT), currency),
                items,
                payments,
                metadata == null ? null : metadata.data(),
                r.get(ORDERS.CREATED_AT).toInstant(),
                r.get(ORDERS.UPDATED_AT).toInstant(),
                r.get(ORDERS.CONTRACT_ID) == null
                        ? null
                        : new OnAccount(
                                new ContractId(r.get(ORDERS.CONTRACT_ID)),
                                r.get(ORDERS.CONTRACT_VERSION),
                                Money.of(r.get(ORDERS.CREDITED_AMOUNT), currency)));
    }

    private static OrderItem item(OrderItemsRecord r, CurrencyCode currency) {
        return new OrderItem(
                r.getId(),
                r.getProductId(),
                r.getSku(),
                r.getName(),
                r.getQuantity(),
                money(r.getUnitPrice(), currency),
                Money.of(r.getPrice(), currency),
                money(r.getSubtotal(), currency),
                money(r.getTax(), currency),
                r.getTaxRate() == null ? null : r.getTaxRate().stripTrailingZeros(),
                r.getMetadata() == null ? null : r.getMetadata().data());
    }

    private static OrderPayment payment(OrderPaymentsRecord r) {
        return new OrderPayment(
                r.getPaymentId(),
                r.getProvider(),
                PaymentStatus.valueOf(r.getStatus().toUpperCase(java.util.Locale.ROOT)),
                r.getAmount(),
                r.getCurrency(),
                r.getRefundedAmount(),
                r.getPaymentVersion());
    }

    private static OrderStatus status(String name) {
        return OrderStatus.fromApiName(name)
                .orElseThrow(() -> new IllegalStateException("Unknown order status in the database: " + name));
    }

    private static Money money(BigDecimal amount, CurrencyCode currency) {
        return amount == null ? null : Money.of(amount, currency);
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

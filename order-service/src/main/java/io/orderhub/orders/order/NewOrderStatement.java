package io.orderhub.orders.order;

import io.orderhub.money.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The insert of a new order, its items and its first history row as one statement (data-modifying CTEs:
 * one round trip instead of three; items and history are selected from the inserted order row, so
 * nothing is written when the order already exists).
 *
 * <p>Plain JDBC with SQL text built once per item count, not jOOQ: order creation is the hot path, and a
 * JFR profile of {@code OrderCreationBench} showed jOOQ building and rendering this statement (and
 * formatting its timestamp binds) as the largest single CPU cost of a create request (see docs/orders.md,
 * Performance). The columns are those of {@code V1__orders.sql} and {@code V3__contracts.sql}; the create tests cover every one.
 */
final class NewOrderStatement {

    private static final String ORDER = """
            with new_order as (
              insert into orders (id, source, source_order_id, customer_id, customer_ref, status, version, currency,
                  currency_digits, subtotal, tax_total, shipping_total, discount_total, grand_total, paid_amount,
                  refunded_amount, metadata, created_at, updated_at, contract_id, contract_version, payment_method)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
              on conflict (source, source_order_id) do nothing
              returning id),
            new_items as (
              insert into order_items (id, order_id, position, product_id, sku, name, quantity, unit_price, price,
                  subtotal, tax, tax_rate, metadata)
              select v.id, new_order.id, v.position, v.product_id, v.sku, v.name, v.quantity, v.unit_price, v.price,
                  v.subtotal, v.tax, v.tax_rate, v.metadata
              from new_order, (values %s)
                as v (id, position, product_id, sku, name, quantity, unit_price, price, subtotal, tax, tax_rate, metadata)
              returning order_items.id),
            new_history as (
              insert into order_status_history (order_id, version, old_status, new_status, reason, changed_by, changed_at)
              select id, ?, null, ?, ?, ?, ? from new_order
              returning order_status_history.id)
            select id from new_order
            """;

    private static final String ITEM_ROW = "(?::uuid, ?::integer, ?::varchar, ?::varchar, ?::varchar, ?::integer,"
            + " ?::numeric, ?::numeric, ?::numeric, ?::numeric, ?::numeric, ?::jsonb)";

    private static final Map<Integer, String> SQL_BY_ITEM_COUNT = new ConcurrentHashMap<>();

    private NewOrderStatement() {}

    /** Inserts the order; false when an order with its (source, source_order_id) exists. */
    static boolean insert(Connection connection, OrderState s, String reason, String actor) throws SQLException {
        String sql = SQL_BY_ITEM_COUNT.computeIfAbsent(
                s.items().size(), n -> ORDER.formatted(String.join(", ", java.util.Collections.nCopies(n, ITEM_ROW))));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            statement.setObject(i++, s.id().value());
            statement.setString(i++, s.source());
            statement.setString(i++, s.sourceOrderId());
            statement.setString(i++, s.customerId());
            statement.setObject(i++, s.customer() == null ? null : s.customer().id(), Types.OTHER);
            statement.setString(i++, s.status().apiName());
            statement.setLong(i++, s.version());
            statement.setString(i++, s.currency().code());
            statement.setShort(i++, (short) s.currency().fractionDigits());
            statement.setBigDecimal(i++, s.totals().subtotal().amount());
            statement.setBigDecimal(i++, s.totals().taxTotal().amount());
            statement.setBigDecimal(i++, s.totals().shippingTotal().amount());
            statement.setBigDecimal(i++, s.totals().discountTotal().amount());
            statement.setBigDecimal(i++, s.totals().grandTotal().amount());
            statement.setBigDecimal(i++, s.paidAmount().amount());
            statement.setBigDecimal(i++, s.refundedAmount().amount());
            statement.setString(i++, s.metadataJson());
            statement.setObject(i++, at(s.createdAt()));
            statement.setObject(i++, at(s.updatedAt()));
            OnAccount onAccount = s.onAccount();
            statement.setObject(
                    i++, onAccount == null ? null : onAccount.contract().value(), Types.OTHER);
            if (onAccount == null) {
                statement.setNull(i++, Types.BIGINT);
            } else {
                statement.setLong(i++, onAccount.contractVersion());
            }
            statement.setString(i++, onAccount == null ? null : onAccount.paymentMethod());
            int position = 0;
            for (OrderItem item : s.items()) {
                statement.setObject(i++, item.id());
                statement.setInt(i++, position++);
                statement.setString(i++, item.productId());
                statement.setString(i++, item.sku());
                statement.setString(i++, item.name());
                statement.setInt(i++, item.quantity());
                statement.setBigDecimal(i++, amount(item.unitPrice()));
                statement.setBigDecimal(i++, item.price().amount());
                statement.setBigDecimal(i++, amount(item.subtotal()));
                statement.setBigDecimal(i++, amount(item.tax()));
                statement.setBigDecimal(i++, item.taxRate());
                statement.setString(i++, item.metadataJson());
            }
            statement.setLong(i++, s.version());
            statement.setString(i++, s.status().apiName());
            statement.setString(i++, reason);
            statement.setString(i++, actor);
            statement.setObject(i, at(s.updatedAt()));
            try (ResultSet inserted = statement.executeQuery()) {
                return inserted.next();
            }
        }
    }

    private static java.math.BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

package io.orderhub.importer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the old hub's database (the schema of its knex migrations 001–011) in one read-only, repeatable-read
 * transaction, so the import sees one consistent state even while the old hub still writes. Never writes.
 */
final class LegacyDatabase {

    private LegacyDatabase() {}

    static Legacy.Data read(String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            try {
                return read(connection);
            } finally {
                connection.rollback();
            }
        }
    }

    private static Legacy.Data read(Connection db) throws SQLException {
        Map<UUID, Legacy.Customer> customers = new HashMap<>();
        try (ResultSet r = query(db, "select id, email, name, phone from customers")) {
            while (r.next()) {
                UUID id = r.getObject(1, UUID.class);
                customers.put(id, new Legacy.Customer(id, r.getString(2), r.getString(3), r.getString(4)));
            }
        }
        Map<UUID, List<Legacy.Item>> items = new HashMap<>();
        try (ResultSet r = query(db, """
                select order_id, name, sku, quantity, unit_price::text, total_price::text, tax_rate::text,
                    tax_amount::text, metadata::text
                from order_items order by order_id, created_at, id""")) {
            while (r.next()) {
                items.computeIfAbsent(r.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Legacy.Item(
                                r.getString(2),
                                r.getString(3),
                                r.getInt(4),
                                amount(r.getString(5)),
                                amount(r.getString(6)),
                                amount(r.getString(7)),
                                amount(r.getString(8)),
                                r.getString(9)));
            }
        }
        Map<UUID, List<Legacy.History>> orderHistory = history(
                db,
                "select order_id, old_status, new_status, changed_by, change_reason, changed_at"
                        + " from order_status_history order by order_id, changed_at, id");
        Map<UUID, List<Legacy.History>> paymentHistory = history(
                db,
                "select payment_id, old_status, new_status, changed_by, change_reason, changed_at"
                        + " from payment_status_history order by payment_id, changed_at, id");
        Map<UUID, List<Legacy.Payment>> payments = new HashMap<>();
        try (ResultSet r = query(db, """
                select id, order_id, provider, provider_reference, payment_method, status, amount::text, currency,
                    coalesce(refunded_amount, 0)::text, redirect_url, metadata::text, created_at
                from payments order by order_id, created_at, id""")) {
            while (r.next()) {
                UUID id = r.getObject(1, UUID.class);
                payments.computeIfAbsent(r.getObject(2, UUID.class), k -> new ArrayList<>())
                        .add(new Legacy.Payment(
                                id,
                                r.getString(3),
                                r.getString(4),
                                r.getString(5),
                                r.getString(6),
                                amount(r.getString(7)),
                                r.getString(8),
                                amount(r.getString(9)),
                                r.getString(10),
                                r.getString(11),
                                instant(r.getTimestamp(12)),
                                paymentHistory.getOrDefault(id, List.of())));
            }
        }
        List<Legacy.Order> orders = new ArrayList<>();
        try (ResultSet r = query(db, """
                select id, customer_id, source, source_order_id, status, currency, subtotal::text, tax_total::text,
                    shipping_total::text, discount_total::text, grand_total::text, metadata::text, created_at
                from orders order by created_at, id""")) {
            while (r.next()) {
                UUID id = r.getObject(1, UUID.class);
                UUID customer = r.getObject(2, UUID.class);
                orders.add(new Legacy.Order(
                        id,
                        customer == null ? null : customers.get(customer),
                        r.getString(3),
                        r.getString(4),
                        r.getString(5),
                        r.getString(6),
                        amount(r.getString(7)),
                        amount(r.getString(8)),
                        amount(r.getString(9)),
                        amount(r.getString(10)),
                        amount(r.getString(11)),
                        r.getString(12),
                        instant(r.getTimestamp(13)),
                        items.getOrDefault(id, List.of()),
                        orderHistory.getOrDefault(id, List.of()),
                        payments.getOrDefault(id, List.of())));
            }
        }
        List<Legacy.ApiKey> keys = new ArrayList<>();
        try (ResultSet r = query(
                db, "select name, key_hash, channel, is_active, expires_at from api_keys order by created_at, name")) {
            while (r.next()) {
                keys.add(new Legacy.ApiKey(
                        r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4), instant(r.getTimestamp(5))));
            }
        }
        List<Legacy.ChannelConfig> configs = new ArrayList<>();
        try (ResultSet r = query(
                db,
                "select channel, use_payment_hub, shadow_mode, callback_enabled from channel_configs order by channel")) {
            while (r.next()) {
                configs.add(
                        new Legacy.ChannelConfig(r.getString(1), r.getBoolean(2), r.getBoolean(3), r.getBoolean(4)));
            }
        }
        return new Legacy.Data(
                orders,
                keys,
                configs,
                count(db, "select count(*) from payment_providers where deleted_at is null"),
                count(db, "select count(*) from idempotency_keys"));
    }

    private static Map<UUID, List<Legacy.History>> history(Connection db, String sql) throws SQLException {
        Map<UUID, List<Legacy.History>> rows = new HashMap<>();
        try (ResultSet r = query(db, sql)) {
            while (r.next()) {
                rows.computeIfAbsent(r.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Legacy.History(
                                r.getString(2),
                                r.getString(3),
                                r.getString(4),
                                r.getString(5),
                                instant(r.getTimestamp(6))));
            }
        }
        return rows;
    }

    private static ResultSet query(Connection db, String sql) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        statement.closeOnCompletion();
        statement.setFetchSize(1000);
        return statement.executeQuery();
    }

    private static int count(Connection db, String sql) throws SQLException {
        try (ResultSet r = query(db, sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    /** numeric as text, so that NaN (which the old hub stored) is told apart: it becomes null. */
    private static BigDecimal amount(String text) {
        return text == null || text.equals("NaN") ? null : new BigDecimal(text);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

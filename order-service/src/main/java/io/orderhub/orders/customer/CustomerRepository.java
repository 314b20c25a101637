package io.orderhub.orders.customer;

import io.orderhub.messaging.id.Ids;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Customers per channel, keyed by email. */
@Repository
public class CustomerRepository {

    /**
     * Plain JDBC on the transaction's connection rather than jOOQ: this runs once per order creation, the hot
     * path, where a JFR profile showed jOOQ's rendering of this statement as a noticeable share of the CPU.
     */
    private static final String UPSERT = """
            insert into customers (id, source, email, name, phone, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (source, email) do update
              set name = coalesce(excluded.name, customers.name),
                  phone = coalesce(excluded.phone, customers.phone),
                  updated_at = excluded.updated_at
            returning id, email, name, phone
            """;

    private final DSLContext db;

    CustomerRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * The channel's customer with this email, created or brought up to date with the details given
     * (a detail the order leaves out keeps its known value). Without an email there is nothing to match
     * on, so the details become a customer of their own. One statement, so concurrent orders of one new
     * customer cannot create it twice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Customer upsert(String source, CustomerDetails details, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
                statement.setObject(1, Ids.next());
                statement.setString(2, source);
                statement.setString(3, details.email());
                statement.setString(4, details.name());
                statement.setString(5, details.phone());
                statement.setObject(6, at);
                statement.setObject(7, at);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return new Customer(
                            row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4));
                }
            }
        });
    }

    private static final String IMPORT = """
            insert into customers (id, source, email, name, phone, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict do nothing
            returning id, email, name, phone
            """;

    private static final String BY_ID_OR_EMAIL = """
            select id, email, name, phone from customers
            where source = ? and (id = ? or email = ?)
            order by (id = ?) desc
            limit 1
            """;

    /**
     * A customer brought over from the old hub, keeping its id there as the hub's customer reference. The
     * same customer again (another of its orders) is the stored one; when the channel knows the email under
     * another id already, or the old id is taken by this customer in another channel (the old hub had one
     * customer for all channels), the channel's customer is used as {@link #upsert} finds or creates it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Customer importCustomer(UUID legacyId, String source, CustomerDetails details, Instant createdAt) {
        OffsetDateTime at = OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC);
        Customer found = db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(IMPORT)) {
                statement.setObject(1, legacyId);
                statement.setString(2, source);
                statement.setString(3, details.email());
                statement.setString(4, details.name());
                statement.setString(5, details.phone());
                statement.setObject(6, at);
                statement.setObject(7, at);
                Customer inserted = one(statement);
                if (inserted != null) {
                    return inserted;
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(BY_ID_OR_EMAIL)) {
                statement.setString(1, source);
                statement.setObject(2, legacyId);
                statement.setString(3, details.email());
                statement.setObject(4, legacyId);
                return one(statement);
            }
        });
        return found != null ? found : upsert(source, details, createdAt);
    }

    private static Customer one(PreparedStatement statement) throws java.sql.SQLException {
        try (ResultSet row = statement.executeQuery()) {
            return row.next()
                    ? new Customer(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4))
                    : null;
        }
    }
}

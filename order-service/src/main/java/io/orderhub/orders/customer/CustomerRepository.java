package io.orderhub.orders.customer;

import static io.orderhub.orders.jooq.Tables.CUSTOMERS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;

import io.orderhub.orders.Ids;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Customers per channel, keyed by email. */
@Repository
public class CustomerRepository {

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
        return db.insertInto(CUSTOMERS)
                .set(CUSTOMERS.ID, Ids.next())
                .set(CUSTOMERS.SOURCE, source)
                .set(CUSTOMERS.EMAIL, details.email())
                .set(CUSTOMERS.NAME, details.name())
                .set(CUSTOMERS.PHONE, details.phone())
                .set(CUSTOMERS.CREATED_AT, at)
                .set(CUSTOMERS.UPDATED_AT, at)
                .onConflict(CUSTOMERS.SOURCE, CUSTOMERS.EMAIL)
                .doUpdate()
                .set(CUSTOMERS.NAME, coalesce(excluded(CUSTOMERS.NAME), CUSTOMERS.NAME))
                .set(CUSTOMERS.PHONE, coalesce(excluded(CUSTOMERS.PHONE), CUSTOMERS.PHONE))
                .set(CUSTOMERS.UPDATED_AT, excluded(CUSTOMERS.UPDATED_AT))
                .returningResult(CUSTOMERS.ID, CUSTOMERS.EMAIL, CUSTOMERS.NAME, CUSTOMERS.PHONE)
                .fetchSingle(Records.mapping(Customer::new));
    }
}

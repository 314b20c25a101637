package io.orderhub.callbacks.endpoint;

import static io.orderhub.callbacks.jooq.Tables.ENDPOINT;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

@Repository
class EndpointRepository {

    private final DSLContext db;

    EndpointRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Records the configured endpoint. A disabled endpoint whose URL has changed since it answered 410 is
     * enabled again: the operator pointed it somewhere else, which is the fix a 410 asks for.
     */
    void register(Endpoint endpoint, Instant now) {
        String url = endpoint.url() == null ? "" : endpoint.url();
        db.insertInto(ENDPOINT)
                .set(ENDPOINT.NAME, endpoint.name())
                .set(ENDPOINT.URL, url)
                .set(ENDPOINT.FORMAT, endpoint.format().label())
                .set(ENDPOINT.UPDATED_AT, at(now))
                .onConflict(ENDPOINT.NAME)
                .doUpdate()
                .set(ENDPOINT.URL, url)
                .set(ENDPOINT.FORMAT, endpoint.format().label())
                .set(ENDPOINT.UPDATED_AT, at(now))
                .execute();
        db.update(ENDPOINT)
                .setNull(ENDPOINT.DISABLED_AT)
                .setNull(ENDPOINT.DISABLED_URL)
                .setNull(ENDPOINT.DISABLED_REASON)
                .where(ENDPOINT.NAME.eq(endpoint.name()))
                .and(ENDPOINT.DISABLED_AT.isNotNull())
                .and(ENDPOINT.DISABLED_URL.ne(url))
                .execute();
    }

    Set<String> disabledNames() {
        return db
                .select(ENDPOINT.NAME)
                .from(ENDPOINT)
                .where(ENDPOINT.DISABLED_AT.isNotNull())
                .fetchSet(ENDPOINT.NAME)
                .stream()
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Disables the endpoint unless it is disabled already; answers whether this call disabled it. */
    boolean disable(String name, String url, String reason, Instant now) {
        return db.update(ENDPOINT)
                        .set(ENDPOINT.DISABLED_AT, at(now))
                        .set(ENDPOINT.DISABLED_URL, url)
                        .set(ENDPOINT.DISABLED_REASON, reason)
                        .set(ENDPOINT.UPDATED_AT, at(now))
                        .where(ENDPOINT.NAME.eq(name))
                        .and(ENDPOINT.DISABLED_AT.isNull())
                        .execute()
                == 1;
    }

    boolean enable(String name, Instant now) {
        return db.update(ENDPOINT)
                        .setNull(ENDPOINT.DISABLED_AT)
                        .setNull(ENDPOINT.DISABLED_URL)
                        .setNull(ENDPOINT.DISABLED_REASON)
                        .set(ENDPOINT.UPDATED_AT, at(now))
                        .where(ENDPOINT.NAME.eq(name))
                        .execute()
                == 1;
    }

    List<EndpointStatus> all() {
        return db.select(ENDPOINT.fields())
                .from(ENDPOINT)
                .orderBy(ENDPOINT.NAME)
                .fetch(EndpointRepository::status);
    }

    Optional<EndpointStatus> find(String name) {
        return db.select(ENDPOINT.fields())
                .from(ENDPOINT)
                .where(ENDPOINT.NAME.eq(name))
                .fetchOptional(EndpointRepository::status);
    }

    private static EndpointStatus status(Record row) {
        OffsetDateTime disabledAt = row.get(ENDPOINT.DISABLED_AT);
        return new EndpointStatus(
                row.get(ENDPOINT.NAME),
                row.get(ENDPOINT.URL),
                row.get(ENDPOINT.FORMAT),
                disabledAt == null ? null : disabledAt.toInstant(),
                row.get(ENDPOINT.DISABLED_URL),
                row.get(ENDPOINT.DISABLED_REASON));
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

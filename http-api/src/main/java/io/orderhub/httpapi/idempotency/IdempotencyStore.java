package io.orderhub.httpapi.idempotency;

import static io.orderhub.httpapi.jooq.Tables.IDEMPOTENCY_KEY;

import io.orderhub.httpapi.jooq.tables.records.IdempotencyKeyRecord;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The claim rows of Idempotency-Keys, scoped per API key. */
public class IdempotencyStore {

    private static final String IN_FLIGHT = "in_flight";
    private static final String COMPLETED = "completed";

    private final DSLContext db;
    private final ObjectMapper json;
    private final Duration ttl;
    private final Duration lease;

    public IdempotencyStore(DSLContext db, ObjectMapper json, Duration ttl, Duration lease) {
        this.db = db;
        this.json = json;
        this.ttl = ttl;
        this.lease = lease;
    }

    /** A short transaction of its own: the claim is visible to every other request at once. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Claim claim(String apiKey, String key, String fingerprint) {
        OffsetDateTime now = OffsetDateTime.now();
        int inserted = db.insertInto(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.API_KEY, apiKey)
                .set(IDEMPOTENCY_KEY.IDEMPOTENCY_KEY_, key)
                .set(IDEMPOTENCY_KEY.FINGERPRINT, fingerprint)
                .set(IDEMPOTENCY_KEY.STATE, IN_FLIGHT)
                .set(IDEMPOTENCY_KEY.LOCKED_UNTIL, now.plus(lease))
                .set(IDEMPOTENCY_KEY.CREATED_AT, now)
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) {
            return Claim.proceed();
        }
        IdempotencyKeyRecord row = db.selectFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.API_KEY.eq(apiKey).and(IDEMPOTENCY_KEY.IDEMPOTENCY_KEY_.eq(key)))
                .forUpdate()
                .fetchOne();
        if (row == null) {
            // Released between our insert attempt and this read: claim it afresh.
            return claim(apiKey, key, fingerprint);
        }
        if (row.getCreatedAt().isBefore(now.minus(ttl))) {
            takeOver(row, fingerprint, now);
            return Claim.proceed();
        }
        if (!row.getFingerprint().equals(fingerprint)) {
            return Claim.mismatch();
        }
        if (COMPLETED.equals(row.getState())) {
            return Claim.replay(new StoredResponse(row.getResponseStatus(), headers(row), row.getResponseBody()));
        }
        if (row.getLockedUntil().isAfter(now)) {
            return Claim.inFlight();
        }
        // The holder of the lease went away without an answer (its process died): this request takes over.
        row.setLockedUntil(now.plus(lease));
        row.store();
        return Claim.proceed();
    }

    /** Stores the answer in the transaction of the effect: both commit, or neither. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void completeWithEffect(String apiKey, String key, StoredResponse response) {
        complete(apiKey, key, response);
    }

    /** Stores the answer on its own, after a handler that committed its effects itself (or made none). */
    @Transactional
    public void completeAfterwards(String apiKey, String key, StoredResponse response) {
        complete(apiKey, key, response);
    }

    /** Gives the key back after an answer that must not be replayed (5xx, 409, 429): a retry runs again. */
    @Transactional
    public void release(String apiKey, String key) {
        db.deleteFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.API_KEY.eq(apiKey))
                .and(IDEMPOTENCY_KEY.IDEMPOTENCY_KEY_.eq(key))
                .and(IDEMPOTENCY_KEY.STATE.eq(IN_FLIGHT))
                .execute();
    }

    /** Forgets keys older than the retention (24 h). */
    @Transactional
    public int purgeExpired() {
        return db.deleteFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.CREATED_AT.lt(OffsetDateTime.now().minus(ttl)))
                .execute();
    }

    private void complete(String apiKey, String key, StoredResponse response) {
        db.update(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.STATE, COMPLETED)
                .set(IDEMPOTENCY_KEY.RESPONSE_STATUS, response.status())
                .set(IDEMPOTENCY_KEY.RESPONSE_HEADERS, JSONB.valueOf(json.writeValueAsString(response.headers())))
                .set(IDEMPOTENCY_KEY.RESPONSE_BODY, response.body())
                .set(IDEMPOTENCY_KEY.COMPLETED_AT, OffsetDateTime.now())
                .setNull(IDEMPOTENCY_KEY.LOCKED_UNTIL)
                .where(IDEMPOTENCY_KEY.API_KEY.eq(apiKey))
                .and(IDEMPOTENCY_KEY.IDEMPOTENCY_KEY_.eq(key))
                .execute();
    }

    private void takeOver(IdempotencyKeyRecord row, String fingerprint, OffsetDateTime now) {
        row.setFingerprint(fingerprint);
        row.setState(IN_FLIGHT);
        row.setLockedUntil(now.plus(lease));
        row.setCreatedAt(now);
        row.setCompletedAt(null);
        row.setResponseStatus(null);
        row.setResponseHeaders(null);
        row.setResponseBody(null);
        row.store();
    }

    private Map<String, String> headers(IdempotencyKeyRecord row) {
        if (row.getResponseHeaders() == null) {
            return Map.of();
        }
        return json.readValue(row.getResponseHeaders().data(), new TypeReference<LinkedHashMap<String, String>>() {});
    }
}

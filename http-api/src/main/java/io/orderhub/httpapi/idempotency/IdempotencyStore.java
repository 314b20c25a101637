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
            return Claim.proceed(1);
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
            return Claim.proceed(takeOver(row, fingerprint, now));
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
        // The holder of the lease went away without an answer (its process died, or it is still working
        // past its lease): this request takes over under a new fencing token, so the old holder can no
        // longer complete.
        long fence = row.getFence() + 1;
        row.setFence(fence);
        row.setLockedUntil(now.plus(lease));
        row.store();
        return Claim.proceed(fence);
    }

    /**
     * Stores the answer in the transaction of the effect: both commit, or neither. Answers false, storing
     * nothing, when the claim's fencing token is no longer the key's: the caller must then roll back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean completeWithEffect(String apiKey, String key, long fence, StoredResponse response) {
        return complete(apiKey, key, fence, response);
    }

    /**
     * Stores the answer on its own, after a handler that committed its effects itself (or made none);
     * false when another request took the key over meanwhile (its answer is the one that counts).
     */
    @Transactional
    public boolean completeAfterwards(String apiKey, String key, long fence, StoredResponse response) {
        return complete(apiKey, key, fence, response);
    }

    /**
     * Gives the key back after an answer that must not be replayed (5xx, 409, 429): a retry runs again. A
     * claim that was taken over meanwhile gives back nothing.
     */
    @Transactional
    public void release(String apiKey, String key, long fence) {
        db.deleteFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.API_KEY.eq(apiKey))
                .and(IDEMPOTENCY_KEY.IDEMPOTENCY_KEY_.eq(key))
                .and(IDEMPOTENCY_KEY.STATE.eq(IN_FLIGHT))
                .and(IDEMPOTENCY_KEY.FENCE.eq(fence))
                .execute();
    }

    /** Forgets keys older than the retention (24 h). */
    @Transactional
    public int purgeExpired() {
        return db.deleteFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.CREATED_AT.lt(OffsetDateTime.now().minus(ttl)))
                .execute();
    }

    private boolean complete(String apiKey, String key, long fence, StoredResponse response) {
        return db.update(IDEMPOTENCY_KEY)
                        .set(IDEMPOTENCY_KEY.STATE, COMPLETED)
                        .set(IDEMPOTENCY_KEY.RESPONSE_STATUS, response.status())
                        .set(
                                IDEMPOTENCY_KEY.RESPONSE_HEADERS,
                                JSONB.valueOf(json.writeValueAsString(response.headers())))
                        .set(IDEMPOTENCY_KEY.RESPONSE_BODY, response.body())
                        .set(IDEMPOTENCY_KEY.COMPLETED_AT, OffsetDateTime.now())
                        .setNull(IDEMPOTENCY_KEY.LOCKED_UNTIL)
                        .where(IDEMPOTENCY_KEY.API_KEY.eq(apiKey))
                        .and(IDEMPOTENCY_KEY.IDEMPOTENCY_KEY_.eq(key))
                        .and(IDEMPOTENCY_KEY.STATE.eq(IN_FLIGHT))
                        .and(IDEMPOTENCY_KEY.FENCE.eq(fence))
                        .execute()
                == 1;
    }

    private long takeOver(IdempotencyKeyRecord row, String fingerprint, OffsetDateTime now) {
        long fence = row.getFence() + 1;
        row.setFence(fence);
        row.setFingerprint(fingerprint);
        row.setState(IN_FLIGHT);
        row.setLockedUntil(now.plus(lease));
        row.setCreatedAt(now);
        row.setCompletedAt(null);
        row.setResponseStatus(null);
        row.setResponseHeaders(null);
        row.setResponseBody(null);
        row.store();
        return fence;
    }

    private Map<String, String> headers(IdempotencyKeyRecord row) {
        if (row.getResponseHeaders() == null) {
            return Map.of();
        }
        return json.readValue(row.getResponseHeaders().data(), new TypeReference<LinkedHashMap<String, String>>() {});
    }
}

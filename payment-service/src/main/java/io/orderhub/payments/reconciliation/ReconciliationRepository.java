package io.orderhub.payments.reconciliation;

import static io.orderhub.payments.jooq.Tables.RECONCILIATION_MISMATCH;
import static io.orderhub.payments.jooq.Tables.RECONCILIATION_RUN;

import io.orderhub.payments.jooq.tables.records.ReconciliationMismatchRecord;
import io.orderhub.payments.jooq.tables.records.ReconciliationRunRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Runs and their mismatches in and out of the {@code payments} schema. */
@Repository
class ReconciliationRepository {

    private final DSLContext db;

    ReconciliationRepository(DSLContext db) {
        this.db = db;
    }

    /** Inserts a running run; false when it is a scheduled run another instance already claimed. */
    boolean insert(
            UUID id,
            String provider,
            Instant from,
            Instant to,
            ReconciliationRun.Origin origin,
            String requestedBy,
            Instant now,
            Instant leaseUntil) {
        return db.insertInto(RECONCILIATION_RUN)
                        .set(RECONCILIATION_RUN.ID, id)
                        .set(RECONCILIATION_RUN.PROVIDER, provider)
                        .set(RECONCILIATION_RUN.WINDOW_FROM, at(from))
                        .set(RECONCILIATION_RUN.WINDOW_TO, at(to))
                        .set(RECONCILIATION_RUN.STATUS, RunStatus.RUNNING.wireName())
                        .set(RECONCILIATION_RUN.ORIGIN, origin.wireName())
                        .set(RECONCILIATION_RUN.REQUESTED_BY, requestedBy)
                        .set(RECONCILIATION_RUN.CREATED_AT, at(now))
                        .set(RECONCILIATION_RUN.LEASE_UNTIL, at(leaseUntil))
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /** Stores the outcome; false (and nothing stored) when the run is no longer running: it was abandoned. */
    boolean complete(UUID id, int providerPayments, int hubPayments, List<Mismatch> mismatches, Instant now) {
        int finished = db.update(RECONCILIATION_RUN)
                .set(RECONCILIATION_RUN.STATUS, RunStatus.COMPLETED.wireName())
                .set(RECONCILIATION_RUN.PROVIDER_PAYMENTS, providerPayments)
                .set(RECONCILIATION_RUN.HUB_PAYMENTS, hubPayments)
                .set(RECONCILIATION_RUN.FINISHED_AT, at(now))
                .where(RECONCILIATION_RUN.ID.eq(id))
                .and(RECONCILIATION_RUN.STATUS.eq(RunStatus.RUNNING.wireName()))
                .execute();
        if (finished == 0) {
            return false;
        }
        List<ReconciliationMismatchRecord> rows = new ArrayList<>(mismatches.size());
        for (Mismatch m : mismatches) {
            ReconciliationMismatchRecord row = db.newRecord(RECONCILIATION_MISMATCH);
            row.setRunId(id);
            row.setSeq(rows.size());
            row.setKind(m.kind().wireName());
            row.setProviderReference(m.providerReference());
            row.setPaymentId(m.paymentId());
            row.setHubStatus(m.hubStatus());
            row.setHubAmount(m.hubAmount());
            row.setHubCurrency(m.hubCurrency());
            row.setHubRefunded(m.hubRefunded());
            row.setProviderStatus(m.providerStatus());
            row.setProviderAmount(m.providerAmount());
            row.setProviderCurrency(m.providerCurrency());
            row.setProviderRefunded(m.providerRefunded());
            row.setResolution(m.resolution().wireName());
            row.setDetail(m.detail());
            rows.add(row);
        }
        if (!rows.isEmpty()) {
            db.batchInsert(rows).execute();
        }
        return true;
    }

    /** Fails the run if it is still running. */
    void fail(UUID id, String failure, Instant now) {
        db.update(RECONCILIATION_RUN)
                .set(RECONCILIATION_RUN.STATUS, RunStatus.FAILED.wireName())
                .set(RECONCILIATION_RUN.FAILURE, failure)
                .set(RECONCILIATION_RUN.FINISHED_AT, at(now))
                .where(RECONCILIATION_RUN.ID.eq(id))
                .and(RECONCILIATION_RUN.STATUS.eq(RunStatus.RUNNING.wireName()))
                .execute();
    }

    /** Extends the leases of these runs, those still running, to {@code until}. */
    void renew(Collection<UUID> ids, Instant until) {
        db.update(RECONCILIATION_RUN)
                .set(RECONCILIATION_RUN.LEASE_UNTIL, at(until))
                .where(RECONCILIATION_RUN.ID.in(ids))
                .and(RECONCILIATION_RUN.STATUS.eq(RunStatus.RUNNING.wireName()))
                .execute();
    }

    /** Fails every running run whose lease ran out before {@code now}; answers their ids. */
    List<UUID> failExpired(Instant now, String failure) {
        return db.update(RECONCILIATION_RUN)
                .set(RECONCILIATION_RUN.STATUS, RunStatus.FAILED.wireName())
                .set(RECONCILIATION_RUN.FAILURE, failure)
                .set(RECONCILIATION_RUN.FINISHED_AT, at(now))
                .where(RECONCILIATION_RUN.STATUS.eq(RunStatus.RUNNING.wireName()))
                .and(RECONCILIATION_RUN.LEASE_UNTIL.lt(at(now)))
                .returning(RECONCILIATION_RUN.ID)
                .fetch(RECONCILIATION_RUN.ID);
    }

    Optional<ReconciliationRun> find(UUID id) {
        return db.selectFrom(RECONCILIATION_RUN)
                .where(RECONCILIATION_RUN.ID.eq(id))
                .fetchOptional()
                .map(row -> run(
                        row,
                        db.selectFrom(RECONCILIATION_MISMATCH)
                                .where(RECONCILIATION_MISMATCH.RUN_ID.eq(id))
                                .orderBy(RECONCILIATION_MISMATCH.SEQ)
                                .fetch(ReconciliationRepository::mismatch)));
    }

    /** Newest first, after the cursor's position when there is one. */
    List<ReconciliationRun> list(Instant beforeAt, UUID beforeId, int limit) {
        Condition condition = beforeAt == null
                ? DSL.noCondition()
                : DSL.row(RECONCILIATION_RUN.CREATED_AT, RECONCILIATION_RUN.ID).lt(at(beforeAt), beforeId);
        return db.selectFrom(RECONCILIATION_RUN)
                .where(condition)
                .orderBy(RECONCILIATION_RUN.CREATED_AT.desc(), RECONCILIATION_RUN.ID.desc())
                .limit(limit)
                .fetch(row -> run(row, null));
    }

    /** The last completed run of the provider, without its mismatches. */
    Optional<ReconciliationRun> lastCompleted(String provider) {
        return db.selectFrom(RECONCILIATION_RUN)
                .where(RECONCILIATION_RUN.PROVIDER.eq(provider))
                .and(RECONCILIATION_RUN.STATUS.eq(RunStatus.COMPLETED.wireName()))
                .orderBy(RECONCILIATION_RUN.FINISHED_AT.desc())
                .limit(1)
                .fetchOptional()
                .map(row -> run(row, null));
    }

    private ReconciliationRun run(ReconciliationRunRecord row, List<Mismatch> mismatches) {
        Map<MismatchKind, Integer> counts = new EnumMap<>(MismatchKind.class);
        int[] unresolved = {0};
        db.select(RECONCILIATION_MISMATCH.KIND, RECONCILIATION_MISMATCH.RESOLUTION, DSL.count())
                .from(RECONCILIATION_MISMATCH)
                .where(RECONCILIATION_MISMATCH.RUN_ID.eq(row.getId()))
                .groupBy(RECONCILIATION_MISMATCH.KIND, RECONCILIATION_MISMATCH.RESOLUTION)
                .forEach(r -> {
                    counts.merge(MismatchKind.fromDatabase(r.value1()), r.value3(), Integer::sum);
                    if (Resolution.fromDatabase(r.value2()) == Resolution.REPORTED) {
                        unresolved[0] += r.value3();
                    }
                });
        return new ReconciliationRun(
                row.getId(),
                row.getProvider(),
                row.getWindowFrom().toInstant(),
                row.getWindowTo().toInstant(),
                RunStatus.fromDatabase(row.getStatus()),
                ReconciliationRun.Origin.valueOf(row.getOrigin().toUpperCase(java.util.Locale.ROOT)),
                row.getRequestedBy(),
                row.getProviderPayments(),
                row.getHubPayments(),
                row.getFailure(),
                row.getCreatedAt().toInstant(),
                row.getFinishedAt() == null ? null : row.getFinishedAt().toInstant(),
                counts,
                unresolved[0],
                mismatches == null ? List.of() : mismatches);
    }

    private static Mismatch mismatch(ReconciliationMismatchRecord row) {
        return new Mismatch(
                MismatchKind.fromDatabase(row.getKind()),
                row.getProviderReference(),
                row.getPaymentId(),
                row.getHubStatus(),
                row.getHubAmount(),
                row.getHubCurrency(),
                row.getHubRefunded(),
                row.getProviderStatus(),
                row.getProviderAmount(),
                row.getProviderCurrency(),
                row.getProviderRefunded(),
                Resolution.fromDatabase(row.getResolution()),
                row.getDetail());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

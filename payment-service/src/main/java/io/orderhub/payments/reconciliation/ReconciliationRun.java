package io.orderhub.payments.reconciliation;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One run over {@code [from, to)} of one provider: how many payments each side had, the mismatches per kind, and
 * the mismatches themselves (empty in lists).
 */
public record ReconciliationRun(
        UUID id,
        String provider,
        Instant from,
        Instant to,
        RunStatus status,
        Origin origin,
        String requestedBy,
        int providerPayments,
        int hubPayments,
        String failure,
        Instant createdAt,
        Instant finishedAt,
        Map<MismatchKind, Integer> counts,
        int unresolved,
        List<Mismatch> mismatches) {

    public enum Origin {
        ON_DEMAND,
        SCHEDULED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Every kind, zero where the run found none. */
    public Map<MismatchKind, Integer> countsOfEveryKind() {
        Map<MismatchKind, Integer> all = new EnumMap<>(MismatchKind.class);
        for (MismatchKind kind : MismatchKind.values()) {
            all.put(kind, counts.getOrDefault(kind, 0));
        }
        return all;
    }
}

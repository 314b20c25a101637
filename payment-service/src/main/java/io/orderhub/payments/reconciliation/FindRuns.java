package io.orderhub.payments.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads runs: one with its mismatches, or a page of them newest first. */
@Service
public class FindRuns {

    private final ReconciliationRepository runs;

    FindRuns(ReconciliationRepository runs) {
        this.runs = runs;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ReconciliationRun byId(UUID id) {
        return runs.find(id).orElseThrow(RunNotFound::new);
    }

    /** Newest first; {@code beforeAt}/{@code beforeId} is the last run of the previous page, or null. */
    @Transactional(readOnly = true)
    public List<ReconciliationRun> list(Instant beforeAt, UUID beforeId, int limit) {
        return runs.list(beforeAt, beforeId, limit);
    }
}

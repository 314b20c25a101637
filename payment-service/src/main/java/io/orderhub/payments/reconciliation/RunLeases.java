package io.orderhub.payments.reconciliation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs left running by an instance that stopped (killed, its machine gone) would otherwise stay {@code running}
 * for ever, and a scheduled day would never be reconciled: every instance renews the leases of the runs it holds
 * and fails the runs whose lease ran out, whoever started them. Run every third of {@code RECONCILIATION_LEASE}.
 * A run finishing after it was failed this way stores nothing ({@link RunSteps#complete}).
 */
@Component
public class RunLeases {

    static final String ABANDONED =
            "abandoned: the instance carrying it out stopped before it finished; start the window again";

    private static final Logger log = LoggerFactory.getLogger(RunLeases.class);

    private final ReconciliationRepository runs;
    private final ReconciliationWorker worker;
    private final ReconciliationSettings settings;
    private final Clock clock;

    RunLeases(
            ReconciliationRepository runs, ReconciliationWorker worker, ReconciliationSettings settings, Clock clock) {
        this.runs = runs;
        this.worker = worker;
        this.settings = settings;
        this.clock = clock;
    }

    /** Renews this instance's runs and fails the abandoned ones, as of now. */
    public void renewAndSweep() {
        renewAndSweep(clock.instant());
    }

    /**
     * As of {@code now}: this instance's runs are held until now plus the lease; runs expired before now fail. Two
     * statements, each atomic: a run renewed here is never among those failed.
     */
    List<UUID> renewAndSweep(Instant now) {
        Set<UUID> held = worker.held();
        if (!held.isEmpty()) {
            runs.renew(held, now.plus(settings.lease()));
        }
        List<UUID> abandoned = runs.failExpired(now, ABANDONED);
        abandoned.forEach(id -> log.warn("Reconciliation run {} failed: {}", id, ABANDONED));
        return abandoned;
    }
}

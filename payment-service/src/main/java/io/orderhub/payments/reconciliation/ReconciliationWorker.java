package io.orderhub.payments.reconciliation;

import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Carries out started runs one at a time, on a thread of their own, after the transaction that stored them
 * committed: a run reads many pages from its provider, and several at once would only share its rate limit. The
 * runs it holds, waiting or under way, are this instance's: {@link RunLeases} renews their leases while it lives.
 */
@Component
class ReconciliationWorker {

    private final Reconcile reconcile;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reconciliation");
        thread.setDaemon(true);
        return thread;
    });

    ReconciliationWorker(Reconcile reconcile) {
        this.reconcile = reconcile;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RunStarted started) {
        held.add(started.runId());
        executor.execute(() -> {
            try {
                reconcile.run(started.runId());
            } finally {
                held.remove(started.runId());
            }
        });
    }

    /** The runs this instance holds: started here and not finished yet. */
    Set<UUID> held() {
        return Set.copyOf(held);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}

package io.orderhub.payments.reconciliation;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Carries out started runs one at a time, on a thread of their own, after the transaction that stored them
 * committed: a run reads many pages from its provider, and several at once would only share its rate limit.
 */
@Component
class ReconciliationWorker {

    private final Reconcile reconcile;
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
        executor.execute(() -> reconcile.run(started.runId()));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}

package io.orderhub.callbacks.delivery;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the dispatcher when work became due in this instance (a delivery committed, a worker freed), so a
 * callback leaves within milliseconds instead of waiting for the next poll. Other instances find the work
 * by polling.
 */
@Component
class DispatchSignal {

    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);

    void wake() {
        wakeUps.offer(Boolean.TRUE);
    }

    void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    /** Waits for a wake-up or the poll interval, whichever comes first. */
    void await(Duration pollInterval) throws InterruptedException {
        wakeUps.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }
}
